// memberdir: small progressive enhancements. Every page works without
// this script; it only adds conveniences.
"use strict";
(function () {
  // "Copy text" buttons copy the text of the element named by
  // data-copy, for visitors whose webmail does not open mailto: links.
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-copy]");
    if (!b) return;
    var src = document.getElementById(b.getAttribute("data-copy"));
    if (!src) return;
    var text = src.value !== undefined ? src.value : src.textContent;
    var done = function () {
      var old = b.textContent;
      b.textContent = b.getAttribute("data-copied") || "✓";
      setTimeout(function () { b.textContent = old; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(src, done); });
    } else {
      fallback(src, done);
    }
  });
  function fallback(src, done) {
    var ta = document.createElement("textarea");
    ta.value = src.value !== undefined ? src.value : src.textContent;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    try { if (document.execCommand("copy")) done(); } finally { ta.remove(); }
  }
  // Copy buttons are hidden until this script runs, since they need it.
  document.querySelectorAll("[data-copy][hidden]").forEach(function (b) { b.hidden = false; });
})();
