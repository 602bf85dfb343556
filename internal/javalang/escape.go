package javalang

import (
	"strings"
	"unicode/utf8"
)

const upperHex = "0123456789ABCDEF"

// EscapeJavaScript is commons-lang 2.6 StringEscapeUtils.escapeJavaScript,
// which $util.escapeJavaScript calls: ' " \ and / get a backslash, \b \f
// \n \r \t their short escapes, other characters below U+0020 and every
// UTF-16 code unit above U+007F become \uXXXX (upper-case hex; a
// supplementary character becomes its two surrogates). DEL is kept.
func EscapeJavaScript(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '\'' || c == '"' || c == '\\' || c == '/' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/4 + 8)
	sb.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c < 0x20:
				if !shortEscape(&sb, c) {
					writeUnitEscape(&sb, uint16(c))
				}
			case c == '\'' || c == '"' || c == '\\' || c == '/':
				sb.WriteByte('\\')
				sb.WriteByte(c)
			default:
				sb.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		hi, lo := firstUnit(r)
		writeUnitEscape(&sb, hi)
		if r >= 0x10000 {
			writeUnitEscape(&sb, lo)
		}
	}
	return sb.String()
}

// shortEscape writes the two-character escape of a control character, if
// it has one.
func shortEscape(sb *strings.Builder, r byte) bool {
	var c byte
	switch r {
	case '\b':
		c = 'b'
	case '\n':
		c = 'n'
	case '\t':
		c = 't'
	case '\f':
		c = 'f'
	case '\r':
		c = 'r'
	default:
		return false
	}
	sb.WriteByte('\\')
	sb.WriteByte(c)
	return true
}

func writeUnitEscape(sb *strings.Builder, u uint16) {
	sb.WriteString(`\u`)
	sb.WriteByte(upperHex[u>>12])
	sb.WriteByte(upperHex[u>>8&0xF])
	sb.WriteByte(upperHex[u>>4&0xF])
	sb.WriteByte(upperHex[u&0xF])
}
