package jsonvalue

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Parse reads data as json-smart 2.2's parser does in PERMISSIVE mode, the
// mode API Gateway's JSONPath provider uses for $input.path, $input.json
// and $util.parseJson:
//
//   - objects become *Map (key order kept; a repeated key keeps its first
//     position and takes the last value) and arrays *List with JSON set;
//   - integers become int64, or *big.Int beyond Java's long; numbers with a
//     fraction or exponent become float64 (Double.parseDouble, so 1e400 is
//     +Inf), or *Decimal when written with more than 18 characters;
//   - true, false and null are the Go values; NaN is math.NaN();
//   - strings may use single quotes, and anything unquoted that is not one
//     of the above is a string, trimmed: "some raw data" parses to itself,
//     {a: x y} to {"a":"x y"} and [1 2] to ["1 2"];
//   - commas may repeat or trail, data after the first value is ignored,
//     and more than 400 nested containers is an error.
//
// Control characters are kept in a string without escapes and dropped from
// one with escapes; \x41 and unknown escapes (dropped) are accepted; a
// lone UTF-16 surrogate escape becomes '?', as Java's UTF-8 encoder writes
// it. An empty input parses to "". Unparseable input returns a
// *SyntaxError.
func Parse(data []byte) (any, error) {
	p := parserPool.Get().(*parser)
	p.src, p.pos, p.depth = string(data), -1, 0
	p.a = newArena(len(data))
	p.read()
	v, err := p.readFirst()
	clear(p.stack)
	// The arena's blocks belong to the returned document now.
	p.src, p.stack, p.sb, p.a = "", p.stack[:0], p.sb[:0], arena{}
	parserPool.Put(p)
	return v, err
}

// parserPool keeps the scratch buffers of finished parses.
var parserPool = sync.Pool{New: func() any { return new(parser) }}

// SyntaxError reports input json-smart rejects.
type SyntaxError struct {
	Pos int    // byte offset of the offending character
	Msg string // what was wrong
}

// Error describes the rejected input.
func (e *SyntaxError) Error() string {
	return "jsonvalue: " + e.Msg + " at position " + strconv.Itoa(e.Pos)
}

// eoi is json-smart's end-of-input marker. A literal U+001A in the input
// acts as one too.
const eoi = 0x1A

// maxDepth is the nesting limit of the patched json-smart 2.2.
const maxDepth = 400

// Stop-character sets, as bit flags in stopTable.
const (
	stopX     = 1 << iota // top level: only the end
	stopKey               // unquoted key: ':'
	stopValue             // object value: ',' '}'
	stopArray             // array value: ',' ']'
)

var stopTable = func() (t [126]uint8) {
	all := uint8(stopX | stopKey | stopValue | stopArray)
	t[eoi] = all
	t[':'] = stopKey
	t[','] = stopValue | stopArray
	t['}'] = stopValue
	t[']'] = stopArray
	return t
}()

func isStop(c byte, set uint8) bool { return c < 126 && stopTable[c]&set != 0 }

type parser struct {
	src   string
	pos   int
	c     byte
	depth int
	sb    []byte
	// stack holds the entries of the containers being read (key, value
	// pairs for objects), so that each gets one exactly sized slice.
	stack []any
	a     arena
}

func (p *parser) read() {
	p.pos++
	if p.pos >= len(p.src) {
		p.c = eoi
		return
	}
	p.c = p.src[p.pos]
}

func (p *parser) errAt(pos int, msg string) error { return &SyntaxError{Pos: pos, Msg: msg} }

func (p *parser) unexpected() error {
	if p.pos >= len(p.src) {
		return p.errAt(len(p.src), "unexpected end of input")
	}
	return p.errAt(p.pos, "unexpected character "+strconv.QuoteRune(rune(p.c)))
}

func (p *parser) skipSpace() {
	for p.c <= ' ' && p.c != eoi {
		p.read()
	}
}

func (p *parser) skipDigits() {
	for p.c >= '0' && p.c <= '9' {
		p.read()
	}
}

func (p *parser) skipNQString(set uint8) {
	for p.c != eoi && !isStop(p.c, set) {
		p.read()
	}
}

// readNQString reads an unquoted token up to a stop character, trimmed as
// Java's String.trim does.
func (p *parser) readNQString(set uint8) string {
	start := p.pos
	p.skipNQString(set)
	return javaTrim(p.src[start:min(p.pos, len(p.src))])
}

func javaTrim(s string) string {
	i, j := 0, len(s)
	for i < j && s[i] <= ' ' {
		i++
	}
	for j > i && s[j-1] <= ' ' {
		j--
	}
	return s[i:j]
}

func (p *parser) readFirst() (any, error) {
	for {
		switch p.c {
		case ' ', '\r', '\n', '\t':
			p.read()
		case ':', '}', ']':
			return nil, p.unexpected()
		default:
			return p.readValue(stopX)
		}
	}
}

