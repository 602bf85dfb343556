package javalang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// replPart is literal text (group < 0) or a group reference.
type replPart struct {
	text  string
	group int
}

// parseReplacement reads a Java replacement string (Matcher's
// appendReplacement syntax): "\x" is a literal x, "$n" takes the longest
// group number that exists, "${name}" a named group.
func (p *Pattern) parseReplacement(r string) ([]replPart, error) {
	var parts []replPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, replPart{text: lit.String(), group: -1})
			lit.Reset()
		}
	}
	for i := 0; i < len(r); {
		c := r[i]
		switch c {
		case '\\':
			i++
			if i == len(r) {
				return nil, newException(ClassIllegalArgument, "character to be escaped is missing")
			}
			_, size := utf8.DecodeRuneInString(r[i:])
			lit.WriteString(r[i : i+size])
			i += size
		case '$':
			i++
			if i == len(r) {
				return nil, newException(ClassIllegalArgument, "Illegal group reference: group index is missing")
			}
			var ref int
			if r[i] == '{' {
				i++
				j := i
				for j < len(r) && isASCIIAlnum(r[j]) {
					j++
				}
				name := r[i:j]
				if name == "" {
					return nil, newException(ClassIllegalArgument, "named capturing group has 0 length name")
				}
				if j == len(r) || r[j] != '}' {
					return nil, newException(ClassIllegalArgument, "named capturing group is missing trailing '}'")
				}
				if name[0] >= '0' && name[0] <= '9' {
					return nil, newException(ClassIllegalArgument, "capturing group name {"+name+"} starts with digit character")
				}
				n, ok := p.names[name]
				if !ok {
					return nil, newException(ClassIllegalArgument, "No group with name {"+name+"}")
				}
				ref, i = n, j+1
			} else {
				if r[i] < '0' || r[i] > '9' {
					return nil, newException(ClassIllegalArgument, "Illegal group reference")
				}
				ref = int(r[i] - '0')
				i++
				for i < len(r) && r[i] >= '0' && r[i] <= '9' {
					n := ref*10 + int(r[i]-'0')
					if n > p.groups {
						break
					}
					ref = n
					i++
				}
				if ref > p.groups {
					return nil, newException(ClassIndexOutOfBounds, "No group "+strconv.Itoa(ref))
				}
			}
			flush()
			parts = append(parts, replPart{group: ref})
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return parts, nil
}

func isASCIIAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
