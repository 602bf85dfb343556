package javalang

import (
	"strconv"
	"strings"
	"unicode"
)

// Java Pattern flags, as inline (?idmsuxU) modifiers set them.
const (
	flagI  = 1 << iota // CASE_INSENSITIVE
	flagM              // MULTILINE
	flagS              // DOTALL
	flagD              // UNIX_LINES
	flagU              // UNICODE_CASE
	flagX              // COMMENTS
	flagUC             // UNICODE_CHARACTER_CLASS
)

// eof marks the end of the pattern (Java's parser uses a 0 terminator).
const eof = -1

// frag is a translated piece of pattern: .NET syntax, and what Java's
// parser would have built for it (for quantifiers and look-behind
// bounds).
type frag struct {
	text string
	// atom is true when a quantifier can follow text directly.
	atom bool
	// quantifiedAtomic makes each repetition atomic under a quantifier.
	quantifiedAtomic bool
	kind             fragKind
	study            studyFn
}

// setFrag is a one-character class or literal.
func setFrag(s runeSet) frag {
	return frag{text: emitSet(s), atom: true, kind: kindCharProp, study: charStudy}
}

// translator turns a Java regex into an equivalent regexp2 (.NET) regex.
// It follows the structure of java.util.regex.Pattern's recursive-descent
// parser, so that quirks such as "[a&&]" or "a{2}{3}" come out the same,
// and it resolves everything .NET reads differently (class syntax,
// POSIX/java properties, \v \h \R, $ and ^ line terminators, ASCII-only
// case-insensitivity, group numbering) into plain constructs.
type translator struct {
	src    []rune
	pos    int
	flags  int
	groups int            // capturing groups opened so far
	names  map[string]int // named group -> number
	// totalGroups is the number of capturing groups in the whole pattern
	// when known (second pass), else -1.
	totalGroups int
	maxRef      int // highest back-reference number emitted
	pattern     string
	// noG translates \G as never matching (see Pattern.afterEmpty);
	// usesG records that the pattern has one.
	noG, usesG bool
}

// translation is a translated pattern.
type translation struct {
	text   string
	groups int
	names  map[string]int
	usesG  bool
}

// syntaxError is a PatternSyntaxException, worded like Java's
// getMessage(): description, index and pattern.
func (t *translator) syntaxError(desc string) error {
	idx := t.pos - 1
	return newException(ClassPatternSyntax, desc+" near index "+strconv.Itoa(idx)+"\n"+t.pattern)
}

func unsupported(what string) error {
	return newException(ClassUnsupportedOperation, "archway: Java regex "+what+" is not supported")
}

func (t *translator) has(f int) bool { return t.flags&f != 0 }

func (t *translator) at(i int) rune {
	if i >= 0 && i < len(t.src) {
		return t.src[i]
	}
	return eof
}

// isSpaceASCII is java.util.regex.ASCII.isSpace.
func isSpaceASCII(c rune) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func (t *translator) isLineSeparator(c rune) bool {
	if t.has(flagD) {
		return c == '\n'
	}
	return c == '\n' || c == '\r' || c|1 == 0x2029 || c == 0x85
}

// skipComments moves past whitespace and #-comments in COMMENTS mode.
func (t *translator) skipComments() {
	if !t.has(flagX) {
		return
	}
	for {
		c := t.at(t.pos)
		if isSpaceASCII(c) {
			t.pos++
			continue
		}
		if c == '#' {
			for t.pos < len(t.src) && !t.isLineSeparator(t.src[t.pos]) {
				t.pos++
			}
			continue
		}
		return
	}
}

func (t *translator) peek() rune {
	t.skipComments()
	return t.at(t.pos)
}

func (t *translator) read() rune {
	t.skipComments()
	c := t.at(t.pos)
	t.pos++
	return c
}

func (t *translator) next() rune {
	t.pos++
	return t.peek()
}

func (t *translator) nextEscaped() rune {
	t.pos++
	return t.at(t.pos)
}

func (t *translator) skip() rune {
	c := t.at(t.pos + 1)
	t.pos += 2
	return c
}

func (t *translator) unread() { t.pos-- }

