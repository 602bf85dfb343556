package jsonpath

import (
	"strings"

	"archway/internal/javalang"
)

// analyzeFilter finds the bounds of the filter whose '?' is at i (brackets
// and parentheses outside quotes must balance) and parses it.
func analyzeFilter(frag string, i int) (token, string) {
	start := strings.LastIndexByte(frag[:i], '[')
	if start < 0 {
		return token{}, "filter without '[': " + frag
	}
	end := 0
	inProp := false
	var mem byte = ' '
	squares, parens := 0, 0
	for curr := start; end == 0; curr++ {
		if curr >= len(frag) {
			return token{}, "filter is not closed: " + frag
		}
		c := frag[curr]
		switch c {
		case '(':
			if !inProp {
				parens++
			}
		case ')':
			if !inProp {
				parens--
			}
		case '[':
			if !inProp {
				squares++
			}
		case ']':
			if !inProp {
				squares--
				if parens == 0 {
					end = curr + 1
				}
			}
		case '\'':
			if mem != '\\' {
				inProp = !inProp
			}
		}
		mem = c
	}
	if parens != 0 || squares != 0 {
		return token{}, "filter brackets are not balanced"
	}
	f, reason := parseFilter(frag[start:end])
	if reason != "" {
		return token{}, reason
	}
	return token{kind: tokFilter, preds: []predicate{f}}, ""
}

// parseFilter is Filter.parse: "[?(" criteria joined by && and || ")]".
// The criteria are combined from the right, as Jayway's stacks do.
func parseFilter(s string) (predicate, string) {
	s = javalang.Trim(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, "filter must start with '[' and end with ']': " + s
	}
	s = javalang.Trim(s[1 : len(s)-1])
	if !strings.HasPrefix(s, "?") {
		return nil, "filter must start with '[?' and end with ']': " + s
	}
	s = javalang.Trim(s[1:])
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return nil, "filter must start with '[?(' and end with ')]': " + s
	}
	s = javalang.Trim(s[1 : len(s)-1])
	var ops []string
	var crits []predicate
	for _, piece := range splitLogical(s) {
		piece = javalang.Trim(piece)
		if piece == "&&" || piece == "||" {
			ops = append(ops, piece)
			continue
		}
		clean, ok := cleanCriteria(piece)
		if !ok {
			return nil, "invalid criteria: " + piece
		}
		c, reason := parseCriterion(clean)
		if reason != "" {
			return nil, reason
		}
		crits = append(crits, c)
	}
	pop := func() (predicate, bool) {
		if len(crits) == 0 {
			return nil, false
		}
		c := crits[len(crits)-1]
		crits = crits[:len(crits)-1]
		return c, true
	}
	root, ok := pop()
	if !ok {
		return nil, "invalid operators in filter: " + s
	}
	for len(ops) > 0 {
		op := ops[len(ops)-1]
		ops = ops[:len(ops)-1]
		c, ok := pop()
		if !ok {
			return nil, "invalid operators in filter: " + s
		}
		if op == "&&" {
			root = andOf(root, c)
		} else {
			root = &orFilter{left: root, right: c}
		}
	}
	if len(crits) != 0 {
		return nil, "invalid operators in filter: " + s
	}
	return root, ""
}

// andOf is Filter.and: an and-filter grows, an or-filter keeps its left
// side and ands its right side.
func andOf(root, other predicate) predicate {
	switch r := root.(type) {
	case andFilter:
		return append(append(andFilter(nil), r...), other)
	case *orFilter:
		return &orFilter{left: r.left, right: andFilter{r.right, other}}
	}
	return andFilter{root, other}
}

