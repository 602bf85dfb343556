package runner

import (
	"fmt"
	"strconv"
	"unicode/utf16"
)

// pyObject is a JSON object whose members keep their order, serialised
// like Python's json.dumps with default arguments (fixtures.md 0.3, PyJSON).
type pyObject []pyMember

// pyMember is one member of a pyObject.
type pyMember struct {
	name  string
	value any // string, int, pyObject or pyRaw
}

// pyRaw is JSON text emitted as it is.
type pyRaw []byte

// appendPyJSON appends PyJSON(v) to b.
func appendPyJSON(b []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return appendPyString(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case pyRaw:
		return append(b, x...)
	case pyObject:
		b = append(b, '{')
		for i, m := range x {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendPyString(b, m.name)
			b = append(b, ": "...)
			b = appendPyJSON(b, m.value)
		}
		return append(b, '}')
	}
	panic(fmt.Sprintf("pyjson: unsupported %T", v))
}

// appendPyString appends s as Python's json.dumps writes a string: ASCII
// only, other code points as \uXXXX (surrogate pairs above U+FFFF).
func appendPyString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r == '\b':
			b = append(b, `\b`...)
		case r == '\f':
			b = append(b, `\f`...)
		case r < 0x20 || r > 0x7e:
			units := []rune{r}
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				units = []rune{r1, r2}
			}
			for _, u := range units {
				b = append(b, '\\', 'u', hex[u>>12&0xf], hex[u>>8&0xf], hex[u>>4&0xf], hex[u&0xf])
			}
		default:
			b = append(b, byte(r))
		}
	}
	return append(b, '"')
}
