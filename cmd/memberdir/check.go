package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/owner"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
)

// runCheck is "memberdir check": it reads the whole site as build does,
// including the rules across files (recommends targets, exclusive
// categories, duplicate file names), and reports every problem, or only
// those in the files named. With --author and --base it also checks, with
// git, that the author changed only what they may: their own profile and
// photo, unless they are an organiser (see package owner). Every file of
// the repository counts, also outside the site folder, whatever FILEs
// are named. Drafts are
// checked too, but as in a build without --drafts they take no part in
// the one-member-per-category rule. Problems in config.yaml are reported
// even when FILEs are named, since every profile is read through it.
//
// Problems go to stdout as the report the command exists for, in the
// format asked for; the exit code is 1 when there are any. Usage and I/O
// errors go to stderr with exit code 2.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's `folder` (with config.yaml and content/)")
	format := fl.String("format", "text", "output `format`: text, github (annotations and a summary for GitHub Actions) or json")
	author := fl.String("author", "", "GitHub `user` who made the changes; with --base, check that they changed only their own profile and photo, or are an organiser")
	base := fl.String("base", "", "git `revision` the changes are compared with, e.g. origin/main")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: memberdir check [--source DIR] [--format text|github|json] [--author USER --base REV] [FILE…]")
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	switch *format {
	case "text", "github", "json":
	default:
		return fmt.Errorf("%w: --format must be text, github or json, not %q", errUsage, *format)
	}
	if (*author == "") != (*base == "") {
		return fmt.Errorf("%w: --author and --base go together: --author USER --base origin/main", errUsage)
	}
	if strings.HasPrefix(*base, "-") {
		return fmt.Errorf("%w: --base %q is not a git revision", errUsage, *base)
	}
	only, err := checkFiles(*source, fl.Args())
	if err != nil {
		return err
	}

	_, content, err := site.Load(os.DirFS(*source), site.Options{})
	var problems member.ErrorList
	if err != nil && !errors.As(err, &problems) {
		return err
	}
	cfg := content.Config
	only = only.withProfilesOf(content.Members)
	problems = only.filter(problems)
	if *author != "" {
		// Who may make a change is a question about the whole pull
		// request, so these problems are kept whatever FILEs are named.
		changes, organisers, err := owner.Changes(ctx, *source, *base, cfg.Language)
		if err != nil {
			return err
		}
		problems = append(problems, owner.Check(*author, organisers, changes, cfg.Language)...)
	}
	problems.Sort()
	profiles := 0
	for _, m := range content.Members {
		if only.has(m.Path) {
			profiles++
		}
	}

	r := report{problems: problems, profiles: profiles, lang: cfg.Language, source: *source}
	switch *format {
	case "json":
		err = r.json(stdout)
	case "github":
		err = r.github(stdout)
	default:
		err = r.text(stdout)
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return errProblems
	}
	return nil
}

// selection is the set of files a check reports on: slash paths relative
// to the site root, a folder ending in "/" standing for everything in it.
// A nil selection is the whole site.
type selection []string

func (s selection) has(p string) bool {
	if s == nil {
		return true
	}
	for _, f := range s {
		if p == f || strings.HasSuffix(f, "/") && strings.HasPrefix(p, f) {
			return true
		}
	}
	return false
}

// withProfilesOf adds to the selection the profile of each selected
// photo, where a problem with the photo (cut short by an upload, say) is
// reported, at its photo: line.
func (s selection) withProfilesOf(members []*member.Member) selection {
	if s == nil {
		return nil
	}
	out := s
	for _, m := range members {
		if m.Photo != "" && s.has(path.Dir(m.Path)+"/"+m.Photo) && !s.has(m.Path) {
			out = append(out, m.Path)
		}
	}
	return out
}

// filter keeps the problems in the selected files. Problems in
// config.yaml are always kept: every profile is read through it.
func (s selection) filter(list member.ErrorList) member.ErrorList {
	if s == nil {
		return list
	}
	var out member.ErrorList
	for _, e := range list {
		if s.has(e.Pos.Path) || e.Pos.Path == load.ConfigFile {
			out = append(out, e)
		}
	}
	return out
}

// checkFiles resolves the FILE arguments of check to paths relative to
// the site root. A FILE may be given relative to the site folder or as a
// path from the current folder (or absolute); it must exist and lie in
// content/.
func checkFiles(source string, args []string) (selection, error) {
	if len(args) == 0 {
		return nil, nil
	}
	root, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	sel := selection{}
	for _, a := range args {
		var cands []string
		if filepath.IsAbs(a) {
			cands = []string{a}
		} else {
			cwd, err := filepath.Abs(a)
			if err != nil {
				return nil, err
			}
			cands = []string{filepath.Join(root, a), cwd}
		}
		found, outside := "", false
		for _, c := range cands {
			st, err := os.Stat(c)
			if err != nil {
				continue
			}
			rel, err := filepath.Rel(root, c)
			rel = filepath.ToSlash(rel)
			if err != nil || !strings.HasPrefix(rel, "content/") {
				outside = true
				continue
			}
			if st.IsDir() {
				rel = strings.TrimSuffix(rel, "/") + "/"
			}
			found = rel
			break
		}
		switch {
		case found != "":
			sel = append(sel, found)
		case outside:
			return nil, fmt.Errorf("%w: %s is not in the folder %s — check checks profiles in %s/ and pages in %s/", errUsage, a, filepath.Join(source, "content")+string(filepath.Separator), load.MembersDir, load.PagesDir)
		default:
			return nil, fmt.Errorf("%w: %s: no such file — give the path from the site folder, e.g. %s/anna-mueller.md", errUsage, a, load.MembersDir)
		}
	}
	return sel, nil
}

