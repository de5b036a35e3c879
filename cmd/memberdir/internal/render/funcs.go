package render

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// funcs are the functions templates may call. They work on typed values,
// so a typo in a template fails the build instead of printing nothing.
func (s *site) funcs() template.FuncMap {
	return template.FuncMap{
		// t returns the UI string key, formatted with args.
		"t": s.t,
		// tn returns the UI string key.one when n is 1, else key.many,
		// with n filled in: {{tn "member.thanked" 5}}.
		"tn": func(key string, n int) (string, error) {
			if n == 1 {
				return s.t(key+".one", n)
			}
			return s.t(key+".many", n)
		},
		// url returns the address of a path below the site root.
		"url": func(p string) string { return s.data.BasePath + strings.TrimPrefix(p, "/") },
		// abs returns the absolute address of a path when base_url is absolute.
		"abs": func(p string) string { return s.data.abs(strings.TrimPrefix(p, "/")) },
		// asset returns the address of a theme asset under its fingerprinted name.
		"asset": func(name string) (string, error) {
			p, ok := s.assets[name]
			if !ok {
				return "", fmt.Errorf("no asset %q in templates/assets/", name)
			}
			return s.data.BasePath + p, nil
		},
		"hasAsset": func(name string) bool { _, ok := s.assets[name]; return ok },
		// date formats a member_since date in the site's language: "März 2021".
		"date": s.date,
		"year": func(d member.Date) int { return d.Year },
		// day formats a YYYY-MM-DD date for the site's language:
		// "26. November 2026" or "26 November 2026".
		"day": s.day,
		// iso formats a date as written, for <time datetime>.
		"iso":  func(d member.Date) string { return d.String() },
		"join": strings.Join,
		// obf encodes s for data-obf attributes, which site.js decodes:
		// how addresses stay out of the HTML with privacy.obfuscate_email.
		"obf": func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) },
		// langOf marks a member's words, such as a recommendation's
		// note, with their language where it is not the site's:
		// <q{{langOf .From}}>.
		"langOf": s.langAttr,
		"langName": func(code string) string {
			if n, ok := s.strings["lang."+code]; ok {
				return n
			}
			return code
		},
	}
}

// constFuncs are the functions of funcs whose result depends on their
// argument alone for the whole render, so that templates may call them
// once, when they are parsed (see expandCalls): the site's addresses and
// assets do not change while it renders.
var constFuncs = []string{"url", "abs", "asset", "hasAsset"}

func (s *site) t(key string, args ...any) (string, error) {
	f, ok := s.strings[key]
	if !ok {
		return "", fmt.Errorf("no UI string %q in templates/i18n/%s.yaml", key, s.dir.Config.Language)
	}
	if len(args) == 0 {
		return f, nil
	}
	return fmt.Sprintf(f, args...), nil
}

func (s *site) date(d member.Date) string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprint(d.Year)
	}
	month, ok := s.strings[fmt.Sprintf("month.%d", d.Month)]
	if !ok {
		month = time.Month(d.Month).String()
	}
	return fmt.Sprintf("%s %d", month, d.Year)
}

func (s *site) day(iso string) string {
	d, key := member.ParseDate(iso)
	if key != "" || d.Day == 0 {
		return iso
	}
	if s.dir.Config.Language == "de" {
		return fmt.Sprintf("%d. %s", d.Day, s.date(d))
	}
	return fmt.Sprintf("%d %s", d.Day, s.date(d))
}
