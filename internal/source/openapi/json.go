package openapi

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// looksLikeJSON reports whether data is a JSON object or array, after an
// optional byte order mark and white space.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// jsonForYAML rewrites the two JSON string escapes YAML does not accept,
// so that a YAML parser reads JSON exactly as JSON: \/ becomes /, and a
// UTF-16 surrogate pair \uD83D\uDE00 becomes \U0001F600 (a lone surrogate
// becomes U+FFFD, as Java's decoder makes it). Nothing else changes, so
// line numbers are kept.
func jsonForYAML(data []byte) []byte {
	if !bytes.Contains(data, []byte(`\/`)) && !bytes.Contains(data, []byte(`\u`)) && !bytes.Contains(data, []byte(`\U`)) {
		return data
	}
	out := make([]byte, 0, len(data))
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !inString:
			inString = c == '"'
			out = append(out, c)
		case c == '"':
			inString = false
			out = append(out, c)
		case c != '\\' || i+1 >= len(data):
			out = append(out, c)
		case data[i+1] == '/':
			out = append(out, '/')
			i++
		case data[i+1] == 'u':
			r, n := readUnicodeEscape(data[i:])
			if n == 0 {
				out = append(out, data[i:i+2]...)
				i++
				continue
			}
			if r < 0x10000 {
				out = append(out, `\u`...)
				out = append(out, hex4(r)...)
			} else {
				out = append(out, `\U`...)
				out = append(out, hex4(r>>16)...)
				out = append(out, hex4(r&0xffff)...)
			}
			i += n - 1
		default:
			out = append(out, c, data[i+1])
			i++
		}
	}
	return out
}

// readUnicodeEscape decodes \uXXXX, or a surrogate pair \uXXXX\uXXXX, at the
// start of b, returning the rune and the number of bytes read (0 when b
// does not start with a valid escape).
func readUnicodeEscape(b []byte) (rune, int) {
	hi, ok := parseHex4(b)
	if !ok {
		return 0, 0
	}
	if !utf16.IsSurrogate(hi) {
		return hi, 6
	}
	if lo, ok := parseHex4(b[6:]); ok {
		if r := utf16.DecodeRune(hi, lo); r != utf8.RuneError {
			return r, 12
		}
	}
	return utf8.RuneError, 6
}

func parseHex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[2:6]), 16, 32)
	return rune(n), err == nil
}

func hex4(r rune) []byte {
	const digits = "0123456789ABCDEF"
	return []byte{digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf]}
}
