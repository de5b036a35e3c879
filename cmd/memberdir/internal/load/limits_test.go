package load

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// billionLaughs returns YAML whose aliases would expand to 9^9 (387
// million) strings if they were followed.
func billionLaughs(indent string) string {
	var b strings.Builder
	b.WriteString(indent + `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		fmt.Fprintf(&b, "%s%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", indent, c, c, p, p, p, p, p, p, p, p, p)
	}
	return b.String()
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestAliasBomb(t *testing.T) {
	alias := `: YAML anchors and aliases (& and *) are not allowed in profiles — write the value out`
	cases := []struct {
		name string
		run  func() []string
		want string // one of the errors
	}{
		{"profile", func() []string {
			_, errs := Profile(P, []byte("---\n"+billionLaughs("")+"---\n"), config("en"))
			return lines(errs)
		}, P + ":2:4: a" + alias},
		{"profile, used in a field", func() []string {
			_, errs := Profile(P, []byte(profile("-offerings", "+"+billionLaughs("")+"offerings: *i")), config("en"))
			return lines(errs)
		}, P + ":17:12: offerings" + alias},
		{"profile, in a list item", func() []string {
			_, errs := Profile(P, []byte(profile("+"+billionLaughs(""), "tags:\n  - *i")), config("en"))
			return lines(errs)
		}, P + ":22:5: tags" + alias},
		{"profile, under contact", func() []string {
			_, errs := Profile(P, []byte(profile("contact:\n"+billionLaughs("  ")+"  email: *i")), config("en"))
			return lines(errs)
		}, P + ":18:10: contact.email" + alias},
		{"config", func() []string {
			_, errs := Config(C, []byte("language: en\n"+billionLaughs("")+"title: *i\n"))
			return lines(errs)
		}, C + ":2:4: a" + alias},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			start := time.Now()
			n := allocated(func() { got = c.run() })
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if n > 50<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
			found := false
			for _, g := range got {
				found = found || g == c.want
			}
			if !found {
				t.Errorf("no error %q in\n%s", c.want, strings.Join(got, "\n"))
			}
		})
	}
}

func TestDeepNesting(t *testing.T) {
	cases := []struct {
		name, value string
		want        []string
	}{
		{"flow 10000", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), e(P + `:2:7: name: must be text, not a list — write it on one line after the colon`)},
		{"flow 10001", strings.Repeat("[", 10001) + strings.Repeat("]", 10001), e(P + `:2:1: the value is nested too deeply — profiles use at most three levels`)},
		{"flow 100000 unclosed", strings.Repeat("[", 100000), e(P + `:2:1: the value is nested too deeply — profiles use at most three levels`)},
		{"flow mappings", strings.Repeat("{a: ", 20000), e(P + `:2:1: the value is nested too deeply — profiles use at most three levels`)},
		{"block sequences", "\n" + strings.Repeat("- ", 20000) + "x", e(P + `:3:1: the value is nested too deeply — profiles use at most three levels`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var errs []string
			n := allocated(func() {
				_, el := Profile(P, []byte(profile("name: "+c.value)), config("en"))
				errs = lines(el)
			})
			if n > 200<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
			diffLines(t, errs, c.want)
		})
	}
}
