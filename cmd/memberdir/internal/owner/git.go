package owner

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Changes returns the files in content/members/ that HEAD adds, modifies
// or deletes compared with the revision base, as a pull request into base
// sees them: from the merge base of the two on, so that what base gained
// meanwhile does not count as the author's. It also returns the organisers
// named in base's config.yaml. Owners and organisers are read from base
// itself, the branch the changes go into. dir is the site folder, inside
// a git work tree; git must be installed.
func Changes(ctx context.Context, dir, base string) ([]Change, []string, error) {
	g := &git{ctx: ctx, dir: dir}
	out, err := g.run(nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, nil, err
	}
	prefix := strings.TrimSpace(string(out)) // the site folder in the repository, "" or "site/"
	if _, err := g.run(nil, "rev-parse", "--verify", "--quiet", base+"^{commit}"); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("git: %q is not a revision of this repository — fetch it first; in GitHub Actions, check out with fetch-depth: 0", base)
	}
	out, err = g.run(nil, "merge-base", base, "HEAD")
	if err != nil {
		return nil, nil, fmt.Errorf("git: %s and HEAD have no common history — fetch the whole history (in GitHub Actions: fetch-depth: 0)", base)
	}
	mergeBase := strings.TrimSpace(string(out))
	out, err = g.run(nil, "diff", "--name-status", "--no-renames", "-z", "--relative", mergeBase, "HEAD", "--", load.MembersDir)
	if err != nil {
		return nil, nil, err
	}
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	type diff struct {
		op   Op
		path string
	}
	var diffs []diff
	for i := 0; i+1 < len(fields); i += 2 {
		op := Modified
		switch fields[i] {
		case "A":
			op = Added
		case "D":
			op = Deleted
		}
		diffs = append(diffs, diff{op, fields[i+1]})
	}

	// One cat-file reads all versions needed: each file and config.yaml
	// in base, each file in HEAD.
	specs := []string{base + ":" + prefix + load.ConfigFile}
	for _, d := range diffs {
		specs = append(specs, base+":"+prefix+d.path, "HEAD:"+prefix+d.path)
	}
	blobs, err := g.blobs(specs)
	if err != nil {
		return nil, nil, err
	}
	cfg, _ := load.Config(load.ConfigFile, blobs[0])

	var photos map[string]Change // file name → the base profile naming it
	var changes []Change
	for i, d := range diffs {
		before, after := blobs[1+2*i], blobs[2+2*i]
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
		c := Change{Path: d.path, Op: op}
		switch {
		case IsProfile(d.path):
			c.Profile = d.path
			if op == Added {
				c.Owner = ownerOf(d.path, after, &cfg)
			} else {
				c.Owner = ownerOf(d.path, before, &cfg)
			}
		case strings.HasPrefix(d.path, load.MembersDir+"/") && !strings.Contains(d.path[len(load.MembersDir)+1:], "/"):
			if photos == nil {
				if photos, err = g.photos(base, prefix, &cfg); err != nil {
					return nil, nil, err
				}
			}
			p := photos[d.path[len(load.MembersDir)+1:]]
			c.Profile, c.Owner = p.Profile, p.Owner
		}
		changes = append(changes, c)
	}
	return changes, cfg.Organiser.GitHub, nil
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
	blobs, err := g.blobs(specs)
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

// git runs git commands in a folder.
type git struct {
	ctx context.Context
	dir string
}

func (g *git) run(stdin io.Reader, args ...string) ([]byte, error) {
	args = append([]string{"-c", "core.quotePath=false"}, args...)
	cmd := exec.CommandContext(g.ctx, "git", args...)
	cmd.Dir = g.dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return out, fmt.Errorf("git %s: %w: %s", args[2], err, strings.TrimSpace(stderr.String()))
		}
		return out, fmt.Errorf("git: %w — is git installed?", err)
	}
	return out, nil
}

// blobs returns the files named by specs ("REV:path"), nil for each one
// that does not exist (or is a folder), with one git cat-file.
func (g *git) blobs(specs []string) ([][]byte, error) {
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
	data, err := g.run(strings.NewReader(in.String()), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(data))
	for _, i := range asked {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected end of output")
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
		body := make([]byte, size+1) // the content and a line feed
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected end of output")
		}
		if f[1] == "blob" {
			out[i] = body[:size]
		}
	}
	return out, nil
}
