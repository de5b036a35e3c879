package referral

import "strings"

// A skeleton is what a bundled text says for one pattern of empty and
// filled member fields (and one value of Cc), with the members' values
// left out: the literal text lits[0], the value of field fields[0],
// lits[1], and so on. Executing a text/template for every e-mail of every
// member was most of the cost of the links at 10,000 members; a skeleton
// is made once per pattern, and filling it in is a copy.
//
// This holds for the bundled texts only, because all they do with a
// member's field is test whether it is empty ({{with}}) and print it; the
// value itself never changes what else they write. A site's own text may
// do more ({{len .Member.Why}}, {{if eq .Member.Role "…"}}), so it is
// always executed. TestSkeletons checks that both ways give the same
// text.
type skeleton struct {
	lits   []string
	fields []int
}

// The fields of Person, in the order of personFields, which a skeleton
// refers to by index.
const npersonFields = 10

// personFields returns the values of p's fields, in a fixed order.
func personFields(p *Person) [npersonFields]string {
	return [npersonFields]string{p.Name, p.Company, p.Role, p.Mission, p.Why,
		p.IdealReferral, p.Email, p.Phone, p.Website, p.ProfileURL}
}

// setPersonFields is the inverse of personFields.
func setPersonFields(p *Person, v [npersonFields]string) {
	p.Name, p.Company, p.Role, p.Mission, p.Why = v[0], v[1], v[2], v[3], v[4]
	p.IdealReferral, p.Email, p.Phone, p.Website, p.ProfileURL = v[5], v[6], v[7], v[8], v[9]
}

// pattern is the key of a skeleton: the text's slot, which of the
// member's fields are filled (bit i for field i) and Cc.
func pattern(slot int, d *Data) uint32 {
	key := uint32(slot) << 16
	for i, v := range personFields(&d.Member) {
		if v != "" {
			key |= 1 << i
		}
	}
	if d.Cc {
		key |= 1 << npersonFields
	}
	return key
}

// marker stands for field i while a skeleton is made. The bundled texts
// contain no NUL, and the site's values, made one line, neither.
func marker(i int) string { return "\x00" + string(rune('A'+i)) + "\x00" }

// skeleton returns the skeleton of the bundled text of slot for d's
// pattern, making it on first use, or nil when the text in slot is the
// site's own.
func (l *Links) skeleton(slot int, d *Data) *skeleton {
	if l.tmpl[slot] != l.def[slot] {
		return nil
	}
	key := pattern(slot, d)
	if s, ok := l.skeletons.Load(key); ok {
		return s.(*skeleton)
	}
	s := l.makeSkeleton(slot, d)
	if s == nil {
		return nil
	}
	actual, _ := l.skeletons.LoadOrStore(key, s)
	return actual.(*skeleton)
}

// makeSkeleton executes the bundled text of slot on markers in place of
// d's filled fields and splits the result at them. It returns nil if the
// text does not execute or the markers cannot be told apart from the
// text, in which case the text is executed for every member.
func (l *Links) makeSkeleton(slot int, d *Data) *skeleton {
	x := Data{Site: d.Site, Cc: d.Cc}
	var v [npersonFields]string
	for i, f := range personFields(&d.Member) {
		if f != "" {
			v[i] = marker(i)
		}
	}
	setPersonFields(&x.Member, v)
	var b strings.Builder
	if err := l.def[slot].Execute(&b, x); err != nil {
		return nil
	}
	out := b.String()
	s := &skeleton{}
	for {
		i := strings.IndexByte(out, 0)
		if i < 0 {
			s.lits = append(s.lits, out)
			return s
		}
		if i+2 >= len(out) || out[i+2] != 0 || out[i+1] < 'A' || out[i+1] >= 'A'+npersonFields {
			return nil
		}
		s.lits = append(s.lits, out[:i])
		s.fields = append(s.fields, int(out[i+1]-'A'))
		out = out[i+3:]
	}
}

// fill returns the text of s with p's values.
func (s *skeleton) fill(p *Person) string {
	if len(s.fields) == 0 {
		return s.lits[0]
	}
	v := personFields(p)
	n := 0
	for _, lit := range s.lits {
		n += len(lit)
	}
	for _, f := range s.fields {
		n += len(v[f])
	}
	var b strings.Builder
	b.Grow(n)
	for i, f := range s.fields {
		b.WriteString(s.lits[i])
		b.WriteString(v[f])
	}
	b.WriteString(s.lits[len(s.lits)-1])
	return b.String()
}
