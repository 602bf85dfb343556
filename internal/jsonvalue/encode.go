package jsonvalue

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// maxEncodeDepth bounds the nesting AppendJSON follows. Java fails with a
// StackOverflowError on a container that holds itself; AppendJSON writes
// null at this depth instead of exhausting the stack.
const maxEncodeDepth = 4096

// AppendJSON appends v serialised as json-smart's JSONValue.toJSONString
// does by default: compact, keys always quoted, "/" escaped as "\/",
// control characters as \b \f \n \r \t or \uXXXX, and U+007F–U+009F and
// U+2000–U+20FF (U+2028, €, …) as \uXXXX; other characters are kept.
// Numbers print as Java does (Double.toString, BigDecimal.toString), an
// infinite double as null and NaN as NaN. Both Java lists and JSON arrays
// become JSON arrays; a map key is written as its Java string form.
func AppendJSON(dst []byte, v any) []byte { return appendJSON(dst, v, 0) }

func appendJSON(dst []byte, v any, depth int) []byte {
	if depth > maxEncodeDepth {
		return append(dst, "null"...)
	}
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...)
	case string:
		return appendJSONString(dst, x)
	case bool:
		return strconv.AppendBool(dst, x)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case *big.Int:
		return x.Append(dst, 10)
	case float64:
		if math.IsInf(x, 0) {
			return append(dst, "null"...)
		}
		return AppendDouble(dst, x)
	case *Decimal:
		return x.appendJava(dst)
	case *Map:
		dst = append(dst, '{')
		for i := range x.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			if k, ok := x.keys[i].(string); ok {
				dst = appendJSONString(dst, k)
			} else {
				dst = appendJSONString(dst, ToString(x.keys[i]))
			}
			dst = append(dst, ':')
			dst = appendJSON(dst, x.vals[i], depth+1)
		}
		return append(dst, '}')
	case *List:
		dst = append(dst, '[')
		for i, it := range x.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSON(dst, it, depth+1)
		}
		return append(dst, ']')
	}
	return appendJSONString(dst, ToString(v))
}

const hexDigits = "0123456789ABCDEF"

// appendJSONString appends s quoted and escaped in json-smart's default
// style. Bytes that are not valid UTF-8 are copied unchanged.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			esc := ""
			switch c {
			case '"':
				esc = `\"`
			case '\\':
				esc = `\\`
			case '/':
				esc = `\/`
			case '\b':
				esc = `\b`
			case '\f':
				esc = `\f`
			case '\n':
				esc = `\n`
			case '\r':
				esc = `\r`
			case '\t':
				esc = `\t`
			default:
				if c >= 0x20 && c != 0x7F {
					i++
					continue
				}
			}
			dst = append(dst, s[start:i]...)
			if esc != "" {
				dst = append(dst, esc...)
			} else {
				dst = appendUnicodeEscape(dst, rune(c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r <= 0x9F || r >= 0x2000 && r <= 0x20FF {
			dst = append(dst, s[start:i]...)
			dst = appendUnicodeEscape(dst, r)
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendUnicodeEscape(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u',
		hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
}