// removeQuoting applies Java's RemoveQEQuoting: \Q...\E becomes escaped
// literals before parsing.
func removeQuoting(p []rune) []rune {
	i := 0
	for i < len(p)-1 {
		if p[i] != '\\' {
			i++
		} else if p[i+1] != 'Q' {
			i += 2
		} else {
			break
		}
	}
	if i >= len(p)-1 {
		return p
	}
	out := append([]rune(nil), p[:i]...)
	i += 2
	inQuote, beginQuote := true, true
	for i < len(p) {
		c := p[i]
		i++
		switch {
		case c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			out = append(out, c)
		case '0' <= c && c <= '9':
			if beginQuote {
				out = append(out, '\\', 'x', '3')
			}
			out = append(out, c)
		case c != '\\':
			if inQuote {
				out = append(out, '\\')
			}
			out = append(out, c)
		case inQuote:
			if i < len(p) && p[i] == 'E' {
				i++
				inQuote = false
			} else {
				out = append(out, '\\', '\\')
			}
		default:
			if i < len(p) && p[i] == 'Q' {
				i++
				inQuote, beginQuote = true, true
				continue
			}
			out = append(out, c)
			if i < len(p) {
				out = append(out, p[i])
				i++
			}
		}
		beginQuote = false
	}
	return out
}

// translate converts pattern to regexp2 syntax and reports its capturing
// groups. With noG, \G never matches.
func translate(pattern string, noG bool) (translation, error) {
	t := &translator{pattern: pattern, totalGroups: -1, noG: noG}
	out, err := t.run()
	if err != nil {
		return translation{}, err
	}
	if t.maxRef > t.groups {
		// A reference to a group that never exists never matches in Java;
		// regexp2 rejects it, so translate again knowing the count.
		t2 := &translator{pattern: pattern, totalGroups: t.groups, noG: noG}
		if out, err = t2.run(); err != nil {
			return translation{}, err
		}
	}
	return translation{text: out, groups: t.groups, names: t.names, usesG: t.usesG}, nil
}

func (t *translator) run() (string, error) {
	t.src = removeQuoting([]rune(t.pattern))
	f, err := t.expr()
	if err != nil {
		return "", err
	}
	if t.pos < len(t.src) {
		if t.peek() == ')' {
			t.pos++
			return "", t.syntaxError("Unmatched closing ')'")
		}
		return "", t.syntaxError("Unexpected internal error")
	}
	return f.text, nil
}

// expr parses alternatives separated by '|'.
func (t *translator) expr() (frag, error) {
	var alts []string
	var studies []studyFn
	for {
		f, err := t.sequence()
		if err != nil {
			return frag{}, err
		}
		alts = append(alts, f.text)
		studies = append(studies, f.study)
		if t.peek() != '|' {
			break
		}
		t.next()
	}
	if len(alts) == 1 {
		return frag{text: alts[0], study: studies[0]}, nil
	}
	return frag{text: strings.Join(alts, "|"), study: branchStudy(studies)}, nil
}

// sequence parses atoms up to '|', ')' or the end.
func (t *translator) sequence() (frag, error) {
	var sb strings.Builder
	var studies []studyFn
	for {
		var f frag
		var err error
		ch := t.peek()
		switch ch {
		case '(':
			var ok bool
			f, ok, err = t.group()
			if err != nil {
				return frag{}, err
			}
			if !ok {
				continue // flags only
			}
			sb.WriteString(f.text)
			studies = append(studies, f.study)
			continue // group() applied its own quantifier
		case '[':
			var set runeSet
			set, err = t.class(true)
			f = setFrag(set)
		case '\\':
			ch = t.nextEscaped()
			if ch == 'p' || ch == 'P' {
				f, err = t.propertyAtom(ch == 'P')
			} else {
				t.unread()
				f, err = t.escapeAtom()
			}
		case '^':
			t.next()
			f = frag{text: t.caret()}
		case '$':
			t.next()
			f = frag{text: t.dollar(t.has(flagM))}
		case '.':
			t.next()
			f = setFrag(t.dotSet())
		case '|', ')', eof:
			return frag{text: sb.String(), study: seqStudy(studies)}, nil
		case '?', '*', '+':
			t.next()
			return frag{}, t.syntaxError("Dangling meta character '" + string(ch) + "'")
		case '{':
			// Java reads an empty literal here; a following {n} applies to it.
			f = frag{text: "(?:)", atom: true}
		default:
			t.next()
			f = t.literal(ch)
		}
		if err != nil {
			return frag{}, err
		}
		if f, err = t.closure(f); err != nil {
			return frag{}, err
		}
		sb.WriteString(f.text)
		studies = append(studies, f.study)
	}
}