// splitLogical splits s before and after every "&&" and "||", as
// String.split on ((?<=&&|\|\|)|(?=&&|\|\|)) does: no empty leading
// piece, trailing empty pieces dropped.
func splitLogical(s string) []string {
	isOp := func(i int) bool {
		return i >= 0 && i+2 <= len(s) && (s[i:i+2] == "&&" || s[i:i+2] == "||")
	}
	var out []string
	last := 0
	for p := 1; p <= len(s); p++ {
		if isOp(p-2) || isOp(p) {
			out = append(out, s[last:p])
			last = p
		}
	}
	out = append(out, s[last:])
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cleanCriteria strips leading '[', '?', '(' and blanks and trailing ')'
// and blanks; ok is false where Jayway runs off the string.
func cleanCriteria(s string) (string, bool) {
	begin, end := 0, len(s)-1
	for {
		if begin >= len(s) {
			return "", false
		}
		if c := s[begin]; c != '[' && c != '?' && c != '(' && c != ' ' {
			break
		}
		begin++
	}
	for {
		if end < 0 {
			return "", false
		}
		if c := s[end]; c != ')' && c != ' ' {
			break
		}
		end--
	}
	if begin > end+1 {
		return "", false
	}
	return s[begin : end+1], true
}

// criteriaOperators in the order Criteria.parse looks for them: the first
// one found anywhere wins, not the leftmost.
var criteriaOperators = [...]struct {
	text string
	op   compareOp
}{
	{"==", opEQ}, {">=", opGTE}, {"<=", opLTE}, {"!=", opNE}, {"<", opLT}, {">", opGT}, {"=~", opRegex},
}

// parseCriterion is Criteria.parse followed by Criteria.create.
func parseCriterion(s string) (predicate, string) {
	left, right, opText := javalang.Trim(s), "", ""
	op := opNone
	for _, o := range criteriaOperators {
		if idx := strings.Index(s, o.text); idx >= 0 {
			left = javalang.Trim(s[:idx])
			right = javalang.Trim(s[idx+len(o.text):])
			opText, op = o.text, o.op
			break
		}
	}
	c := &criterion{op: op}
	var leftPath *Path
	wantExists := true
	switch {
	case isCriteriaPath(left):
		if left[0] == '!' {
			wantExists = false
			left = left[1:]
		}
		p, reason := compileFilterPath(left)
		if reason != "" {
			return nil, reason
		}
		leftPath = p
		c.left = operand{path: p}
	default:
		o, reason := literalOperand(left)
		if reason != "" {
			return nil, reason
		}
		c.left = o
	}
	switch {
	case isCriteriaPath(right):
		if right[0] == '!' {
			return nil, "invalid negation: it can only be used for an existence check such as [?(!@.foo)]"
		}
		p, reason := compileFilterPath(right)
		if reason != "" {
			return nil, reason
		}
		c.right = operand{path: p}
	default:
		o, reason := literalOperand(right)
		if reason != "" {
			return nil, reason
		}
		c.right = o
	}
	if leftPath != nil && opText == "" {
		return &existsCheck{path: leftPath, want: wantExists}, ""
	}
	if op == opNone {
		return nil, "no comparison operator in filter criteria: " + s
	}
	return c, ""
}

func isCriteriaPath(s string) bool {
	return strings.HasPrefix(s, "$") || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "!@")
}

// compileFilterPath compiles a path used inside a filter; it must be
// definite.
func compileFilterPath(s string) (*Path, string) {
	p, reason := compilePath(s)
	if reason != "" {
		return nil, reason
	}
	if !p.definite {
		return nil, "the predicate path: " + s + " is not definite"
	}
	return p, ""
}

// literalOperand reads a quoted string ('a'), a pattern (/a/ or /a/i) or
// anything else as a raw string; numbers, true and null stay strings and
// are interpreted when compared.
func literalOperand(s string) (operand, string) {
	switch {
	case s != "" && s[0] == '\'' && s[len(s)-1] == '\'':
		if len(s) < 2 {
			return operand{}, "unterminated string literal: " + s
		}
		return newStringOperand(s[1 : len(s)-1]), ""
	case s != "" && s[0] == '/' && (s[len(s)-1] == '/' || len(s) >= 2 && s[len(s)-2] == '/' && s[len(s)-1] == 'i'):
		last := strings.LastIndexByte(s, '/')
		if last < 1 {
			return operand{}, "invalid pattern: " + s
		}
		re, reason := compileJavaRegex(s[1:last], strings.HasSuffix(s, "i"))
		if reason != "" {
			return operand{}, reason
		}
		return operand{pattern: re}, ""
	}
	return newStringOperand(s), ""
}
