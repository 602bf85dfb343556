package lambdafixtures

import "unicode/utf16"

// PyJSON appends Python's json.dumps(v) with default arguments: separators
// ", " and ": ", ensure_ascii (non-ASCII as lower-case \uXXXX, surrogate
// pairs above U+FFFF), numbers in their input lexical form.
func PyJSON(dst []byte, v Value) []byte {
	return appendValue(dst, v, true)
}

// NodeJSON appends JavaScript's JSON.stringify(v): no whitespace,
// non-ASCII written as UTF-8.
func NodeJSON(dst []byte, v Value) []byte {
	return appendValue(dst, v, false)
}

func appendValue(dst []byte, v Value, py bool) []byte {
	sep, colon := ",", ":"
	if py {
		sep, colon = ", ", ": "
	}
	switch v.Kind {
	case Null:
		return append(dst, "null"...)
	case Bool:
		if v.Bool {
			return append(dst, "true"...)
		}
		return append(dst, "false"...)
	case Number:
		return append(dst, v.Str...)
	case String:
		return appendQuoted(dst, v.Str, py)
	case Array:
		dst = append(dst, '[')
		for i, e := range v.Elems {
			if i > 0 {
				dst = append(dst, sep...)
			}
			dst = appendValue(dst, e, py)
		}
		return append(dst, ']')
	}
	dst = append(dst, '{')
	for i, m := range v.Members {
		if i > 0 {
			dst = append(dst, sep...)
		}
		dst = appendQuoted(dst, m.Name, py)
		dst = append(dst, colon...)
		dst = appendValue(dst, m.Value, py)
	}
	return append(dst, '}')
}

const hexDigits = "0123456789abcdef"

func appendU(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}

func appendQuoted(dst []byte, s string, asciiOnly bool) []byte {
	dst = append(dst, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r == '\r':
			dst = append(dst, '\\', 'r')
		case r == '\t':
			dst = append(dst, '\\', 't')
		case r == '\b':
			dst = append(dst, '\\', 'b')
		case r == '\f':
			dst = append(dst, '\\', 'f')
		case r < 0x20:
			dst = appendU(dst, r)
		case r < 0x80 || !asciiOnly:
			dst = append(dst, string(r)...)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			dst = appendU(appendU(dst, r1), r2)
		default:
			dst = appendU(dst, r)
		}
	}
	return append(dst, '"')
}
