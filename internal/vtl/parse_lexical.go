package vtl

import "strings"

// The lexical rules of Velocity 1.7 that are not plain grammar: escapes,
// the stray '$' and '#' that JavaCC's MORE tokens glue to what follows,
// and the whitespace directives swallow.

// strayDollar handles a '$' (or "$!") that starts no reference. Velocity
// lexes it as a prefix of the next token: before text it prints, before
// a directive or comment it disappears with it, and at the end of the
// template it is a lexical error.
func (p *parser) strayDollar(text *textBuf) error {
	i := p.pos + 1
	if i < len(p.src) && p.src[i] == '!' {
		i++
	}
	if i >= len(p.src) {
		if !p.literal {
			return p.errAt(len(p.src), "lexical error: the template ends with '$'")
		}
		// Inside a string literal a final "$!" prints as "$".
		text.b = append(text.b, '$')
		p.pos = i
		return nil
	}
	if name, after, ok := p.directiveName(i); ok && p.src[i+1] != '{' && !isControlDirective(name) {
		// Before "#name" the '$' joins the directive's name, which then
		// names no directive: Velocity prints the whole call as text.
		// #if, #elseif, #else, #end and #set have tokens of their own
		// and stay directives.
		end := after
		if end < len(p.src) && p.src[end] == '(' {
			if close := matchParen(p.src, end); close > 0 {
				end = close + 1
			}
		}
		text.b = append(text.b, p.src[p.pos:end]...)
		p.pos = end
		return nil
	}
	j := i
	for j < len(p.src) && (p.src[j] == ' ' || p.src[j] == '\t') {
		j++
	}
	if j < len(p.src) && p.src[j] == '#' && p.hashStartsToken(j, j > i) {
		p.pos = i
		if j > i {
			p.pos = j
		}
		return nil
	}
	text.b = append(text.b, p.src[p.pos:i]...)
	p.pos = i
	return nil
}

func isControlDirective(name string) bool {
	switch name {
	case "if", "elseif", "else", "end", "set":
		return true
	}
	return false
}

// matchParen returns the offset of the ')' that closes the '(' at open, or
// -1.
func matchParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// hashStartsToken reports whether the '#' at off begins a comment, an
// unparsed block or a known directive (only #set when blanks precede it,
// since only #set takes leading blanks into its token).
func (p *parser) hashStartsToken(off int, afterBlanks bool) bool {
	rest := p.src[off:]
	if !afterBlanks && (strings.HasPrefix(rest, "##") || strings.HasPrefix(rest, "#*") || strings.HasPrefix(rest, "#[[")) {
		return true
	}
	name, _, ok := p.directiveName(off)
	if !ok {
		return false
	}
	if afterBlanks {
		return name == "set"
	}
	return isKnownDirective(name)
}

// parseBackslashes handles a run of backslashes. Before a reference or a
// directive, pairs of backslashes print one backslash each and an odd one
// escapes what follows (which then prints as its source text).
func (p *parser) parseBackslashes(text *textBuf, nodes *[]node) error {
	start := p.pos
	end := start
	for end < len(p.src) && p.src[end] == '\\' {
		end++
	}
	n := end - start
	if end < len(p.src) && p.src[end] == '$' {
		ref, ok, err := p.parseRef(end)
		if err != nil {
			return err
		}
		if ok {
			text.b = append(text.b, strings.Repeat(`\`, n/2)...)
			if n%2 == 1 {
				text.b = append(text.b, ref.src...)
				return nil
			}
			*nodes = text.flush(*nodes)
			*nodes = append(*nodes, &refNode{ref: ref})
			return nil
		}
	}
	if end < len(p.src) && p.src[end] == '#' {
		if name, nameEnd, ok := p.directiveName(end); ok && isKnownDirective(name) {
			text.b = append(text.b, strings.Repeat(`\`, n/2)...)
			if n%2 == 1 {
				text.b = append(text.b, p.src[end:nameEnd]...)
				p.pos = nameEnd
				return nil
			}
			p.pos = end
			return nil
		}
	}
	text.b = append(text.b, p.src[start:end]...)
	p.pos = end
	return nil
}

func isKnownDirective(name string) bool {
	switch name {
	case "set", "if", "elseif", "else", "end", "foreach", "break", "stop",
		"macro", "define", "evaluate", "include", "parse":
		return true
	}
	return false
}

// gobbleNewline consumes trailing spaces and tabs plus one newline, as
// Velocity's directive-closing tokens do; without a newline it consumes
// nothing.
func (p *parser) gobbleNewline() {
	i := p.pos
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(p.src[i:], "\r\n"):
		p.pos = i + 2
	case i < len(p.src) && (p.src[i] == '\n' || p.src[i] == '\r'):
		p.pos = i + 1
	}
}

func allBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
