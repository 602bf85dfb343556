package javalang

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

func isHexDigit(c rune) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func hexValue(c rune) rune {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// escape parses a backslash escape at t.pos (Java's escape()). It yields a
// literal code point (ch >= 0), a character set (a predefined class) or a
// node such as an anchor or back-reference.
func (t *translator) escape(inClass, isRange bool) (ch rune, set runeSet, node *frag, err error) {
	c := t.skip()
	illegal := func() (rune, runeSet, *frag, error) {
		return -1, nil, nil, t.syntaxError("Illegal/unsupported escape sequence")
	}
	node1 := func(text string) (rune, runeSet, *frag, error) {
		if inClass {
			return illegal()
		}
		return -1, nil, &frag{text: text}, nil
	}
	uc := t.has(flagUC)
	switch c {
	case eof:
		return -1, nil, nil, t.syntaxError("Unexpected internal error")
	case '0':
		ch, err = t.octal()
		return ch, nil, nil, err
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if inClass {
			return illegal()
		}
		f := t.backref(int(c - '0'))
		return -1, nil, &f, nil
	case 'A':
		return node1(`\A`)
	case 'B':
		return node1(boundary(uc, true))
	case 'b':
		if !inClass && t.at(t.pos) == '{' && t.at(t.pos+1) == 'g' {
			if t.at(t.pos+2) != '}' {
				return illegal()
			}
			return -1, nil, nil, unsupported(`\b{g}`)
		}
		return node1(boundary(uc, false))
	case 'G':
		t.usesG = true
		if t.noG {
			return node1(emitSet(nil))
		}
		return node1(`\G`)
	case 'Z':
		return node1(t.dollar(false))
	case 'z':
		return node1(`\z`)
	case 'R':
		if inClass {
			return illegal()
		}
		// Under a quantifier Java does not backtrack into \R (Curly and Ques
		// keep the atom's first match), so each repetition is atomic.
		return -1, nil, &frag{text: `(?:\r\n|[\n\x0B\f\r\u0085\u2028\u2029])`, atom: true, quantifiedAtomic: true,
			study: func(t *treeInfo) { t.min++; t.max += 2 }}, nil
	case 'X':
		if inClass {
			return illegal()
		}
		return -1, nil, nil, unsupported(`\X`)
	case 'N':
		return -1, nil, nil, unsupported(`\N{...}`)
	case 'd', 'D':
		set = asciiDigit
		if uc {
			set = tableSet(unicode.Nd)
		}
		return -1, complementIf(set, c == 'D'), nil, nil
	case 's', 'S':
		set = asciiSpace
		if uc {
			set = whiteSpace()
		}
		return -1, complementIf(set, c == 'S'), nil, nil
	case 'w', 'W':
		set = asciiWord
		if uc {
			set = wordSet()
		}
		return -1, complementIf(set, c == 'W'), nil, nil
	case 'h', 'H':
		return -1, complementIf(horizSpace, c == 'H'), nil, nil
	case 'v':
		if isRange {
			return 0x0B, nil, nil, nil
		}
		return -1, vertSpace, nil, nil
	case 'V':
		return -1, vertSpace.complement(), nil, nil
	case 'k':
		if inClass {
			return illegal()
		}
		if t.read() != '<' {
			return -1, nil, nil, t.syntaxError(`\k is not followed by '<' for named capturing group`)
		}
		name, err := t.groupName(t.read())
		if err != nil {
			return -1, nil, nil, err
		}
		n, ok := t.names[name]
		if !ok {
			return -1, nil, nil, t.syntaxError("named capturing group <" + name + "> does not exist")
		}
		f := t.refFrag(n)
		return -1, nil, &f, nil
	case 'a':
		return 7, nil, nil, nil
	case 'e':
		return 0x1B, nil, nil, nil
	case 'f':
		return '\f', nil, nil, nil
	case 'n':
		return '\n', nil, nil, nil
	case 'r':
		return '\r', nil, nil, nil
	case 't':
		return '\t', nil, nil, nil
	case 'c':
		if t.pos < len(t.src) {
			return t.read() ^ 64, nil, nil, nil
		}
		return -1, nil, nil, t.syntaxError("Illegal control escape sequence")
	case 'u':
		ch, err = t.unicodeEscape()
		return ch, nil, nil, err
	case 'x':
		ch, err = t.hexEscape()
		return ch, nil, nil, err
	}
	if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
		return illegal()
	}
	return c, nil, nil, nil
}

