package qr

import (
	"html/template"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr/coding"
)

// svgSlow is svg as it was before runs were found a byte at a time and
// the element written into one buffer of its size: a module at a time.
func svgSlow(code *coding.Code, label string) string {
	black := func(x, y int) bool {
		return 0 <= x && x < code.Size && 0 <= y && y < code.Size &&
			code.Bitmap[y*code.Stride+x/8]&(1<<uint(7-x&7)) != 0
	}
	n := strconv.Itoa(code.Size + 2*quiet)
	b := make([]byte, 0, 4<<10)
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `+n+" "+n+
		`" role="img" aria-label="`+template.HTMLEscapeString(label)+
		`" shape-rendering="crispEdges"><path fill="currentColor" d="`...)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !black(x, y) {
				x++
				continue
			}
			run := 1
			for black(x+run, y) {
				run++
			}
			b = append(b, 'M')
			b = strconv.AppendInt(b, int64(x+quiet), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(y+quiet), 10)
			b = append(b, 'h')
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, "v1h-"...)
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, 'z')
			x += run
		}
	}
	b = append(b, `"/></svg>`...)
	return string(b)
}

// svgTexts are texts of every version a code can have, in all three
// encodings.
func svgTexts() []string {
	var texts []string
	for n := 1; n < 2300; n += 13 {
		texts = append(texts, "https://netzwerk.example/members/"+strings.Repeat("ä", n/2)+"/",
			strings.Repeat("7", n), strings.ToUpper(strings.Repeat("ab-", n/3+1)))
	}
	return texts
}

// TestSVGSameAsSlow wants the same element from svg and svgSlow, for codes
// of every size, with light and dark modules at every edge of a byte.
func TestSVGSameAsSlow(t *testing.T) {
	for _, text := range svgTexts() {
		code, err := encode(text)
		if err != nil {
			continue // too long for a code
		}
		for _, label := range []string{"", "QR-Code", `"<&>'`} {
			if got, want := svg(code, label), svgSlow(code, label); got != want {
				t.Fatalf("%.40q (%d modules): svg differs from svgSlow:\n%s\n%s", text, code.Size, got, want)
			}
		}
		// The inverted code has dark modules where it had light ones,
		// and dark bits past its edge in the last byte of each row.
		inv := *code
		inv.Bitmap = make([]byte, len(code.Bitmap))
		for i, c := range code.Bitmap {
			inv.Bitmap[i] = ^c
		}
		if got, want := svg(&inv, "x"), svgSlow(&inv, "x"); got != want {
			t.Fatalf("%.40q inverted: svg differs from svgSlow:\n%s\n%s", text, got, want)
		}
	}
}

// TestOnly checks that only decides as the Check methods of coding.Num and
// coding.Alpha do, for every byte alone and in a text.
func TestOnly(t *testing.T) {
	var texts []string
	for c := range 256 {
		b := string([]byte{byte(c)})
		texts = append(texts, b, "12"+b, "AB"+b+"CD", b+"\xc3")
	}
	texts = append(texts, "", "ä", "Ä", "0123", "HTTPS://X.DE/", "https://x.de/", "ABC abc")
	for _, s := range texts {
		if got, want := only(s, digits), coding.Num(s).Check() == nil; got != want {
			t.Errorf("only(%q, digits) = %v, Num.Check says %v", s, got, want)
		}
		if got, want := only(s, alphabet), coding.Alpha(s).Check() == nil; got != want {
			t.Errorf("only(%q, alphabet) = %v, Alpha.Check says %v", s, got, want)
		}
	}
}

// BenchmarkDraw compares svg and svgSlow on the code of a profile link.
func BenchmarkDraw(b *testing.B) {
	code, err := encode("https://netzwerk.example/members/anna-mueller/")
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []struct {
		name string
		svg  func(*coding.Code, string) string
	}{{"svg", svg}, {"slow", svgSlow}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f.svg(code, "QR-Code")
			}
		})
	}
}