// readValue reads one value at the current character, which is not
// blank; set tells where an unquoted token ends.
func (p *parser) readValue(set uint8) (any, error) {
	switch c := p.c; {
	case c == '{':
		return p.readObject()
	case c == '[':
		return p.readArray()
	case c == '"' || c == '\'':
		s, err := p.readString()
		if err != nil {
			return nil, err
		}
		return p.a.str(s), nil
	case c == '-' || c >= '0' && c <= '9':
		return p.readNumber(set)
	default:
		s := p.readNQString(set)
		switch s {
		case "null":
			return nil, nil
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "NaN":
			return math.NaN(), nil
		}
		return p.a.str(s), nil
	}
}

func (p *parser) readMain(set uint8) (any, error) {
	for {
		switch p.c {
		case ' ', '\r', '\n', '\t':
			p.read()
		case ':', '}', ']':
			return nil, p.unexpected()
		default:
			return p.readValue(set)
		}
	}
}

func (p *parser) readObject() (any, error) {
	p.depth++
	if p.depth > maxDepth {
		return nil, p.errAt(p.pos, "nesting deeper than 400 levels")
	}
	base := len(p.stack)
	var seen map[string]int // index of each key, for large objects
	for {
		p.read()
		switch p.c {
		case ' ', '\r', '\t', '\n', ',':
			continue
		case ':', ']', '[', '{':
			return nil, p.unexpected()
		case '}':
			p.depth--
			p.read()
			return p.popObject(base), nil
		}
		var key string
		if p.c == '"' || p.c == '\'' {
			k, err := p.readString()
			if err != nil {
				return nil, err
			}
			key = k
		} else {
			key = p.readNQString(stopKey)
		}
		p.skipSpace()
		if p.c != ':' {
			return nil, p.unexpected()
		}
		p.pos++
		if p.pos >= len(p.src) {
			return nil, p.errAt(len(p.src), "unexpected end of input")
		}
		p.c = p.src[p.pos]
		v, err := p.readMain(stopValue)
		if err != nil {
			return nil, err
		}
		seen = p.putEntry(base, seen, key, v)
		p.skipSpace()
		switch p.c {
		case '}':
			p.depth--
			p.read()
			return p.popObject(base), nil
		case ',':
		default:
			return nil, p.unexpected()
		}
	}
}

// putEntry adds key and v to the object whose entries start at base; a
// repeated key keeps its place and takes the new value, as
// LinkedHashMap.put does.
func (p *parser) putEntry(base int, seen map[string]int, key string, v any) map[string]int {
	const linearMax = 16
	n := (len(p.stack) - base) / 2
	if seen == nil && n < linearMax {
		for i := base; i < len(p.stack); i += 2 {
			if p.stack[i].(string) == key {
				p.stack[i+1] = v
				return nil
			}
		}
		p.stack = append(p.stack, p.a.str(key), v)
		return nil
	}
	if seen == nil {
		seen = make(map[string]int, 2*n)
		for i := base; i < len(p.stack); i += 2 {
			seen[p.stack[i].(string)] = i
		}
	}
	if i, ok := seen[key]; ok {
		p.stack[i+1] = v
		return seen
	}
	seen[key] = len(p.stack)
	p.stack = append(p.stack, p.a.str(key), v)
	return seen
}

// popObject turns the entries from base into a Map.
func (p *parser) popObject(base int) *Map {
	entries := p.stack[base:]
	n := len(entries) / 2
	keys, vals := p.a.take(n), p.a.take(n)
	for i := range n {
		keys[i] = entries[2*i]
		vals[i] = entries[2*i+1]
	}
	clear(entries)
	p.stack = p.stack[:base]
	m := p.a.newMap()
	m.keys, m.vals = keys, vals
	return m
}

func (p *parser) readArray() (any, error) {
	p.depth++
	if p.depth > maxDepth {
		return nil, p.errAt(p.pos, "nesting deeper than 400 levels")
	}
	base := len(p.stack)
	p.read()
	for {
		switch p.c {
		case ' ', '\r', '\n', '\t', ',':
			p.read()
		case ']':
			p.depth--
			p.read()
			l := p.a.newList()
			l.JSON = true
			if n := len(p.stack) - base; n > 0 {
				l.Items = p.a.take(n)
				copy(l.Items, p.stack[base:])
				clear(p.stack[base:])
				p.stack = p.stack[:base]
			}
			return l, nil
		case ':', '}', eoi:
			return nil, p.unexpected()
		default:
			v, err := p.readMain(stopArray)
			if err != nil {
				return nil, err
			}
			p.stack = append(p.stack, v)
		}
	}
}

