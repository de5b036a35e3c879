package member

import "testing"

func TestCheckPhoneGermanForms(t *testing.T) {
	for _, s := range []string{"(0221) 123456", "0221 123456", "+49 (0)221 123-45", "+49 221 4710318"} {
		if k := CheckPhone(s); k != "" {
			t.Errorf("CheckPhone(%q) = %q, want ok", s, k)
		}
	}
	for _, s := range []string{"(0221", "call me", "+49 abc", "12"} {
		if CheckPhone(s) == "" {
			t.Errorf("CheckPhone(%q) accepted", s)
		}
	}
}
