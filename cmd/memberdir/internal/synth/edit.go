package synth

import (
	"slices"
	"strings"
)

// Edit returns the profile whose lines are lines, its front matter
// between the first two "---", with edits applied in order, as a file's
// text. An edit "key: …" (which may span lines) replaces the top-level
// field key with all its indented lines, or is added as the last field
// when the profile has no such field; "-key" deletes the field; "+text"
// adds text as the last field even when the key exists (for
// duplicates). load's tables describe their cases so, and the schema's
// agreement test reads those tables and must edit alike.
func Edit(lines []string, edits ...string) string {
	lines = slices.Clone(lines)
	closing := func() int { return slices.Index(lines[1:], "---") + 1 }
	block := func(key string) (int, int) {
		for i := 1; i < closing(); i++ {
			if strings.HasPrefix(lines[i], key+":") {
				j := i + 1
				for j < closing() && (strings.HasPrefix(lines[j], " ") || strings.HasPrefix(lines[j], "\t")) {
					j++
				}
				return i, j
			}
		}
		return -1, -1
	}
	for _, e := range edits {
		switch {
		case strings.HasPrefix(e, "-"):
			if i, j := block(e[1:]); i >= 0 {
				lines = slices.Delete(lines, i, j)
			}
		case strings.HasPrefix(e, "+"):
			lines = slices.Insert(lines, closing(), strings.Split(e[1:], "\n")...)
		default:
			key, _, _ := strings.Cut(e, ":")
			if i, j := block(key); i >= 0 {
				lines = slices.Replace(lines, i, j, strings.Split(e, "\n")...)
			} else {
				lines = slices.Insert(lines, closing(), strings.Split(e, "\n")...)
			}
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
