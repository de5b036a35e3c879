package owner

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os/exec"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Changes returns the files of the repository that HEAD adds, modifies
// or deletes compared with the revision base, as a pull request into base
// sees them: from the merge base of the two on, so that what base gained
// meanwhile does not count as the author's. It also returns the organisers
// named in base's config.yaml. Owners and organisers are read from base
// itself, the branch the changes go into. dir is the site folder, inside
// a git work tree; git must be installed. Its errors are in the language
// lang.
func Changes(ctx context.Context, dir, base, lang string) ([]Change, []string, error) {
	g := &git{ctx: ctx, dir: dir, lang: lang}
	prefix, mergeBase, err := g.start(base)
	if err != nil {
		return nil, nil, err
	}
	diffs, err := g.diffs(prefix, mergeBase)
	if err != nil {
		return nil, nil, err
	}

	// One cat-file reads the versions of config.yaml and the profiles
	// needed: each in base, each profile in HEAD too. Of other files,
	// which may be large, another one asks only whether base has them.
	specs := []string{base + ":" + prefix + load.ConfigFile}
	var checks []string
	for _, d := range diffs {
		if IsProfile(d.site) {
			specs = append(specs, base+":"+d.repo, "HEAD:"+d.repo)
		} else {
			checks = append(checks, base+":"+d.repo)
		}
	}
	blobs, err := g.cat(specs, true)
	if err != nil {
		return nil, nil, err
	}
	inBase, err := g.cat(checks, false)
	if err != nil {
		return nil, nil, err
	}
	cfg, _ := load.Config(load.ConfigFile, blobs[0])

	var photos map[string]Change // file name → the base profile naming it
	var changes []Change
	nb, nc := 1, 0
	for _, d := range diffs {
		var before, after []byte
		if IsProfile(d.site) {
			before, after = blobs[nb], blobs[nb+1]
			nb += 2
		} else {
			before = inBase[nc]
			nc++
		}
		op := d.op
		// What base looks like decides, in case it changed since the
		// merge base.
		switch {
		case before == nil && op == Deleted:
			continue
		case before == nil:
			op = Added
		case op == Added:
			op = Modified
		}
		c := Change{Path: d.site, Op: op}
		switch {
		case IsProfile(d.site):
			c.Profile = d.site
			if op == Added {
				c.Owner = ownerOf(d.site, after, &cfg)
				c.Line, c.OwnerLine = ownerLine(after)
			} else {
				c.Owner = ownerOf(d.site, before, &cfg)
			}
		case IsMemberFile(d.site):
			if photos == nil {
				if photos, err = g.photos(base, prefix, &cfg); err != nil {
					return nil, nil, err
				}
			}
			p := photos[path.Base(d.site)]
			c.Profile, c.Owner = p.Profile, p.Owner
		}
		changes = append(changes, c)
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, cfg.Organiser.GitHub, nil
}

// start returns the site folder's path in the repository ("" or
// "site/") and the commit where HEAD parted from base, with an error in
// the user's language when dir is no git work tree or base no revision
// HEAD shares history with.
func (g *git) start(base string) (prefix, mergeBase string, err error) {
	lang := g.lang
	out, err := g.run(nil, "rev-parse", "--show-prefix")
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", "", &gitError{member.Msg(lang, "git.norepo", g.dir), err}
		}
		return "", "", err
	}
	prefix = strings.TrimSpace(string(out))
	if _, err := g.run(nil, "rev-parse", "--verify", "--quiet", base+"^{commit}"); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return "", "", err
		}
		return "", "", &gitError{member.Msg(lang, "git.norev", base), err}
	}
	out, err = g.run(nil, "merge-base", base, "HEAD")
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return "", "", err
		}
		return "", "", &gitError{member.Msg(lang, "git.nomergebase", base), err}
	}
	return prefix, strings.TrimSpace(string(out)), nil
}

// diff is one file that git diff lists between the merge base and HEAD.
type diff struct {
	op   Op
	repo string // from the root of the repository
	site string // from the site folder
}

// diffs returns every file of the repository that HEAD changes since
// mergeBase, named from its root: a pull request can change the
// workflows or the tool as well as the site.
func (g *git) diffs(prefix, mergeBase string) ([]diff, error) {
	out, err := g.run(nil, "diff", "--name-status", "--no-renames", "-z", mergeBase, "HEAD")
	if err != nil {
		return nil, err
	}
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var diffs []diff
	for i := 0; i+1 < len(fields); i += 2 {
		op := Modified
		switch fields[i] {
		case "A":
			op = Added
		case "D":
			op = Deleted
		}
		diffs = append(diffs, diff{op, fields[i+1], sitePath(prefix, fields[i+1])})
	}
	return diffs, nil
}

// sitePath returns p, a path from the root of the repository, relative
// to the site folder prefix ("" or "site/"), with a "../" for each folder
// of prefix that p lies outside of.
func sitePath(prefix, p string) string {
	dirs := strings.Split(strings.TrimSuffix(prefix, "/"), "/")
	if prefix == "" {
		dirs = nil
	}
	for len(dirs) > 0 && strings.HasPrefix(p, dirs[0]+"/") {
		p = p[len(dirs[0])+1:]
		dirs = dirs[1:]
	}
	return strings.Repeat("../", len(dirs)) + p
}

