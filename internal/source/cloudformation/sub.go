package cloudformation

import (
	"strings"
)

// subPart is a piece of an Fn::Sub string: literal text, or the name of a
// variable ("Param", "Resource.Attribute").
type subPart struct {
	text  string
	isVar bool
}

// splitSub splits an Fn::Sub string into literal text and ${Name}
// references; ${!Literal} stands for the text ${Literal}. It reports an
// unterminated reference.
func splitSub(s string) ([]subPart, bool) {
	var parts []subPart
	var lit strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			lit.WriteString(s)
			break
		}
		lit.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return nil, false
		}
		name := s[i+2 : i+end]
		s = s[i+end+1:]
		if strings.HasPrefix(name, "!") {
			lit.WriteString("${" + name[1:] + "}")
			continue
		}
		if lit.Len() > 0 {
			parts = append(parts, subPart{text: lit.String()})
			lit.Reset()
		}
		parts = append(parts, subPart{text: strings.TrimSpace(name), isVar: true})
	}
	if lit.Len() > 0 {
		parts = append(parts, subPart{text: lit.String()})
	}
	return parts, true
}
