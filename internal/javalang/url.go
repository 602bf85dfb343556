package javalang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// urlSafe reports the characters java.net.URLEncoder leaves alone.
func urlSafe(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') ||
		c == '.' || c == '-' || c == '*' || c == '_'
}

// URLEncode is $util.urlEncode: java.net.URLEncoder.encode(s, "UTF-8").
// Letters, digits and ".-*_" are kept, a space becomes '+', and every other
// byte of the UTF-8 encoding becomes %XX in upper-case hex.
func URLEncode(s string) string {
	i := 0
	for ; i < len(s) && urlSafe(s[i]); i++ {
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/2)
	sb.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case urlSafe(c):
			sb.WriteByte(c)
		case c == ' ':
			sb.WriteByte('+')
		case c >= utf8.RuneSelf:
			// Invalid UTF-8 stands for U+FFFD, as Java decoded it.
			r, size := utf8.DecodeRuneInString(s[i:])
			var buf [4]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
				writePercent(&sb, b)
			}
			i += size - 1
		default:
			writePercent(&sb, c)
		}
	}
	return sb.String()
}

func writePercent(sb *strings.Builder, b byte) {
	sb.WriteByte('%')
	sb.WriteByte(upperHex[b>>4])
	sb.WriteByte(upperHex[b&0xF])
}

// URLDecode is $util.urlDecode: java.net.URLDecoder.decode(s, "UTF-8").
// '+' becomes a space; each run of %XX escapes is decoded as UTF-8 (bad
// sequences become U+FFFD). A malformed escape is IllegalArgumentException
// with URLDecoder's message. As in Java, the two characters after '%' are
// parsed by Integer.parseInt(.., 16), so a sign or any Unicode digit is
// accepted.
func URLDecode(s string) (string, error) {
	if !strings.ContainsAny(s, "+%") {
		return s, nil
	}
	var sb strings.Builder
	sb.Grow(len(s))
	var bytes []byte
	for i := 0; i < len(s); {
		switch s[i] {
		case '+':
			sb.WriteByte(' ')
			i++
		case '%':
			bytes = bytes[:0]
			for s[i] == '%' {
				hexStart := i + 1
				pair, end, ok := nextUnits(s, hexStart, 2)
				if !ok {
					return "", newException(ClassIllegalArgument, "URLDecoder: Incomplete trailing escape (%) pattern")
				}
				v, at, ok := parseJavaInt(pair, 16, 32)
				if !ok {
					return "", newException(ClassIllegalArgument,
						"URLDecoder: Illegal hex characters in escape (%) pattern - Error at index "+
							strconv.Itoa(at)+` in: "`+pair+`"`)
				}
				if v < 0 {
					return "", newException(ClassIllegalArgument,
						"URLDecoder: Illegal hex characters in escape (%) pattern - negative value")
				}
				bytes = append(bytes, byte(v))
				i = end
				if i >= len(s) {
					break
				}
			}
			sb.WriteString(decodeUTF8(bytes))
		default:
			sb.WriteByte(s[i])
			i++
		}
	}
	return sb.String(), nil
}

// nextUnits returns the next n UTF-16 code units of s from byte offset i
// (as a string; half a surrogate pair reads as '?') and the offset after
// them. ok is false when fewer than n units remain.
func nextUnits(s string, i, n int) (string, int, bool) {
	start := i
	mid := false
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			if k == n-1 {
				mid = true
				break
			}
			k++
		}
		i += size
	}
	if mid {
		return s[start:i] + loneSurrogate, i, true
	}
	return s[start:i], i, true
}
