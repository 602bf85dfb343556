package javalang

import "unicode/utf8"

// loneSurrogate stands for half of a surrogate pair: Java's UTF-8 encoder
// writes '?' for it.
const loneSurrogate = "?"

// asciiPrefix returns the length of the longest ASCII prefix of s,
// checking eight bytes at a time.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	return asciiPrefix(s) == len(s)
}

// runeUnits is the number of UTF-16 code units that encode r.
func runeUnits(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// unitLen is the length of s in UTF-16 code units.
func unitLen(s string) int {
	i := asciiPrefix(s)
	n := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeUnits(r)
		i += size
	}
	return n
}

// unitOffset returns the byte offset in s of UTF-16 index u (0 <= u <=
// unitLen(s)). When u falls between the two halves of a supplementary
// character, mid is true and off is the offset of that character.
func unitOffset(s string, u int) (off int, mid bool) {
	if u <= len(s) && asciiPrefix(s[:u]) == u {
		return u, false
	}
	i := asciiPrefix(s)
	n := i
	for i < len(s) {
		if n == u {
			return i, false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 && n+1 == u {
			return i, true
		}
		n += runeUnits(r)
		i += size
	}
	return len(s), false
}

// unitIndex converts byte offset b (at a rune boundary) to a UTF-16 index.
func unitIndex(s string, b int) int {
	return unitLen(s[:b])
}

// forEachUnit calls f for every UTF-16 code unit of s; a supplementary
// character yields its high then its low surrogate.
func forEachUnit(s string, f func(u uint16)) {
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			f(uint16(0xD800 + (r >> 10)))
			f(uint16(0xDC00 + (r & 0x3FF)))
			continue
		}
		f(uint16(r))
	}
}