// literal emits one literal code point under the current case flags.
func (t *translator) literal(ch rune) frag {
	return setFrag(t.foldChar(ch))
}

// foldChar is the set a single pattern character matches.
func (t *translator) foldChar(ch rune) runeSet {
	if !t.has(flagI) {
		return single(ch)
	}
	if t.has(flagU) {
		return foldOrbit(ch)
	}
	if p := asciiPartner(ch); p >= 0 {
		return setOf(rng{ch, ch}, rng{p, p})
	}
	return single(ch)
}

// foldRange is the set a class range matches (Java's Range, CIRange,
// CIRangeU).
func (t *translator) foldRange(lo, hi rune) runeSet {
	set := runeSet{{lo, hi}}
	if !t.has(flagI) {
		return set
	}
	in := func(r rune) bool { return lo <= r && r <= hi }
	var extra []rng
	if t.has(flagU) {
		for _, x := range casedRunes() {
			up := unicode.ToUpper(x)
			if in(up) || in(unicode.ToLower(up)) {
				extra = append(extra, rng{x, x})
			}
		}
	} else {
		for x := rune('A'); x <= 'z'; x++ {
			if p := asciiPartner(x); p >= 0 && in(p) {
				extra = append(extra, rng{x, x})
			}
		}
	}
	return set.union(setOf(extra...))
}

// closure applies a quantifier following f, if any (Java's closure()).
func (t *translator) closure(f frag) (frag, error) {
	var q string
	cmin, cmax := 0, maxReps
	openEnded := true // *, + and {n,}: Java's curly(), not Curly(n, m)
	switch t.peek() {
	case '?':
		q, cmax, openEnded = "?", 1, false
	case '*':
		q = "*"
	case '+':
		q, cmin = "+", 1
	case '{':
		var err error
		if q, cmin, cmax, openEnded, err = t.counted(); err != nil {
			return frag{}, err
		}
	default:
		return f, nil
	}
	// Java's qtype(): a following '?' makes it lazy, '+' possessive.
	possessive, lazy := false, false
	switch t.next() {
	case '?':
		t.next()
		q += "?"
		lazy = true
	case '+':
		t.next()
		possessive = true
	}
	body := f.text
	switch {
	case f.quantifiedAtomic:
		body = "(?>" + body + ")"
	case !f.atom:
		body = "(?:" + body + ")"
	}
	text := body + q
	if possessive {
		text = "(?>" + text + ")"
	}
	greedyOpen := openEnded && !lazy && !possessive
	return frag{text: text, study: quantifiedStudy(f, int32(cmin), int32(cmax), greedyOpen, possessive)}, nil
}

// counted parses {n}, {n,} or {n,m} with t.pos at '{', leaving t.pos at
// '}'.
func (t *translator) counted() (q string, cmin, cmax int, openEnded bool, err error) {
	ch := t.skip()
	if ch < '0' || ch > '9' {
		return "", 0, 0, false, t.syntaxError("Illegal repetition")
	}
	overflow := false
	number := func() int {
		n := 0
		for ch >= '0' && ch <= '9' {
			n = n*10 + int(ch-'0')
			if n > maxReps {
				overflow, n = true, maxReps
			}
			ch = t.read()
		}
		return n
	}
	cmin = number()
	cmax = cmin
	if ch == ',' {
		ch = t.read()
		if ch == '}' {
			openEnded, cmax = true, maxReps
		} else {
			cmax = number()
		}
	}
	if overflow {
		return "", 0, 0, false, t.syntaxError("Illegal repetition range")
	}
	if ch != '}' {
		return "", 0, 0, false, t.syntaxError("Unclosed counted closure")
	}
	if cmax < cmin {
		return "", 0, 0, false, t.syntaxError("Illegal repetition range")
	}
	t.unread()
	switch {
	case openEnded:
		q = "{" + strconv.Itoa(cmin) + ",}"
	case cmin == cmax:
		q = "{" + strconv.Itoa(cmin) + "}"
	default:
		q = "{" + strconv.Itoa(cmin) + "," + strconv.Itoa(cmax) + "}"
	}
	return q, cmin, cmax, openEnded, nil
}