// ownerLine returns the line of a new profile's owner field and true, or
// when it has none the line on which its front matter starts and false,
// where the field can go. It reads the lines as they are, since the
// profile may have mistakes that keep it from being read as YAML.
func ownerLine(data []byte) (int, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	start := 0
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	if start == len(lines) || strings.TrimRight(lines[start], " \t") != "---" {
		return 1, false
	}
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimRight(l, " \t") == "---" {
			break
		}
		if k, _, ok := strings.Cut(l, ":"); ok && strings.TrimRight(k, " \t") == "owner" {
			return i + 1, true
		}
	}
	return start + 2, false
}

// photos returns, for each photo file name that a profile in base names,
// that profile and its owner.
func (g *git) photos(base, prefix string, cfg *member.Config) (map[string]Change, error) {
	out, err := g.run(nil, "ls-tree", "-z", "--name-only", base, "--", load.MembersDir+"/")
	if err != nil {
		return nil, err
	}
	var paths, specs []string
	for _, p := range strings.Split(string(out), "\x00") {
		if IsProfile(p) {
			paths = append(paths, p)
			specs = append(specs, base+":"+prefix+p)
		}
	}
	blobs, err := g.cat(specs, true)
	if err != nil {
		return nil, err
	}
	photos := map[string]Change{}
	for i, p := range paths {
		if blobs[i] == nil {
			continue
		}
		m, _ := load.Profile(p, blobs[i], cfg)
		if m != nil && m.Photo != "" {
			photos[m.Photo] = Change{Profile: p, Owner: m.Owner}
		}
	}
	return photos, nil
}

// ownerRE finds the owner line of a profile that cannot be read as a
// whole, e.g. because of a syntax error elsewhere in it.
var ownerRE = regexp.MustCompile(`(?m)^owner:[ \t]*["']?([A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38})["']?[ \t]*(?:#.*)?\r?$`)

// ownerOf returns the owner a profile names, "" for none.
func ownerOf(p string, data []byte, cfg *member.Config) string {
	if data == nil {
		return ""
	}
	if m, _ := load.Profile(p, data, cfg); m != nil {
		return m.Owner
	}
	if m := ownerRE.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// git runs git commands in a folder and says what went wrong in the
// language lang.
type git struct {
	ctx  context.Context
	dir  string
	lang string
}

// gitError is a failure of git, told in the site's language, that keeps
// the error it comes from.
type gitError struct {
	msg string
	err error
}

func (e *gitError) Error() string { return e.msg }
func (e *gitError) Unwrap() error { return e.err }

func (g *git) run(stdin io.Reader, args ...string) ([]byte, error) {
	// Paths as they are, and from the root of the repository whatever
	// the user's configuration says.
	cmd := exec.CommandContext(g.ctx, "git", append([]string{"-c", "core.quotePath=false", "-c", "diff.relative=false"}, args...)...)
	cmd.Dir = g.dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			why := strings.TrimSpace(stderr.String())
			if why == "" {
				why = err.Error()
			}
			return out, &gitError{member.Msg(g.lang, "git.failed", args[0], why), err}
		}
		return out, &gitError{member.Msg(g.lang, "git.missing", err), err}
	}
	return out, nil
}

// cat returns the files named by specs ("REV:path"), nil for each one
// that does not exist (or is a folder), with one git cat-file. Without
// content it only asks whether they exist, and returns an empty slice
// for each that does.
func (g *git) cat(specs []string, content bool) ([][]byte, error) {
	out := make([][]byte, len(specs))
	var in strings.Builder
	var asked []int
	for i, s := range specs {
		// cat-file reads one name per line; a name with a line break
		// (never a valid profile) is reported as missing.
		if strings.ContainsAny(s, "\r\n") {
			continue
		}
		in.WriteString(s + "\n")
		asked = append(asked, i)
	}
	if len(asked) == 0 {
		return out, nil
	}
	mode := "--batch"
	if !content {
		mode = "--batch-check"
	}
	data, err := g.run(strings.NewReader(in.String()), "cat-file", mode)
	if err != nil {
		return nil, err
	}
	short := &gitError{member.Msg(g.lang, "git.short"), io.ErrUnexpectedEOF}
	r := bufio.NewReader(bytes.NewReader(data))
	for _, i := range asked {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, short
		}
		// "<oid> <type> <size>", or "<name> missing" (or ambiguous) for
		// a name that does not resolve; names may contain spaces.
		f := strings.Fields(head)
		if len(f) != 3 {
			continue
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		if !content {
			if f[1] == "blob" {
				out[i] = []byte{}
			}
			continue
		}
		body := make([]byte, size+1) // the content and a line feed
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, short
		}
		if f[1] == "blob" {
			out[i] = body[:size]
		}
	}
	return out, nil
}