func complementIf(s runeSet, neg bool) runeSet {
	if neg {
		return s.complement()
	}
	return s
}

func (t *translator) octal() (rune, error) {
	isOct := func(c rune) bool { return '0' <= c && c <= '7' }
	n := t.read()
	if !isOct(n) {
		return -1, t.syntaxError("Illegal octal escape sequence")
	}
	m := t.read()
	if !isOct(m) {
		t.unread()
		return n - '0', nil
	}
	o := t.read()
	if isOct(o) && n <= '3' {
		return (n-'0')*64 + (m-'0')*8 + (o - '0'), nil
	}
	t.unread()
	return (n-'0')*8 + (m - '0'), nil
}

func (t *translator) hexEscape() (rune, error) {
	n := t.read()
	if isHexDigit(n) {
		if m := t.read(); isHexDigit(m) {
			return hexValue(n)*16 + hexValue(m), nil
		}
	} else if n == '{' && isHexDigit(t.peek()) {
		var ch rune
		for {
			n = t.read()
			if !isHexDigit(n) {
				break
			}
			ch = ch<<4 + hexValue(n)
			if ch > unicode.MaxRune {
				return -1, t.syntaxError("Hexadecimal codepoint is too big")
			}
		}
		if n != '}' {
			return -1, t.syntaxError("Unclosed hexadecimal escape sequence")
		}
		return ch, nil
	}
	return -1, t.syntaxError("Illegal hexadecimal escape sequence")
}

func (t *translator) uxxxx() (rune, error) {
	var n rune
	for range 4 {
		c := t.read()
		if !isHexDigit(c) {
			return -1, t.syntaxError("Illegal Unicode escape sequence")
		}
		n = n*16 + hexValue(c)
	}
	return n, nil
}

// unicodeEscape reads \uXXXX, joining an escaped surrogate pair.
func (t *translator) unicodeEscape() (rune, error) {
	n, err := t.uxxxx()
	if err != nil || n < 0xD800 || n > 0xDBFF {
		return n, err
	}
	cur := t.pos
	if t.read() == '\\' && t.read() == 'u' {
		n2, err := t.uxxxx()
		if err != nil {
			return -1, err
		}
		if n2 >= 0xDC00 && n2 <= 0xDFFF {
			return 0x10000 + (n-0xD800)<<10 + (n2 - 0xDC00), nil
		}
	}
	t.pos = cur
	return n, nil
}

// backref parses the digits of \n greedily, as long as the group exists.
func (t *translator) backref(n int) frag {
	for {
		c := t.peek()
		if c < '0' || c > '9' {
			break
		}
		m := n*10 + int(c-'0')
		if t.groups < m {
			break
		}
		n = m
		t.read()
	}
	return t.refFrag(n)
}

// refFrag emits a back-reference to group n.
func (t *translator) refFrag(n int) frag {
	t.maxRef = max(t.maxRef, n)
	text := `\k<` + strconv.Itoa(n) + `>`
	if t.totalGroups >= 0 && n > t.totalGroups {
		text = emitSet(nil)
	} else if t.has(flagI) {
		text = "(?i:" + text + ")"
	}
	return frag{text: text, atom: true, study: func(t *treeInfo) { t.valid = false }}
}

// escapeAtom translates an escape outside a class.
func (t *translator) escapeAtom() (frag, error) {
	ch, set, node, err := t.escape(false, false)
	switch {
	case err != nil:
		return frag{}, err
	case node != nil:
		return *node, nil
	case set != nil:
		return setFrag(set), nil
	}
	return t.literal(ch), nil
}