// group parses a parenthesised construct; ok is false for a bare flag
// modifier such as "(?i)".
func (t *translator) group() (frag, bool, error) {
	saved := t.flags
	open := "("
	ch := t.next()
	if ch == '?' {
		ch = t.skip()
		switch ch {
		case ':':
			open = "(?:"
		case '=', '!':
			open = "(?" + string(ch)
		case '>':
			open = "(?>"
		case '<':
			ch = t.read()
			if ch == '=' || ch == '!' {
				open = "(?<" + string(ch)
				break
			}
			name, err := t.groupName(ch)
			if err != nil {
				return frag{}, false, err
			}
			if _, dup := t.names[name]; dup {
				return frag{}, false, t.syntaxError("Named capturing group <" + name + "> is already defined")
			}
			t.groups++
			if t.names == nil {
				t.names = map[string]int{}
			}
			t.names[name] = t.groups
		case '$', '@':
			return frag{}, false, t.syntaxError("Unknown group type")
		default:
			t.unread()
			t.addFlags()
			ch = t.read()
			if ch == ')' {
				return frag{}, false, nil
			}
			if ch != ':' {
				return frag{}, false, t.syntaxError("Unknown inline modifier")
			}
			open = "(?:"
		}
	} else {
		t.groups++
	}
	body, err := t.expr()
	if err != nil {
		return frag{}, false, err
	}
	if t.read() != ')' {
		return frag{}, false, t.syntaxError("Unclosed group")
	}
	t.flags = saved
	var f frag
	switch open {
	case "(", "(?:":
		f = frag{text: open + body.text + ")", atom: true, kind: kindGroup, study: body.study}
	case "(?>":
		f = frag{text: open + body.text + ")", atom: true, study: body.study}
	case "(?=", "(?!":
		f = frag{text: open + body.text + ")"}
	default:
		var ti treeInfo
		ti.reset()
		body.study.run(&ti)
		if !ti.valid {
			return frag{}, false, t.syntaxError("Look-behind group does not have an obvious maximum length")
		}
		f = frag{text: lookbehind(open == "(?<!", body, ti)}
	}
	f, err = t.closure(f)
	return f, true, err
}

// groupName reads a named group's name, first character ch, and the '>'.
func (t *translator) groupName(ch rune) (string, error) {
	isAlpha := func(c rune) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
	if !isAlpha(ch) {
		return "", t.syntaxError("capturing group name does not start with a Latin letter")
	}
	var sb strings.Builder
	for {
		sb.WriteRune(ch)
		ch = t.read()
		if !isAlpha(ch) && !(ch >= '0' && ch <= '9') {
			break
		}
	}
	if ch != '>' {
		return "", t.syntaxError("named capturing group is missing trailing '>'")
	}
	return sb.String(), nil
}

// addFlags parses "idmsuxU-idmsuxU" modifiers.
func (t *translator) addFlags() {
	on := true
	for ch := t.peek(); ; ch = t.next() {
		var f int
		switch ch {
		case 'i':
			f = flagI
		case 'm':
			f = flagM
		case 's':
			f = flagS
		case 'd':
			f = flagD
		case 'u':
			f = flagU
		case 'c':
			f = 0 // CANON_EQ: accepted, not modelled
		case 'x':
			f = flagX
		case 'U':
			f = flagUC | flagU
		case '-':
			if !on {
				return
			}
			on = false
			continue
		default:
			return
		}
		if on {
			t.flags |= f
		} else {
			t.flags &^= f
		}
	}
}
