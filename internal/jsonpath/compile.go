package jsonpath

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"archway/internal/javalang"
)

// tokenKind names Jayway's path tokens; the array kinds are the operations
// of its ArrayPathToken.
type tokenKind uint8

const (
	tokRoot         tokenKind = iota // "$", also in the middle of a path
	tokProperty                      // ['a'] or .a; several names select a map
	tokWildcard                      // * or [*]
	tokScan                          // ..
	tokIndex                         // [n]
	tokIndexList                     // [n,m,...]
	tokSliceFrom                     // [n:]
	tokSliceTo                       // [:n]
	tokSliceBetween                  // [n:m]
	tokLengthIndex                   // [(@.length-n)]
	tokFilter                        // [?(...)] or bare [?]
)

type token struct {
	kind  tokenKind
	names []string
	nums  []int
	// preds are the filters of a tokFilter; a nil entry is the missing
	// predicate of a bare "[?]", which fails when applied.
	preds []predicate
	// upstreamDefinite is Jayway's isUpstreamDefinite: a missing property
	// in the middle of the path aborts the read only when it is set.
	upstreamDefinite bool
	// badFragment is set when printing this token and the ones after it
	// fails in Jayway (a filter token with more than five "?"). Slices print
	// themselves eagerly for a debug message, and the failure is caught as
	// an index out of bounds: the read finds nothing.
	badFragment bool
}

func (t *token) definite() bool {
	switch t.kind {
	case tokRoot, tokProperty, tokIndex, tokLengthIndex:
		return true
	}
	return false
}

// compilePath follows PathCompiler.compile; a non-empty reason is the
// InvalidPathException Jayway would throw.
func compilePath(src string) (*Path, string) {
	if src == "" {
		return nil, "path may not be null or empty"
	}
	path := javalang.Trim(src)
	if strings.HasSuffix(path, "..") {
		return nil, "a path can not end with a scan"
	}
	if path == "" {
		return nil, "path is blank"
	}
	if path[0] != '$' && path[0] != '@' {
		path = "$." + path
	}
	p := &Path{src: src, rootPath: path[0] == '$'}
	if path[0] == '@' {
		path = "$" + path[1:]
	}
	if len(path) > 1 && path[1] != '.' && path[1] != '[' {
		return nil, "invalid path " + path
	}
	for i := 0; i < len(path); {
		var frag string
		switch c := path[i]; c {
		case ' ':
			return nil, "space not allowed in path"
		case '$':
			frag = "$"
			i++
		case '[':
			n := fastForwardUntilClosed(path, i)
			frag = path[i : i+n]
			i += n
		case '.':
			i++
			if i >= len(path) {
				return nil, "path ends with '.'"
			}
			if path[i] == '.' {
				frag = ".."
				i++
				break
			}
			n := fastForward(path, i)
			if n == 0 {
				continue
			}
			if n == 1 && path[i] == '*' {
				frag = "[*]"
			} else {
				frag = "['" + path[i:i+n] + "']"
			}
			i += n
		case '*':
			frag = "[*]"
			i++
		default:
			n := fastForward(path, i)
			frag = "['" + path[i:i+n] + "']"
			i += n
		}
		t, reason := analyzeFragment(frag)
		if reason != "" {
			return nil, reason
		}
		p.tokens = append(p.tokens, t)
	}
	p.finish()
	return p, ""
}

// finish computes definiteness and the per-token flags that depend on the
// tokens around them.
func (p *Path) finish() {
	n := len(p.tokens)
	definiteFrom := make([]bool, n+1) // all tokens from i to the end definite
	badFrom := make([]bool, n+1)      // some token from i on prints badly
	definiteFrom[n] = true
	for i := n - 1; i >= 0; i-- {
		t := &p.tokens[i]
		definiteFrom[i] = t.definite() && definiteFrom[i+1]
		badFrom[i] = badFrom[i+1] || t.kind == tokFilter && len(t.preds) > 5
	}
	for i := range p.tokens {
		t := &p.tokens[i]
		// Jayway asks the previous token whether the path from there to the
		// end is definite, not whether the tokens before are.
		t.upstreamDefinite = t.definite() && (i == 0 || definiteFrom[i-1])
		t.badFragment = badFrom[i]
	}
	p.definite = definiteFrom[0]
}

