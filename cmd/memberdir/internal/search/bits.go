package search

import "strings"

// The postings and the entry file's member columns are bit strings: bits
// written most significant first, six to a character of digits (its
// index in digits), the last character padded with zero bits. The bits
// carry numbers in three codes, each the same in the script:
//
//   - gamma(v), v ≥ 1: as many 0 bits as v has bits after its leading 1,
//     then v in binary (Elias gamma);
//   - rice(v, b), v ≥ 0: v>>b 1 bits, a 0 bit, then the b low bits of v;
//   - a set: k sorted numbers below m, written as the gaps between them
//     (each minus one, the first counting from -1) in rice(·, b) with
//     b = riceParam(m, k). Random sets of k in m cost about log2 C(m, k)
//     bits this way, as little as any code can make them.
//
// gzip cannot shrink these characters much, and need not: they are
// dense already. The code before, base-32 numbers as text for gzip to
// squeeze, made the shards of 1,000 members 19% (synthetic in the tests)
// to 55% (the benchmark's generator) larger gzipped.

const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// bitWriter collects bits into a string of digits.
type bitWriter struct {
	s   strings.Builder
	acc uint32 // pending bits, n of them
	n   int
}

func (w *bitWriter) bits(v uint32, n int) {
	for n > 0 {
		k := min(n, 6-w.n)
		n -= k
		w.acc = w.acc<<k | v>>n&(1<<k-1)
		if w.n += k; w.n == 6 {
			w.s.WriteByte(digits[w.acc])
			w.acc, w.n = 0, 0
		}
	}
}

func (w *bitWriter) gamma(v int) {
	n := bitLen(v) - 1
	w.bits(0, n)
	w.bits(uint32(v), n+1)
}

func (w *bitWriter) rice(v, b int) {
	for q := v >> b; q > 0; q -= min(q, 16) {
		w.bits(1<<min(q, 16)-1, min(q, 16))
	}
	w.bits(0, 1)
	w.bits(uint32(v), b)
}

// set writes the sorted numbers s, all below m.
func (w *bitWriter) set(s []int32, m int) {
	b := riceParam(m, len(s))
	last := int32(-1)
	for _, v := range s {
		w.rice(int(v-last-1), b)
		last = v
	}
}

// String returns the bits written, the last character padded.
func (w *bitWriter) String() string {
	if w.n > 0 {
		w.bits(0, 6-w.n)
	}
	return w.s.String()
}

// bitLen returns the number of bits of v > 0.
func bitLen(v int) int {
	n := 0
	for ; v > 0; v >>= 1 {
		n++
	}
	return n
}

// riceParam returns the parameter of the Rice code for the gaps of k
// numbers below m: the largest b with k·2^b ≤ m, or 0.
func riceParam(m, k int) int {
	b := 0
	for k > 0 && k<<(b+1) <= m {
		b++
	}
	return b
}

// setCost returns the bits set(s, m) writes.
func setCost(s []int32, m int) int {
	b := riceParam(m, len(s))
	n, last := 0, int32(-1)
	for _, v := range s {
		n += int(v-last-1)>>b + 1 + b
		last = v
	}
	return n
}

// complement returns the numbers below m not in the sorted s.
func complement(s []int32, m int, out []int32) []int32 {
	out = out[:0]
	j := 0
	for v := int32(0); int(v) < m; v++ {
		if j < len(s) && s[j] == v {
			j++
		} else {
			out = append(out, v)
		}
	}
	return out
}

// members writes the sorted member numbers s, out of n members, as
// gamma(len(s)+1) and the set of s or, when s holds more than half the
// members, of the others.
func (w *bitWriter) members(s []int32, n int, scratch []int32) []int32 {
	w.gamma(len(s) + 1)
	if 2*len(s) <= n {
		w.set(s, n)
		return scratch
	}
	scratch = complement(s, n, scratch)
	w.set(scratch, n)
	return scratch
}

// bitCount returns the number of bits written.
func (w *bitWriter) bitCount() int { return 6*w.s.Len() + w.n }

// append writes the bits of v, which it leaves unusable.
func (w *bitWriter) append(v *bitWriter) {
	s := v.s.String()
	for i := 0; i < len(s); i++ {
		w.bits(uint32(strings.IndexByte(digits, s[i])), 6)
	}
	w.bits(v.acc, v.n)
}
