package vtl

import (
	"math/big"
	"strconv"
	"strings"
)

// parseExpr parses a full expression (the argument of #if, #elseif and the
// right side of #set), leaving p.pos after it.
func (p *parser) parseExpr() (expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		return nil, p.errAt(p.pos, "expression nested more than %d deep", maxNesting)
	}
	return p.parseOr()
}

// atKeyword reports whether the word w stands at p.pos as a whole word.
func (p *parser) atKeyword(w string) bool {
	if !strings.HasPrefix(p.src[p.pos:], w) {
		return false
	}
	end := p.pos + len(w)
	return end >= len(p.src) || !isIdentChar(p.src[end])
}

// acceptOp consumes one of the operator spellings (symbols or words) after
// optional whitespace.
func (p *parser) acceptOp(spellings ...string) (string, bool) {
	save := p.pos
	p.skipSpace()
	for _, s := range spellings {
		if isAlpha(s[0]) {
			if p.atKeyword(s) {
				p.pos += len(s)
				return s, true
			}
			continue
		}
		if strings.HasPrefix(p.src[p.pos:], s) {
			p.pos += len(s)
			return s, true
		}
	}
	p.pos = save
	return "", false
}

func (p *parser) parseOr() (expr, error) {
	left, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for {
		if _, ok := p.acceptOp("||", "or"); !ok {
			return left, nil
		}
		right, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		left = &logicalExpr{and: false, left: left, right: right}
	}
}

func (p *parser) parseAnd() (expr, error) {
	left, err := p.parseEquality()
	if err != nil {
		return nil, err
	}
	for {
		if _, ok := p.acceptOp("&&", "and"); !ok {
			return left, nil
		}
		right, err := p.parseEquality()
		if err != nil {
			return nil, err
		}
		left = &logicalExpr{and: true, left: left, right: right}
	}
}

var opWords = map[string]string{"eq": "==", "ne": "!=", "lt": "<", "gt": ">", "le": "<=", "ge": ">="}

func (p *parser) parseBinary(next func() (expr, error), spellings ...string) (expr, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for {
		save := p.pos
		op, ok := p.acceptOp(spellings...)
		if !ok {
			return left, nil
		}
		if op == "=" || (op == "!" && strings.HasPrefix(p.src[p.pos:], "=")) {
			p.pos = save
			return left, nil
		}
		if w, isWord := opWords[op]; isWord {
			op = w
		}
		opOff := p.pos - len(op)
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &binaryExpr{op: op, left: left, right: right, off: opOff}
	}
}

func (p *parser) parseEquality() (expr, error) {
	return p.parseBinary(p.parseRelational, "==", "!=", "eq", "ne")
}

func (p *parser) parseRelational() (expr, error) {
	return p.parseBinary(p.parseAdditive, "<=", ">=", "<", ">", "le", "ge", "lt", "gt")
}

func (p *parser) parseAdditive() (expr, error) {
	left, err := p.parseMultiplicative()
	if err != nil {
		return nil, err
	}
	for {
		save := p.pos
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.pos = save
			return left, nil
		}
		c := p.src[p.pos]
		// "-" directly followed by a digit is a negative literal, as in
		// Velocity's lexer, so "3 -1" is a syntax error.
		if c != '+' && (c != '-' || (p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]))) {
			p.pos = save
			return left, nil
		}
		opOff := p.pos
		p.pos++
		right, err := p.parseMultiplicative()
		if err != nil {
			return nil, err
		}
		left = &binaryExpr{op: string(c), left: left, right: right, off: opOff}
	}
}

func (p *parser) parseMultiplicative() (expr, error) {
	return p.parseBinary(p.parseUnary, "*", "/", "%")
}

func (p *parser) parseUnary() (expr, error) {
	save := p.pos
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '!' && !strings.HasPrefix(p.src[p.pos:], "!=") {
		p.pos++
		e, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return &notExpr{e: e}, nil
	}
	if p.atKeyword("not") {
		p.pos += 3
		e, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return &notExpr{e: e}, nil
	}
	p.pos = save
	return p.parsePrimary()
}

func (p *parser) parsePrimary() (expr, error) {
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '(' {
		p.pos++
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, p.errAt(p.pos, "expected ')'")
		}
		p.pos++
		return &parenExpr{e: e}, nil
	}
	return p.parseParam()
}

// parseParam parses a Velocity parameter: a string, number, boolean,
// reference, list, range or map literal.
func (p *parser) parseParam() (expr, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errAt(p.pos, "unexpected end of template, expected a value")
	}
	c := p.src[p.pos]
	switch {
	case c == '$':
		ref, ok, err := p.parseRef(p.pos)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, p.errAt(p.pos, "expected a reference after '$'")
		}
		p.pos = ref.off + len(ref.src)
		return ref, nil
	case c == '\'' || c == '"':
		return p.parseString()
	case isDigit(c) || (c == '-' || c == '.') && p.pos+1 < len(p.src) && (isDigit(p.src[p.pos+1]) || p.src[p.pos+1] == '.'):
		return p.parseNumber()
	case c == '[':
		return p.parseListOrRange()
	case c == '{':
		return p.parseMap()
	case p.atKeyword("true"):
		p.pos += 4
		return &boolLit{v: true}, nil
	case p.atKeyword("false"):
		p.pos += 5
		return &boolLit{v: false}, nil
	}
	return nil, p.errAt(p.pos, "unexpected %q, expected a value (reference, string, number, list, map or boolean)", string(c))
}