// classEscape translates an escape inside a class.
func (t *translator) classEscape(isRange bool) (rune, runeSet, error) {
	ch, set, _, err := t.escape(true, isRange)
	return ch, set, err
}

// propertyAtom translates \p / \P outside a class; t.pos is at the p.
func (t *translator) propertyAtom(comp bool) (frag, error) {
	one := true
	if t.next() != '{' {
		t.unread()
	} else {
		one = false
	}
	set, err := t.family(one, comp)
	if err != nil {
		return frag{}, err
	}
	return setFrag(set), nil
}

// family resolves \p{name} the way Java's Pattern.family does.
func (t *translator) family(one, comp bool) (runeSet, error) {
	t.next()
	var name string
	if one {
		name = string(t.at(t.pos))
		t.read()
	} else {
		i := t.pos
		for {
			if t.pos >= len(t.src) {
				t.pos = len(t.src) + 1
				return nil, t.syntaxError("Unclosed character family")
			}
			if t.read() == '}' {
				break
			}
		}
		if i+1 >= t.pos {
			return nil, t.syntaxError("Empty character family")
		}
		name = string(t.src[i : t.pos-1])
	}
	caseIns := t.has(flagI)
	var set runeSet
	if key, value, ok := strings.Cut(name, "="); ok {
		switch strings.ToLower(key) {
		case "sc", "script":
			set = script(value)
		case "blk", "block":
			return nil, unsupported(`\p{` + name + `} (Unicode blocks)`)
		case "gc", "general_category":
			set = forProperty(value, caseIns)
		}
		if set == nil {
			return nil, t.syntaxError("Unknown Unicode property {name=<" + strings.ToLower(key) + ">, value=<" + value + ">}")
		}
	} else {
		switch {
		case strings.HasPrefix(name, "In"):
			return nil, unsupported(`\p{` + name + `} (Unicode blocks)`)
		case strings.HasPrefix(name, "Is"):
			short := name[2:]
			set = unicodePredicate(strings.ToUpper(short), caseIns)
			if set == nil {
				set = forProperty(short, caseIns)
			}
			if set == nil {
				set = script(short)
			}
		default:
			if up := strings.ToUpper(name); t.has(flagUC) && posixUnicodeOnly[up] {
				set = unicodePredicate(up, caseIns)
			}
			if set == nil {
				set = forProperty(name, caseIns)
			}
		}
		if set == nil {
			return nil, t.syntaxError("Unknown character property name {" + name + "}")
		}
	}
	return complementIf(set, comp), nil
}

// forProperty is CharPredicates.forProperty: categories, the ASCII POSIX
// classes and the java.lang.Character methods.
func forProperty(name string, caseIns bool) runeSet {
	switch name {
	case "Lu", "Ll", "Lt":
		if caseIns {
			return cased()
		}
	}
	if set := category(name); set != nil {
		return set
	}
	set, _ := posixProperty(name, caseIns)
	return set
}

// dotSet is what '.' matches under the current flags.
func (t *translator) dotSet() runeSet {
	switch {
	case t.has(flagS):
		return anySet
	case t.has(flagD):
		return single('\n').complement()
	}
	return lineTerms.complement()
}

// caret translates '^'.
func (t *translator) caret() string {
	switch {
	case !t.has(flagM):
		return `\A`
	case t.has(flagD):
		return `(?:\A|(?<=\n))(?=` + emitSet(anySet) + `)`
	}
	return `(?:\A|(?<=[\n\u0085\u2028\u2029])|(?<=\r)(?!\n))(?=` + emitSet(anySet) + `)`
}

// dollar translates '$' (and \Z, with multi false): end of input, or
// before a line terminator (only a final one unless multi), never between
// \r and \n.
func (t *translator) dollar(multi bool) string {
	switch {
	case t.has(flagD) && multi:
		return `(?=\n|\z)`
	case t.has(flagD):
		return `(?=\n?\z)`
	case multi:
		return `(?=[\n\r\u0085\u2028\u2029]|\z)(?!(?<=\r)\n)`
	}
	return `(?=(?:\r\n|[\n\r\u0085\u2028\u2029])?\z)(?!(?<=\r)\n)`
}