func fastForward(s string, i int) int {
	n := 0
	for ; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '[' || c == ' ' {
			break
		}
		n++
	}
	return n
}

// fastForwardUntilClosed returns the length of the bracketed fragment at i,
// counting nested brackets but not quotes, or the rest of s if unclosed.
func fastForwardUntilClosed(s string, i int) int {
	n, nested := 1, 0
	for i++; i < len(s); i++ {
		c := s[i]
		n++
		if c == ']' && nested == 0 {
			break
		}
		switch c {
		case '[':
			nested++
		case ']':
			nested--
		}
	}
	return n
}

// charAt decodes the character at byte offset i the way Java sees it for
// Character.isDigit: a rune, with ok false past the end.
func charAt(s string, i int) (r rune, width int, ok bool) {
	if i >= len(s) {
		return 0, 0, false
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1, true
	}
	r, width = utf8.DecodeRuneInString(s[i:])
	return r, width, true
}

// isJavaDigit is Character.isDigit for one UTF-16 unit.
func isJavaDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return r <= 0xFFFF && unicode.IsDigit(r)
}

// analyzeFragment is PathComponentAnalyzer.analyze.
func analyzeFragment(frag string) (token, string) {
	switch frag {
	case "$":
		return token{kind: tokRoot}, ""
	case "..":
		return token{kind: tokScan}, ""
	case "[*]", ".*":
		return token{kind: tokWildcard}, ""
	}
	if n, ok := placeholderFilters(frag); ok {
		return token{kind: tokFilter, preds: make([]predicate, n)}, ""
	}
	for i := 0; i < len(frag); {
		r, w, _ := charAt(frag, i)
		switch {
		case r == '?':
			return analyzeFilter(frag, i)
		case r == '\'':
			return analyzeProperty(frag, i)
		case isJavaDigit(r) || r == ':' || r == '-' || r == '@':
			return analyzeArray(frag, i)
		}
		i += w
	}
	return token{}, "could not analyze path component: " + frag
}

// placeholderFilters matches "[?]" and "[?, ?, ...]" (Jayway's
// ^\[\s*\?\s*[,\s*\?]*?\s*]$), the slots for filters passed separately,
// and counts the "?".
func placeholderFilters(frag string) (int, bool) {
	if len(frag) < 3 || frag[0] != '[' || frag[len(frag)-1] != ']' {
		return 0, false
	}
	body := frag[1 : len(frag)-1]
	i := 0
	for i < len(body) && isRegexSpace(body[i]) {
		i++
	}
	if i == len(body) || body[i] != '?' {
		return 0, false
	}
	n := 0
	for ; i < len(body); i++ {
		switch c := body[i]; {
		case c == '?':
			n++
		case c == ',' || c == '*' || isRegexSpace(c):
		default:
			return 0, false
		}
	}
	return n, true
}

func isRegexSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// analyzeProperty reads the quoted names of ['a'] or ['a','b'] from the
// quote at i up to the first ']'; there are no escapes.
func analyzeProperty(frag string, i int) (token, string) {
	var names []string
	open := -1
	for ; frag[i] != ']'; i++ {
		if frag[i] == '\'' {
			if open >= 0 {
				names = append(names, frag[open:i])
				open = -1
			} else {
				open = i + 1
			}
		}
		if i+1 >= len(frag) {
			return token{}, "property is not closed with ']': " + frag
		}
	}
	return token{kind: tokProperty, names: names}, ""
}