// readNumber reads a token that starts like a number. It is a number only
// if it ends at a stop character (or a character json-smart does not
// classify); otherwise the whole token is an unquoted string.
func (p *parser) readNumber(set uint8) (any, error) {
	start := p.pos
	p.read()
	p.skipDigits()
	asString := func() any {
		p.skipNQString(set)
		return p.a.str(javaTrim(p.src[start:min(p.pos, len(p.src))]))
	}
	continues := func() bool {
		p.skipSpace()
		return p.c < 126 && p.c != eoi && !isStop(p.c, set)
	}
	token := func() string { return javaTrim(p.src[start:min(p.pos, len(p.src))]) }
	if p.c != '.' && p.c != 'e' && p.c != 'E' {
		if continues() {
			return asString(), nil
		}
		n, big := parseJavaInteger(token())
		if big != nil {
			return big, nil
		}
		return p.a.int(n), nil
	}
	if p.c == '.' {
		p.read()
		p.skipDigits()
	}
	if p.c == 'e' || p.c == 'E' {
		p.read()
		if p.c != '+' && p.c != '-' && (p.c < '0' || p.c > '9') {
			return asString(), nil
		}
		p.read()
		p.skipDigits()
	}
	if continues() {
		return asString(), nil
	}
	return p.extractFloat(start, token())
}

func (p *parser) extractFloat(start int, s string) (any, error) {
	if len(s) > 18 {
		d, ok := parseDecimal(s)
		if !ok {
			return nil, p.errAt(start, "malformed number "+strconv.Quote(s))
		}
		return d, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && err.(*strconv.NumError).Err != strconv.ErrRange {
		return nil, p.errAt(start, "malformed number "+strconv.Quote(s))
	}
	return p.a.float(f), nil
}

// parseJavaInteger converts -?[0-9]* as json-smart does: a long when it
// fits, a BigInteger otherwise; a lone "-" is 0.
func parseJavaInteger(s string) (int64, *big.Int) {
	p, l, limit := 0, len(s), 19
	neg := strings.HasPrefix(s, "-")
	if neg {
		p++
		limit++
	}
	mustCheck := false
	switch {
	case l > limit:
		b, _ := new(big.Int).SetString(s, 10)
		return 0, b
	case l < limit:
		limit = l
	default:
		limit = l - 1
		mustCheck = true
	}
	var r int64 // accumulated negatively, as Long.parseLong does
	for ; p < limit; p++ {
		r = r*10 - int64(s[p]-'0')
	}
	if mustCheck {
		const edge = -922337203685477580
		isBig := r < edge
		if r == edge {
			isBig = neg && s[p] > '8' || !neg && s[p] > '7'
		}
		if isBig {
			b, _ := new(big.Int).SetString(s, 10)
			return 0, b
		}
		r = r*10 - int64(s[p]-'0')
	}
	if neg {
		return r, nil
	}
	return -r, nil
}

// readString reads a quoted string. Without a backslash the text up to the
// next matching quote is taken as is; otherwise escapes are decoded.
func (p *parser) readString() (string, error) {
	q := p.c
	end := strings.IndexByte(p.src[p.pos+1:], q)
	if end < 0 {
		return "", p.errAt(len(p.src), "unterminated string")
	}
	end += p.pos + 1
	s := p.src[p.pos+1 : end]
	if strings.IndexByte(s, '\\') < 0 {
		p.pos = end
		p.read()
		return s, nil
	}
	return p.readEscaped()
}

func (p *parser) readEscaped() (string, error) {
	sep := p.c
	p.sb = p.sb[:0]
	var high rune // pending high surrogate from a \u escape
	flush := func() {
		if high != 0 {
			p.sb = append(p.sb, '?')
			high = 0
		}
	}
	unit := func(u rune) {
		switch {
		case high != 0 && u >= 0xDC00 && u <= 0xDFFF:
			p.sb = utf8.AppendRune(p.sb, 0x10000+(high-0xD800)<<10+(u-0xDC00))
			high = 0
			return
		case u >= 0xD800 && u <= 0xDBFF:
			flush()
			high = u
			return
		}
		flush()
		if u >= 0xDC00 && u <= 0xDFFF {
			p.sb = append(p.sb, '?')
			return
		}
		p.sb = utf8.AppendRune(p.sb, u)
	}
	for {
		p.read()
		c := p.c
		switch {
		case c == eoi:
			return "", p.errAt(p.pos, "unterminated string")
		case c == sep:
			flush()
			p.read()
			return string(p.sb), nil
		case c == '\\':
			p.read()
			switch p.c {
			case 't':
				unit('\t')
			case 'n':
				unit('\n')
			case 'r':
				unit('\r')
			case 'f':
				unit('\f')
			case 'b':
				unit('\b')
			case '\\', '/', '\'', '"':
				unit(rune(p.c))
			case 'u', 'x':
				n := 4
				if p.c == 'x' {
					n = 2
				}
				u, err := p.readHex(n)
				if err != nil {
					return "", err
				}
				unit(u)
			}
		case c < 32 || c == 127:
			// dropped: json-smart ignores control characters here
		default:
			flush()
			p.sb = append(p.sb, c)
		}
	}
}

func (p *parser) readHex(n int) (rune, error) {
	var v rune
	for range n {
		p.read()
		c := p.c
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + rune(c-'0')
		case c >= 'a' && c <= 'f':
			v = v*16 + rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v*16 + rune(c-'A'+10)
		default:
			return 0, p.unexpected()
		}
	}
	return v, nil
}
