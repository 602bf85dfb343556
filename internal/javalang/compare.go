package javalang

import "unicode/utf8"

// firstUnit returns the first UTF-16 code unit of r and, for a
// supplementary character, its second.
func firstUnit(r rune) (hi, lo uint16) {
	if r >= 0x10000 {
		r -= 0x10000
		return uint16(0xD800 + (r >> 10)), uint16(0xDC00 + (r & 0x3FF))
	}
	return uint16(r), 0
}

// CompareTo is String.compareTo(anotherString): the difference of the first
// differing UTF-16 code units, else the difference of the lengths.
func CompareTo(s, t string) int {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		if s[i] < utf8.RuneSelf && t[j] < utf8.RuneSelf {
			if s[i] != t[j] {
				return int(s[i]) - int(t[j])
			}
			i++
			j++
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		r2, n2 := utf8.DecodeRuneInString(t[j:])
		if r1 != r2 {
			h1, l1 := firstUnit(r1)
			h2, l2 := firstUnit(r2)
			if h1 != h2 {
				return int(h1) - int(h2)
			}
			// Same high surrogate: both are supplementary.
			return int(l1) - int(l2)
		}
		i += n1
		j += n2
	}
	return unitLen(s[:i]) + unitLen(s[i:]) - unitLen(t[:j]) - unitLen(t[j:])
}

// foldDiff compares two code points as Java's case-insensitive comparisons
// do: equal after toUpperCase, or after toLowerCase of that. It returns 0
// for a match, else the difference of the lower-cased upper cases.
func foldDiff(r1, r2 rune) int {
	if r1 == r2 {
		return 0
	}
	u1, u2 := javaToUpper(r1), javaToUpper(r2)
	if u1 == u2 {
		return 0
	}
	l1, l2 := javaToLower(u1), javaToLower(u2)
	if l1 == l2 {
		return 0
	}
	return int(l1) - int(l2)
}

// CompareToIgnoreCase is String.compareToIgnoreCase(str) with Java 16+
// semantics: characters, supplementary ones included, compare as code
// points after case folding.
func CompareToIgnoreCase(s, t string) int {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		r2, n2 := utf8.DecodeRuneInString(t[j:])
		if d := foldDiff(r1, r2); d != 0 {
			return d
		}
		i += n1
		j += n2
	}
	return unitLen(s) - unitLen(t)
}

// EqualsIgnoreCase is String.equalsIgnoreCase(anotherString).
func EqualsIgnoreCase(s, t string) bool {
	if len(s) == len(t) && s == t {
		return true
	}
	if unitLen(s) != unitLen(t) {
		return false
	}
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		r2, n2 := utf8.DecodeRuneInString(t[j:])
		if (r1 >= 0x10000) != (r2 >= 0x10000) || foldDiff(r1, r2) != 0 {
			return false
		}
		i += n1
		j += n2
	}
	return true
}