// analyzeArray reads an index, index list, slice or [(@.length-n)].
func analyzeArray(frag string, i int) (token, string) {
	var nums []int
	var buf []byte
	cur, w, _ := charAt(frag, i)
	next := func() bool {
		i += w
		var ok bool
		cur, w, ok = charAt(frag, i)
		return ok
	}
	const unclosed = "array index is not closed: "
	flush := func() string {
		n, ok := javaParseInt(string(buf))
		if !ok {
			return "not a number: " + string(buf)
		}
		nums = append(nums, n)
		buf = buf[:0]
		return ""
	}
	if cur == '@' {
		for range 2 { // skip "@." of "(@.length - n)"
			if !next() {
				return token{}, unclosed + frag
			}
		}
		for cur != '-' {
			if cur != ' ' && cur != '(' && cur != ')' {
				buf = utf8.AppendRune(buf, cur)
			}
			if !next() {
				return token{}, unclosed + frag
			}
		}
		if fn := string(buf); fn != "size" && fn != "length" {
			return token{}, "invalid function: @." + fn + ". Supported functions are: [(@.length - n)] and [(@.size() - n)]"
		}
		buf = buf[:0]
		for cur != ')' {
			if cur != ' ' {
				buf = utf8.AppendRune(buf, cur)
			}
			if !next() {
				return token{}, unclosed + frag
			}
		}
		if len(buf) > 0 {
			if reason := flush(); reason != "" {
				return token{}, reason
			}
		}
		return token{kind: tokLengthIndex, nums: nums}, ""
	}
	var sliceTo, sliceFrom, list bool
	readBound := func() bool {
		if !next() {
			return false
		}
		for isJavaDigit(cur) || cur == ' ' || cur == '-' {
			if cur != ' ' {
				buf = utf8.AppendRune(buf, cur)
			}
			if !next() {
				return false
			}
		}
		return true
	}
	for isJavaDigit(cur) || cur == ',' || cur == ' ' || cur == ':' || cur == '-' {
		switch cur {
		case ' ':
		case ':':
			if len(buf) == 0 {
				sliceTo = true
				if !readBound() {
					return token{}, unclosed + frag
				}
				if reason := flush(); reason != "" {
					return token{}, reason
				}
				break
			}
			if reason := flush(); reason != "" {
				return token{}, reason
			}
			if !readBound() {
				return token{}, unclosed + frag
			}
			if len(buf) == 0 {
				sliceFrom = true
			} else if reason := flush(); reason != "" {
				return token{}, reason
			}
		case ',':
			if reason := flush(); reason != "" {
				return token{}, reason
			}
			list = true
		default:
			buf = utf8.AppendRune(buf, cur)
		}
		if cur == ']' {
			break
		}
		if !next() {
			return token{}, unclosed + frag
		}
	}
	if len(buf) > 0 {
		if reason := flush(); reason != "" {
			return token{}, reason
		}
	}
	t := token{nums: nums}
	switch {
	case len(nums) == 1 && !sliceTo && !sliceFrom:
		t.kind = tokIndex
	case list:
		t.kind = tokIndexList
	case sliceFrom:
		t.kind = tokSliceFrom
	case sliceTo:
		t.kind = tokSliceTo
	default:
		t.kind = tokSliceBetween
	}
	return t, ""
}

// javaParseInt is Integer.parseInt: an optional sign and decimal digits
// (any Unicode digits), within the int range.
func javaParseInt(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	n := 0
	for _, r := range s {
		d := digitValue(r)
		if d < 0 {
			return 0, false
		}
		n = n*10 + d
		if n > 1<<31 {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	if n > 1<<31-1 || n < -1<<31 {
		return 0, false
	}
	return n, true
}

// digitValue is Character.digit(r, 10) for decimal digits, -1 otherwise.
// Unicode decimal digits come in runs of ten starting at zero.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if !isJavaDigit(r) {
		return -1
	}
	n := 0
	for isJavaDigit(r - 1) {
		r--
		n++
	}
	return n % 10
}
