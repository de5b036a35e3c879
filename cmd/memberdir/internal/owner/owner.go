// Package owner decides who may change which file of a site's repository.
// A profile's owner field names the GitHub user it belongs to; the
// organisers listed in config.yaml under organiser.github may change every
// file. Check applies the rules to a list of changes and needs nothing
// else; Changes reads that list from git, the way a pull request into a
// base branch sees it: every file of the repository, not only the site's.
//
// The rules, for a change by the GitHub user author:
//
//   - Organisers may add, change and delete every file.
//   - A profile that names an owner may be changed or deleted only by that
//     owner. User names are compared ignoring case, as GitHub does.
//   - A profile that names no owner may be changed or deleted only by the
//     organisers: that is the safe default until they add the owner line.
//   - A new profile must name its author as owner.
//   - A photo (or any other file in content/members/) belongs to the profile
//     whose photo field names it, with that profile's owner; a file no
//     profile names may be changed by anyone, since the site shows it
//     only once a profile names it.
//   - Every other file of the repository may be changed only by the
//     organisers: config.yaml, content/pages/, templates/, the workflows in
//     .github/, the README, and, when the site lies in a subfolder, every
//     file outside it as well.
//   - A renamed file counts as deleted under its old name and added under
//     its new one, and each name follows the rules above.
//
// Owners and organisers are read from the base version, which the author
// cannot change in the same pull request.
//
// These rules are what make recommends and thanks authentic: each is
// written in the file of the member who says it (the recommender, or the
// member who got the business and thanks the referrer), so a member can
// recommend and thank only in their own name. Writing a thanks into
// another's profile, to look thanked, is a change of that file and
// refused like any other (TestThanksOwnFile).
package owner

import (
	"path"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Op is what a change does to a file.
type Op int

const (
	Added Op = iota + 1
	Modified
	Deleted
)

func (op Op) String() string {
	switch op {
	case Added:
		return "added"
	case Modified:
		return "modified"
	case Deleted:
		return "deleted"
	}
	return "?"
}

// Change is one file a pull request adds, modifies or deletes, with whom
// it belongs to.
type Change struct {
	// Path is relative to the site root, e.g. content/members/anna.md;
	// a file outside the site folder starts with "../", e.g.
	// ../.github/workflows/check.yml when the site lies in site/.
	Path string
	Op   Op
	// Profile is the profile whose owner decides about a file in
	// content/members/: Path itself for a profile; for another file (a
	// photo) the profile whose photo field names it in the base version;
	// "" when no profile names it, and then anyone may change the file.
	// Other files have none: only the organisers may change them.
	Profile string
	// Owner is the GitHub user named by Profile's owner field: in the
	// base version, or for a new profile in the new version. "" when it
	// names none.
	Owner string
	// Line is, for a new profile, the line of its owner field, or of the
	// first field when it has none, where the line belongs; 0 for other
	// changes. OwnerLine reports whether the owner field is there, even
	// empty.
	Line      int
	OwnerLine bool
}

// Check returns a problem, in the language lang, for each change author
// may not make. organisers may make every change.
func Check(author string, organisers []string, changes []Change, lang string) member.ErrorList {
	for _, o := range organisers {
		if strings.EqualFold(o, author) {
			return nil
		}
	}
	var errs member.ErrorList
	for _, c := range changes {
		mine := c.Owner != "" && strings.EqualFold(c.Owner, author)
		pos := member.Pos{Path: c.Path}
		var msg, field string
		switch {
		case mine:
		case !IsMemberFile(c.Path):
			if len(organisers) == 0 {
				msg = member.Msg(lang, "owner.filenone", c.Path)
			} else {
				msg = member.Msg(lang, "owner.file", strings.Join(organisers, ", "), c.Path)
			}
		case c.Profile == "":
		case c.Profile != c.Path:
			if c.Owner == "" {
				msg = member.Msg(lang, "owner.photonone", c.Profile)
			} else {
				msg = member.Msg(lang, "owner.photo", c.Profile, c.Owner, author)
			}
		case c.Op == Added:
			field, pos.Line = "owner", c.Line
			switch {
			case c.Owner != "":
				msg = member.Msg(lang, "owner.newother", c.Owner, author, author, c.Owner)
			case c.OwnerLine:
				msg = member.Msg(lang, "owner.newempty", author)
			default:
				msg = member.Msg(lang, "owner.new", author)
			}
		case c.Owner == "":
			msg = member.Msg(lang, "owner.none", author)
		case c.Op == Deleted:
			msg = member.Msg(lang, "owner.delete", c.Owner, author)
		default:
			msg = member.Msg(lang, "owner.other", c.Owner, author, c.Owner)
		}
		if msg != "" {
			errs.Add(pos, field, msg)
		}
	}
	return errs
}

// IsProfile reports whether p (relative to the site root) is a file load
// reads as a profile.
func IsProfile(p string) bool {
	dir, name := path.Split(p)
	return dir == load.MembersDir+"/" && strings.EqualFold(path.Ext(name), ".md") &&
		!strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_") && !strings.EqualFold(name, "README.md")
}

// IsMemberFile reports whether p (relative to the site root) lies in
// content/members/ itself, not in a folder of it: a profile, a photo, or
// another file whose rules are the members' rather than the organisers'.
func IsMemberFile(p string) bool {
	dir, name := path.Split(p)
	return dir == load.MembersDir+"/" && name != ""
}
