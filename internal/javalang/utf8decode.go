package javalang

import (
	"strings"
	"unicode/utf8"
)

// decodeUTF8 is new String(bytes, UTF_8) in OpenJDK 17: malformed input
// becomes U+FFFD with Java's own rules for how many bytes each
// replacement swallows (an encoded surrogate is one U+FFFD; a truncated
// sequence at the end is one U+FFFD).
func decodeUTF8(b []byte) string {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	sb.Write(b[:i])
	const repl = '\uFFFD'
	cont := func(x byte) bool { return x&0xC0 == 0x80 }
	n := len(b)
	for i < n {
		b1 := b[i]
		i++
		switch {
		case b1 < 0x80:
			sb.WriteByte(b1)
		case b1>>5 == 0x6 && b1&0x1E != 0: // 110xxxxx, not C0/C1
			if i < n {
				if !cont(b[i]) {
					sb.WriteRune(repl)
				} else {
					sb.WriteRune(rune(b1&0x1F)<<6 | rune(b[i]&0x3F))
					i++
				}
				continue
			}
			sb.WriteRune(repl)
			return sb.String()
		case b1>>4 == 0xE: // 1110xxxx
			if i+1 < n {
				b2, b3 := b[i], b[i+1]
				if b1 == 0xE0 && b2&0xE0 == 0x80 || !cont(b2) || !cont(b3) {
					sb.WriteRune(repl)
					if !(b1 == 0xE0 && b2&0xE0 == 0x80 || !cont(b2)) {
						i++ // malformed3 swallows b2 too
					}
					continue
				}
				i += 2
				c := rune(b1&0x0F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F)
				if c >= 0xD800 && c <= 0xDFFF {
					c = repl
				}
				sb.WriteRune(c)
				continue
			}
			if i < n && (b1 == 0xE0 && b[i]&0xE0 == 0x80 || !cont(b[i])) {
				sb.WriteRune(repl)
				continue
			}
			sb.WriteRune(repl)
			return sb.String()
		case b1>>3 == 0x1E: // 11110xxx
			if i+2 < n {
				b2, b3, b4 := b[i], b[i+1], b[i+2]
				uc := rune(b1&0x07)<<18 | rune(b2&0x3F)<<12 | rune(b3&0x3F)<<6 | rune(b4&0x3F)
				if !cont(b2) || !cont(b3) || !cont(b4) || uc < 0x10000 || uc > 0x10FFFF {
					sb.WriteRune(repl)
					i += malformed4(b1, b2, b3) - 1
					continue
				}
				sb.WriteRune(uc)
				i += 3
				continue
			}
			if b1 > 0xF4 || i < n && malformed4Second(b1, b[i]) {
				sb.WriteRune(repl)
				continue
			}
			i++
			sb.WriteRune(repl)
			if i < n && !cont(b[i]) {
				continue
			}
			return sb.String()
		default:
			sb.WriteRune(repl)
		}
	}
	return sb.String()
}

// malformed4Second reports whether b2 cannot follow the lead byte b1 of a
// four-byte sequence.
func malformed4Second(b1, b2 byte) bool {
	return b1 == 0xF0 && (b2 < 0x90 || b2 > 0xBF) || b1 == 0xF4 && b2&0xF0 != 0x80 || b2&0xC0 != 0x80
}

// malformed4 is how many bytes of a bad four-byte sequence one U+FFFD
// replaces (Java's malformed4).
func malformed4(b1, b2, b3 byte) int {
	if b1 > 0xF4 || malformed4Second(b1, b2) {
		return 1
	}
	if b3&0xC0 != 0x80 {
		return 2
	}
	return 3
}