// report prints the result of a check in one of its formats.
type report struct {
	problems member.ErrorList
	profiles int    // profiles checked
	lang     string // the site's language
	source   string // the site folder, as given
}

// text prints one problem per line, file:line:col: field: message, and a
// count; or that all profiles are OK.
func (r report) text(w io.Writer) error {
	var b strings.Builder
	for _, e := range r.problems {
		b.WriteString(e.Error() + "\n")
	}
	b.WriteString(r.count() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (r report) count() string {
	switch {
	case len(r.problems) == 0 && r.profiles == 1:
		return member.Msg(r.lang, "check.okone")
	case len(r.problems) == 0:
		return member.Msg(r.lang, "check.ok", r.profiles)
	case len(r.problems) == 1:
		return member.Msg(r.lang, "check.problem")
	}
	return member.Msg(r.lang, "check.problems", len(r.problems))
}

// json prints {"problems": [...], "count": N} for tools.
func (r report) json(w io.Writer) error {
	type problem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Field   string `json:"field"`
		Message string `json:"message"`
	}
	out := struct {
		Problems []problem `json:"problems"`
		Count    int       `json:"count"`
	}{Problems: []problem{}, Count: len(r.problems)}
	for _, e := range r.problems {
		out.Problems = append(out.Problems, problem{e.Pos.Path, e.Pos.Line, e.Pos.Col, e.Field, e.Msg})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// github prints a GitHub Actions error annotation per problem, which
// GitHub shows on the line in the pull request, then the text report for
// the log. Since GitHub shows only ten annotations per step, a Markdown
// table of all problems is appended to the step summary
// ($GITHUB_STEP_SUMMARY), or printed when there is none.
func (r report) github(w io.Writer) error {
	var b strings.Builder
	for _, e := range r.problems {
		b.WriteString(annotation(r.repoPath(e.Pos.Path), e, r.lang) + "\n")
	}
	summary := r.summary()
	name := os.Getenv("GITHUB_STEP_SUMMARY")
	if name == "" {
		b.WriteString(summary)
		_, err := io.WriteString(w, b.String())
		return err
	}
	for _, e := range r.problems {
		b.WriteString(e.Error() + "\n")
	}
	b.WriteString(r.count() + "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, summary); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// annotation returns the workflow command of one problem:
// ::error file=…,line=…,col=…,title=…::message.
func annotation(file string, e *member.Error, lang string) string {
	props := []string{"file=" + escapeProperty(file)}
	if e.Pos.Line > 0 {
		props = append(props, "line="+strconv.Itoa(e.Pos.Line))
		if e.Pos.Col > 0 {
			props = append(props, "col="+strconv.Itoa(e.Pos.Col))
		}
	}
	title := member.Msg(lang, "check.summarytitle")
	if e.Field != "" {
		title += ": " + e.Field
	}
	props = append(props, "title="+escapeProperty(title))
	return "::error " + strings.Join(props, ",") + "::" + escapeData(e.Msg)
}

// escapeData escapes a workflow command's message as the GitHub Actions
// runner expects, so that a member's text cannot end the command or start
// another one.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, in which
// ":" and "," are separators as well.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// summary returns the Markdown step summary: a heading, and a table of
// all problems with file, line, field and message.
func (r report) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", member.Msg(r.lang, "check.summary", r.count()))
	if len(r.problems) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "%s\n\n", member.Msg(r.lang, "check.summaryhelp"))
	head := member.Msg(r.lang, "check.summaryhead")
	b.WriteString(head + "\n")
	b.WriteString(strings.Repeat("|---", strings.Count(head, "|")-1) + "|\n")
	for _, e := range r.problems {
		line := ""
		if e.Pos.Line > 0 {
			line = strconv.Itoa(e.Pos.Line)
		}
		field := ""
		if e.Field != "" {
			// Field names are a-z, 0-9, _, . and [ ], safe in code.
			field = "`" + strings.NewReplacer("`", "", "|", "").Replace(e.Field) + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.repoPath(e.Pos.Path)), line, field, cell(e.Msg))
	}
	return b.String()
}

// cellText makes text literal in a Markdown table cell: one line, no
// column separators, no emphasis, links or HTML, since messages quote
// members' own text.
var cellText = strings.NewReplacer(
	"\r\n", " ", "\n", " ", "\r", " ",
	"|", "\\|", "\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]",
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
)

func cell(s string) string { return cellText.Replace(s) }

// repoPath returns the path GitHub knows a file by: relative to the root
// of the repository ($GITHUB_WORKSPACE) when the site lies inside it,
// else relative to the site folder.
func (r report) repoPath(p string) string {
	ws := os.Getenv("GITHUB_WORKSPACE")
	if ws == "" {
		return p
	}
	abs, err := filepath.Abs(filepath.Join(r.source, filepath.FromSlash(p)))
	if err != nil {
		return p
	}
	wsAbs, err := filepath.Abs(ws)
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wsAbs, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return path.Clean(filepath.ToSlash(rel))
}
