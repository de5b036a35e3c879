package colour

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"#0f5f8c", "#0f5f8c", true},
		{"#0F5F8C", "#0f5f8c", true},
		{"#abc", "#aabbcc", true},
		{" #abc ", "#aabbcc", true},
		{"0f5f8c", "", false},  // no #
		{"#0f5f8", "", false},  // five digits
		{"#0g5f8c", "", false}, // not hex
		{"blue", "", false},
		{"", "", false},
	} {
		c, err := Parse(tc.in)
		if (err == nil) != tc.ok || (tc.ok && c.String() != tc.want) {
			t.Errorf("Parse(%q) = %v, %v; want %s ok=%v", tc.in, c, err, tc.want, tc.ok)
		}
	}
}

// 21, 1, and #767676 as the lightest grey passing AA on white are
// well-known WCAG reference points.
func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#ffffff", "#000000", 21},
		{"#ffffff", "#ffffff", 1},
		{"#777777", "#ffffff", 4.48},
		{"#767676", "#ffffff", 4.54},
		{"#0f5f8c", "#ffffff", 6.92}, // worked out by hand from the formula
		{"#ffffff", "#0f5f8c", 6.92}, // symmetric
	} {
		got := Contrast(MustParse(tc.a), MustParse(tc.b))
		if math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTowards(t *testing.T) {
	yellow := MustParse("#ffcc00")
	dark, ok := Towards(yellow, Black, AA, White)
	if !ok || Contrast(dark, White) < AA {
		t.Fatalf("Towards black: %v %v (contrast %.2f)", dark, ok, Contrast(dark, White))
	}
	// The nearest shade: one step less dark does not reach the target.
	if lighter := Mix(yellow, Black, 0); Contrast(lighter, White) >= AA {
		t.Errorf("test colour already passes")
	}
	if c, ok := Towards(MustParse("#0f5f8c"), Black, AA, White); !ok || c != MustParse("#0f5f8c") {
		t.Errorf("a colour that passes must stay as it is, got %v", c)
	}
	if _, ok := Towards(MustParse("#808080"), White, 30, Black); ok {
		t.Errorf("an unreachable target must report !ok")
	}
}
