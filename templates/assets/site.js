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
    // The button's own label is kept once: a second tap while it says
    // "Copied" must not make that its label for good.
    if (!b.hasAttribute("data-label")) b.setAttribute("data-label", b.textContent);
    // A screen reader hears the confirmation from the status element
    // beside the button; the button's changed label it would not announce.
    var status = document.querySelector('[data-copy-status="' + b.getAttribute("data-copy") + '"]');
    var done = function () {
      b.textContent = b.getAttribute("data-copied") || "✓";
      if (status) {
        status.textContent = "";
        status.textContent = b.textContent;
      }
      clearTimeout(b.copyTimer);
      b.copyTimer = setTimeout(function () {
        b.textContent = b.getAttribute("data-label");
        if (status) status.textContent = "";
      }, 2000);
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
(function () {
  // With privacy.obfuscate_email, addresses are not in the HTML: links and
  // texts carry them base64-encoded, and are restored here.
  function decode(s) {
    try { return decodeURIComponent(escape(atob(s))); } catch (e) { return ""; }
  }
  document.querySelectorAll("[data-obf]").forEach(function (el) {
    var v = decode(el.getAttribute("data-obf"));
    if (!v) return;
    if (el.tagName === "A") el.setAttribute("href", v);
    else if ("value" in el) el.value = v;
  });
  document.querySelectorAll("[data-obf-text]").forEach(function (el) {
    var v = decode(el.getAttribute("data-obf-text"));
    if (v) el.textContent = v;
  });
})();
(function () {
  // A code block wider than its box scrolls inside it (see site.css), as
  // do the network page's charts and tables on a phone. While one does,
  // the keyboard can reach it to scroll it with the arrow keys (WCAG
  // 2.1.1), which not every browser allows by itself.
  var blocks = document.querySelectorAll("pre, .scrolls");
  if (!blocks.length) return;
  function reachable() {
    blocks.forEach(function (b) {
      if (b.scrollWidth > b.clientWidth) b.tabIndex = 0;
      else b.removeAttribute("tabindex");
    });
  }
  reachable();
  window.addEventListener("resize", reachable);
})();
