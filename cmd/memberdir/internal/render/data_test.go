package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// membersOf reads members.json and its parts from files.
func membersOf(t *testing.T, files Files) []MemberJSON {
	t.Helper()
	var index MembersJSON
	if err := json.Unmarshal(files["members.json"], &index); err != nil {
		t.Fatal(err)
	}
	if index.Version != membersVersion || len(index.Parts) == 0 {
		t.Fatalf("members.json: version %d, parts %q", index.Version, index.Parts)
	}
	var out []MemberJSON
	for _, p := range index.Parts {
		var part []MemberJSON
		if err := json.Unmarshal(files[p], &part); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, part...)
	}
	if len(out) != index.Site.Count {
		t.Errorf("members.json counts %d members, its parts hold %d", index.Site.Count, len(out))
	}
	return out
}

// TestParts splits lists of entries into parts and wants every entry
// once, in order, no part over partBudget but for a single entry that
// is, and a list that fits in one part under its own name.
func TestParts(t *testing.T) {
	entry := func(i, n int) []byte { return []byte(fmt.Sprintf("%06d%s", i, strings.Repeat("x", n-6))) }
	for _, tc := range []struct {
		name  string
		sizes []int
		parts int
	}{
		{"none", nil, 1},
		{"one small", []int{10}, 1},
		{"exactly full", []int{partBudget/2 - 10, partBudget/2 - 10}, 1},
		{"one over", []int{partBudget / 2, partBudget / 2, 10}, 2},
		{"many", append(make([]int, 0, 3000), repeat(1000, 3000)...), 3},
		{"one entry larger than a part", []int{10, partBudget + 5, 10}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMemory()
			s := &site{sink: m}
			p := &parts{s: s, head: "[", sep: ",", tail: "]", name: func(i int) string { return fmt.Sprintf("p-%d", i) }}
			var want [][]byte
			for i, n := range tc.sizes {
				e := entry(i, n)
				want = append(want, e)
				if err := p.add(e); err != nil {
					t.Fatal(err)
				}
			}
			names, err := p.finish("one")
			if err != nil {
				t.Fatal(err)
			}
			if len(names) != tc.parts {
				t.Fatalf("%d parts %q, want %d", len(names), names, tc.parts)
			}
			if tc.parts == 1 && names[0] != "one" {
				t.Errorf("a single part is called %q, want one", names[0])
			}
			var got [][]byte
			for i, n := range names {
				if tc.parts > 1 && n != fmt.Sprintf("p-%d", i+1) {
					t.Errorf("part %d is called %q", i+1, n)
				}
				data := m.Files()[n]
				if !bytes.HasPrefix(data, []byte("[")) || !bytes.HasSuffix(data, []byte("]")) {
					t.Fatalf("%s lacks its head or tail: %.20q", n, data)
				}
				inner := data[1 : len(data)-1]
				if len(data) > partBudget && bytes.Contains(inner, []byte(",")) {
					t.Errorf("%s weighs %d bytes with more than one entry", n, len(data))
				}
				if len(inner) > 0 {
					got = append(got, bytes.Split(inner, []byte(","))...)
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d entries came out, %d went in", len(got), len(want))
			}
			for i := range want {
				if !bytes.Equal(got[i], want[i]) {
					t.Fatalf("entry %d differs", i)
				}
			}
		})
	}
}

func repeat(n, times int) []int {
	out := make([]int, times)
	for i := range out {
		out[i] = n
	}
	return out
}