func (p *parser) parseNumber() (expr, error) {
	start := p.pos
	i := p.pos
	if p.src[i] == '-' {
		i++
	}
	for i < len(p.src) && isDigit(p.src[i]) {
		i++
	}
	isFloat := false
	if i+1 < len(p.src) && p.src[i] == '.' && isDigit(p.src[i+1]) {
		isFloat = true
		i++
		for i < len(p.src) && isDigit(p.src[i]) {
			i++
		}
	}
	if i < len(p.src) && (p.src[i] == 'e' || p.src[i] == 'E') {
		j := i + 1
		if j < len(p.src) && (p.src[j] == '+' || p.src[j] == '-') {
			j++
		}
		if j < len(p.src) && isDigit(p.src[j]) {
			isFloat = true
			for j < len(p.src) && isDigit(p.src[j]) {
				j++
			}
			i = j
		}
	}
	text := p.src[start:i]
	if text == "-" || text == "" || text == "." {
		return nil, p.errAt(start, "malformed number")
	}
	p.pos = i
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, p.errAt(start, "malformed number %q", text)
		}
		return &floatLit{v: any(f)}, nil
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return &intLit{v: n}, nil
	}
	b, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return nil, p.errAt(start, "malformed number %q", text)
	}
	return &intLit{v: b}, nil
}

// parseString parses a string literal. Single quotes are literal (” is a
// quote); double quotes interpolate references and directives ("" is a
// quote, \uXXXX a character).
func (p *parser) parseString() (expr, error) {
	start := p.pos
	q := p.src[p.pos]
	i := p.pos + 1
	var b strings.Builder
	for {
		if i >= len(p.src) {
			return nil, p.errAt(start, "string literal is not closed")
		}
		c := p.src[i]
		if c == q {
			if i+1 < len(p.src) && p.src[i+1] == q {
				b.WriteByte(q)
				i += 2
				continue
			}
			break
		}
		if q == '"' && c == '\\' && i+1 < len(p.src) {
			if p.src[i+1] == 'u' && i+6 <= len(p.src) {
				if r, err := strconv.ParseUint(p.src[i+2:i+6], 16, 16); err == nil {
					b.WriteRune(rune(r))
					i += 6
					continue
				}
			}
			b.WriteByte(c)
			b.WriteByte(p.src[i+1])
			i += 2
			continue
		}
		b.WriteByte(c)
		i++
	}
	p.pos = i + 1
	s := b.String()
	if q == '\'' || !strings.ContainsAny(s, "$#") {
		return &stringLit{v: s}, nil
	}
	sub := &parser{src: s, name: p.name, macros: p.macros, depth: p.depth + 1, literal: true, roots: p.roots}
	if sub.depth > maxNesting {
		return nil, p.errAt(start, "string literals nested more than %d deep", maxNesting)
	}
	nodes, term, err := sub.parseBlock()
	p.mutates = p.mutates || sub.mutates
	p.dynamic = p.dynamic || sub.dynamic
	if err != nil {
		if e, ok := err.(*Error); ok {
			// Report the position inside the enclosing template.
			l, c := position(p.src, start+1)
			if e.Line == 1 {
				e.Col += c - 1
			}
			e.Line += l - 1
		}
		return nil, err
	}
	if term != "" {
		return nil, p.errAt(start, "#%s without a matching block inside a string literal", term)
	}
	return &interpLit{nodes: nodes}, nil
}

func (p *parser) parseListOrRange() (expr, error) {
	open := p.pos
	p.pos++
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		l := &listLit{}
		l.freeze()
		return l, nil
	}
	first, err := p.parseParam()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if strings.HasPrefix(p.src[p.pos:], "..") {
		p.pos += 2
		p.skipSpace()
		to, err := p.parseParam()
		if err != nil {
			return nil, err
		}
		if !rangeEnd(first) || !rangeEnd(to) {
			return nil, p.errAt(open, "a range [a..b] takes integers or references")
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ']' {
			return nil, p.errAt(p.pos, "expected ']' to close the range opened at %s", p.lineCol(open))
		}
		p.pos++
		return &rangeLit{from: first, to: to}, nil
	}
	items := []expr{first}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errAt(p.pos, "list opened at %s is not closed", p.lineCol(open))
		}
		switch p.src[p.pos] {
		case ']':
			p.pos++
			l := &listLit{items: items}
			l.freeze()
			return l, nil
		case ',':
			p.pos++
			e, err := p.parseParam()
			if err != nil {
				return nil, err
			}
			items = append(items, e)
		default:
			return nil, p.errAt(p.pos, "expected ',' or ']' in the list opened at %s", p.lineCol(open))
		}
	}
}

func rangeEnd(e expr) bool {
	switch e.(type) {
	case *intLit, *refExpr:
		return true
	}
	return false
}

func (p *parser) parseMap() (expr, error) {
	open := p.pos
	p.pos++
	m := &mapLit{}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		m.freeze()
		return m, nil
	}
	for {
		k, err := p.parseParam()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.errAt(p.pos, "expected ':' in the map opened at %s", p.lineCol(open))
		}
		p.pos++
		v, err := p.parseParam()
		if err != nil {
			return nil, err
		}
		m.keys = append(m.keys, k)
		m.vals = append(m.vals, v)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errAt(p.pos, "map opened at %s is not closed", p.lineCol(open))
		}
		switch p.src[p.pos] {
		case '}':
			p.pos++
			m.freeze()
			return m, nil
		case ',':
			p.pos++
		default:
			return nil, p.errAt(p.pos, "expected ',' or '}' in the map opened at %s", p.lineCol(open))
		}
	}
}
