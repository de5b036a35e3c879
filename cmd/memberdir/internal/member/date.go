package member

import "fmt"

// Date is a member_since value with the precision the member gave:
// YYYY, YYYY-MM or YYYY-MM-DD. Month and Day are 0 when not given.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as it was written, in ISO 8601.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// After reports whether d lies after the day t, to the precision d has:
// 2026 is not after any day of 2026, 2026-12 not after any of December.
func (d Date) After(t Date) bool {
	a, b := [3]int{d.Year, d.Month, d.Day}, [3]int{t.Year, t.Month, t.Day}
	for i := range a {
		if a[i] == 0 || a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}