// boundaries holds the \b and \B translations, plain and under
// UNICODE_CHARACTER_CLASS. Java's word characters are letters, digits and
// '_' (or WORD), and a non-spacing mark counts as the letter or digit it
// follows.
var boundaries = sync.OnceValue(func() [2][2]string {
	var out [2][2]string
	const ld, mn = `[\p{L}\p{Nd}]`, `\p{Mn}`
	for i, w := range []string{`[\p{L}\p{Nd}_]`, emitSet(wordSet())} {
		left := w + "|" + ld + mn + "+"
		right := w + "|(?<=" + ld + mn + "*)" + mn
		out[i][0] = "(?:(?<=" + left + ")(?!" + right + ")|(?<!" + left + ")(?=" + right + "))"
		out[i][1] = "(?:(?<=" + left + ")(?=" + right + ")|(?<!" + left + ")(?!" + right + "))"
	}
	return out
})

// boundary translates \b (or \B when neg): Java's word characters are
// letters, digits and '_', plus non-spacing marks that follow one.
func boundary(uc, neg bool) string {
	i, j := 0, 0
	if uc {
		i = 1
	}
	if neg {
		j = 1
	}
	return boundaries()[i][j]
}

// emitSet writes a set as a regexp2 atom: a literal, a class, or a class
// that matches nothing. A set that is exactly a Unicode category or script
// (or the complement of one) is written as \p{..} / \P{..}, which regexp2
// evaluates from the same Go tables with a binary search.
func emitSet(s runeSet) string {
	if name := nativeName(s); name != "" {
		return name
	}
	if len(s) == 0 {
		return `[^\x00-` + string(rune(unicode.MaxRune)) + `]`
	}
	if len(s) == 1 && s[0].lo == s[0].hi {
		return emitRune(s[0].lo)
	}
	var sb strings.Builder
	sb.WriteByte('[')
	for _, r := range s {
		sb.WriteString(emitRune(r.lo))
		if r.hi != r.lo {
			if r.hi > r.lo+1 {
				sb.WriteByte('-')
			}
			sb.WriteString(emitRune(r.hi))
		}
	}
	sb.WriteByte(']')
	return sb.String()
}

// emitRune writes one code point so regexp2 reads it literally anywhere.
func emitRune(r rune) string {
	switch {
	case ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || r == '_':
		return string(r)
	case r < 0x20 || r == 0x7F:
		return `\x` + hex2(r)
	case r < 0x80:
		return `\` + string(r)
	case r <= 0xFFFF:
		return `\u` + hex2(r>>8) + hex2(r&0xFF)
	}
	return string(r)
}

func hex2(r rune) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[r>>4&0xF], digits[r&0xF]})
}

// nativeSet is a set regexp2 can name.
type nativeSet struct {
	set  runeSet
	name string
}

// nativeSets indexes the Unicode categories and scripts (and their
// complements) by their number of ranges.
var nativeSets = sync.OnceValue(func() map[int][]nativeSet {
	m := map[int][]nativeSet{}
	add := func(name string, t *unicode.RangeTable) {
		set := tableSet(t)
		m[len(set)] = append(m[len(set)], nativeSet{set, `\p{` + name + `}`})
		neg := set.complement()
		m[len(neg)] = append(m[len(neg)], nativeSet{neg, `\P{` + name + `}`})
	}
	for name, t := range unicode.Categories {
		add(name, t)
	}
	for name, t := range unicode.Scripts {
		add(name, t)
	}
	return m
})

// nativeName returns the \p{..} form of a large set, or "".
func nativeName(s runeSet) string {
	if len(s) < 8 {
		return ""
	}
	for _, n := range nativeSets()[len(s)] {
		if slices.Equal(n.set, s) {
			return n.name
		}
	}
	return ""
}
