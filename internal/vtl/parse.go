package vtl

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// MaxTemplateSize is API Gateway's limit on the size of one mapping
// template (300 KB).
const MaxTemplateSize = 300 * 1024

// Template is a parsed template. It is immutable and safe for concurrent
// use by many renders.
type Template struct {
	name    string
	src     string
	root    []node
	macros  map[string]*macroDef
	mutates bool
	roots   map[string]bool // root names of every reference
	dynamic bool            // #evaluate: any name may be referenced
	// outSize is the length of the latest output, the capacity a render
	// into no buffer starts with: a hint, not part of the template.
	outSize atomic.Int32
}

// References reports whether the template may read or write the
// top-level variable name ($name...). A caller can skip building
// variables a template never names.
func (t *Template) References(name string) bool { return t.dynamic || t.roots[name] }

// MayMutate reports whether the template can change a list or map it did
// not build itself: it calls a mutating method (put, add, remove, set,
// clear, ...), assigns to a property or index, or uses #evaluate. A
// template that cannot may be given shared values without copying them.
func (t *Template) MayMutate() bool { return t.mutates }

// Name returns the name the template was parsed with.
func (t *Template) Name() string { return t.name }

// Source returns the template text.
func (t *Template) Source() string { return t.src }

// Parse parses a template. name is used in error messages (a file name
// and field path, for instance). Syntax errors carry line and column.
func Parse(name, src string) (*Template, error) {
	if len(src) > MaxTemplateSize {
		return nil, &Error{Kind: ParseError, Name: name, Line: 1, Col: 1,
			Message: fmt.Sprintf("template is %d bytes; API Gateway allows at most %d (300 KB)", len(src), MaxTemplateSize)}
	}
	p := &parser{src: src, name: name, macros: map[string]*macroDef{}, roots: map[string]bool{}}
	nodes, term, err := p.parseBlock()
	if err != nil {
		return nil, err
	}
	if term != "" {
		return nil, p.errAt(p.termOff, "#%s without a matching #if, #foreach, #macro or #define", term)
	}
	return &Template{name: name, src: src, root: nodes, macros: p.macros, mutates: p.mutates,
		roots: p.roots, dynamic: p.dynamic}, nil
}

// parser is a hand-written recursive-descent parser that follows the
// lexical rules of Velocity 1.7's JavaCC grammar.
type parser struct {
	src     string
	pos     int
	name    string
	macros  map[string]*macroDef
	termOff int  // offset of the last block terminator read
	depth   int  // nesting of blocks and string literals
	literal bool // parsing the inside of a double-quoted string
	mutates bool // see Template.MayMutate
	roots   map[string]bool
	dynamic bool
}

// mutatingMethods are the collection methods that change their receiver.
var mutatingMethods = map[string]bool{
	"put": true, "putAll": true, "putIfAbsent": true, "remove": true, "clear": true,
	"add": true, "addAll": true, "set": true, "setValue": true, "removeAll": true, "retainAll": true,
}

const maxNesting = 200

func (p *parser) errAt(off int, format string, args ...any) error {
	line, col := position(p.src, off)
	return &Error{Kind: ParseError, Name: p.name, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
}

// textBuf accumulates literal text. tok marks where the current text
// token began: whitespace between it and a #set is swallowed by #set, as
// Velocity's SET_DIRECTIVE token does.
type textBuf struct {
	b   []byte
	tok int
}

func (t *textBuf) flush(nodes []node) []node {
	if len(t.b) > 0 {
		nodes = append(nodes, &textNode{s: string(t.b)})
	}
	t.b, t.tok = t.b[:0], 0
	return nodes
}

// parseBlock parses nodes until EOF or a block terminator (#end, #else,
// #elseif), which it returns (with p.pos after the terminator token;
// for elseif, after its name).
func (p *parser) parseBlock() ([]node, string, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		return nil, "", p.errAt(p.pos, "blocks nested more than %d deep", maxNesting)
	}
	var nodes []node
	var text textBuf
	// refmod is set after a reference ending in a property ($a.b): Velocity's
	// lexer is then in its REFMODIFIER state, where "##" starts no comment.
	refmod := false
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if refmod && strings.HasPrefix(p.src[p.pos:], "##") {
			refmod = false
			if !strings.HasPrefix(p.src[p.pos:], "##*") {
				text.b = append(text.b, "##"...)
				p.pos += 2
				continue
			}
			p.pos++ // the first '#' disappears into the comment token
			continue
		}
		if c != '#' || !strings.HasPrefix(p.src[p.pos:], "#*") {
			refmod = false
		}
		switch c {
		case '$':
			ref, ok, err := p.parseRef(p.pos)
			if err != nil {
				return nil, "", err
			}
			if !ok {
				if err := p.strayDollar(&text); err != nil {
					return nil, "", err
				}
				continue
			}
			nodes = text.flush(nodes)
			nodes = append(nodes, &refNode{ref: ref})
			refmod = !strings.HasSuffix(ref.src, "}") && len(ref.parts) > 0 && ref.parts[len(ref.parts)-1].kind == partProperty
		case '\\':
			if err := p.parseBackslashes(&text, &nodes); err != nil {
				return nil, "", err
			}
		case '#':
			n, term, handled, err := p.parseHash(&text, &nodes)
			if err != nil {
				return nil, "", err
			}
			if term != "" {
				nodes = text.flush(nodes)
				return nodes, term, nil
			}
			if !handled {
				if p.pos+1 == len(p.src) && !p.literal {
					return nil, "", p.errAt(len(p.src), "lexical error: the template ends with '#'")
				}
				text.b = append(text.b, '#')
				p.pos++
				continue
			}
			if n != nil {
				nodes = text.flush(nodes)
				nodes = append(nodes, n)
			}
			text.tok = len(text.b)
		default:
			end := p.pos + 1
			for end < len(p.src) && p.src[end] != '$' && p.src[end] != '#' && p.src[end] != '\\' {
				end++
			}
			text.b = append(text.b, p.src[p.pos:end]...)
			p.pos = end
		}
	}
	nodes = text.flush(nodes)
	return nodes, "", nil
}

// directiveName reads "#name" or "#{name}" at off and returns the name
// and the offset after it.
func (p *parser) directiveName(off int) (string, int, bool) {
	i := off + 1
	braced := i < len(p.src) && p.src[i] == '{'
	if braced {
		i++
	}
	if i >= len(p.src) || !isAlpha(p.src[i]) {
		return "", 0, false
	}
	j := i + 1
	for j < len(p.src) && (isAlpha(p.src[j]) || isDigit(p.src[j]) || p.src[j] == '_') {
		j++
	}
	name := p.src[i:j]
	if braced {
		if j >= len(p.src) || p.src[j] != '}' {
			return "", 0, false
		}
		j++
	}
	return name, j, true
}

// parseHash handles '#': comments, unparsed blocks and directives. It
// returns a node to append (nil for comments), a terminator name when a
// block ends, or handled=false when the '#' is plain text.
func (p *parser) parseHash(text *textBuf, nodes *[]node) (node, string, bool, error) {
	start := p.pos
	rest := p.src[start:]
	switch {
	case strings.HasPrefix(rest, "##"):
		i := strings.IndexAny(rest, "\r\n")
		switch {
		case i < 0:
			p.pos = len(p.src)
		case strings.HasPrefix(rest[i:], "\r\n"):
			p.pos = start + i + 2
		default:
			p.pos = start + i + 1
		}
		*nodes = text.flush(*nodes)
		return nil, "", true, nil
	case strings.HasPrefix(rest, "#*"):
		i := strings.Index(rest[2:], "*#")
		if i < 0 {
			return nil, "", false, p.errAt(start, "unterminated comment: #* without *#")
		}
		p.pos = start + 2 + i + 2
		*nodes = text.flush(*nodes)
		return nil, "", true, nil
	case strings.HasPrefix(rest, "#[["):
		i := strings.Index(rest[3:], "]]#")
		if i < 0 {
			return nil, "", false, p.errAt(start, "unterminated unparsed block: #[[ without ]]#")
		}
		text.b = append(text.b, rest[3:3+i]...)
		p.pos = start + 3 + i + 3
		return nil, "", true, nil
	case strings.HasPrefix(rest, "#@"):
		return p.parseBlockMacroCall(start)
	}
	name, after, ok := p.directiveName(start)
	if !ok {
		return nil, "", false, nil
	}
	switch name {
	case "end", "else":
		p.pos = after
		p.termOff = start
		p.gobbleNewline()
		return nil, name, true, nil
	case "elseif":
		p.pos = after
		p.termOff = start
		return nil, name, true, nil
	case "set":
		// Whitespace that starts the current text token belongs to #set.
		if allBlank(text.b[text.tok:]) {
			text.b = text.b[:text.tok]
		}
		p.pos = after
		n, err := p.parseSet(start)
		return n, "", true, err
	case "if":
		p.pos = after
		n, err := p.parseIf(start)
		return n, "", true, err
	case "foreach":
		p.pos = after
		n, err := p.parseForeach(start)
		return n, "", true, err
	case "macro":
		p.pos = after
		err := p.parseMacroDef(start)
		return nil, "", true, err
	case "define":
		p.pos = after
		n, err := p.parseDefine(start)
		return n, "", true, err
	case "evaluate":
		p.pos = after
		args, err := p.parseDirectiveArgs(start, name)
		if err != nil {
			return nil, "", true, err
		}
		if len(args) != 1 {
			return nil, "", true, p.errAt(start, "#evaluate takes exactly one argument")
		}
		p.mutates, p.dynamic = true, true
		return &evaluateNode{arg: args[0], off: start}, "", true, nil
	case "include", "parse":
		p.pos = after
		args, err := p.parseDirectiveArgs(start, name)
		if err != nil {
			return nil, "", true, err
		}
		return &resourceNode{directive: name, args: args, off: start}, "", true, nil
	case "break":
		p.pos = after
		n := &breakNode{}
		if p.peekParen() {
			args, err := p.parseDirectiveArgs(start, name)
			if err != nil {
				return nil, "", true, err
			}
			if len(args) > 1 {
				return nil, "", true, p.errAt(start, "#break takes at most one argument")
			}
			if len(args) == 1 {
				n.scope = args[0]
			}
		} else {
			p.gobbleNewline()
		}
		return n, "", true, nil
	case "stop":
		p.pos = after
		p.gobbleNewline()
		return &stopNode{}, "", true, nil
	}
	return p.parseMacroCall(start, name, after)
}

// peekParen reports whether '(' follows, possibly after spaces and tabs.
func (p *parser) peekParen() bool {
	i := p.pos
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	return i < len(p.src) && p.src[i] == '('
}

// expectOpen consumes optional spaces and the '(' that opens a
// directive's arguments.
func (p *parser) expectOpen(start int, directive string) error {
	if !p.peekParen() {
		return p.errAt(start, "#%s must be followed by '('", directive)
	}
	for p.src[p.pos] != '(' {
		p.pos++
	}
	p.pos++
	return nil
}

// expectClose consumes optional whitespace, the ')' that closes a
// directive, and a trailing newline.
func (p *parser) expectClose(start int, directive string) error {
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != ')' {
		return p.errAt(p.pos, "expected ')' to close #%s started at %s", directive, p.lineCol(start))
	}
	p.pos++
	p.gobbleNewline()
	return nil
}

func (p *parser) lineCol(off int) string {
	l, c := position(p.src, off)
	return fmt.Sprintf("line %d, column %d", l, c)
}

// skipSpace skips whitespace inside a directive, newlines included.
func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) parseSet(start int) (node, error) {
	if err := p.expectOpen(start, "set"); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '$' {
		return nil, p.errAt(p.pos, "#set must assign to a reference such as $name")
	}
	ref, ok, err := p.parseRef(p.pos)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, p.errAt(p.pos, "#set must assign to a reference such as $name")
	}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '=' {
		return nil, p.errAt(p.pos, "expected '=' in #set")
	}
	p.pos++
	rhs, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if err := p.expectClose(start, "set"); err != nil {
		return nil, err
	}
	if len(ref.parts) > 0 {
		p.mutates = true
	}
	return &setNode{target: ref, rhs: rhs, off: start}, nil
}

func (p *parser) parseCond(start int, directive string) (expr, error) {
	if err := p.expectOpen(start, directive); err != nil {
		return nil, err
	}
	e, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	return e, p.expectClose(start, directive)
}

func (p *parser) parseIf(start int) (node, error) {
	n := &ifNode{}
	cond, err := p.parseCond(start, "if")
	if err != nil {
		return nil, err
	}
	for {
		body, term, err := p.parseBlock()
		if err != nil {
			return nil, err
		}
		n.conds = append(n.conds, cond)
		n.bodies = append(n.bodies, body)
		switch term {
		case "end":
			return n, nil
		case "else":
			body, term, err := p.parseBlock()
			if err != nil {
				return nil, err
			}
			if term != "end" {
				return nil, p.unclosed(start, "if", term)
			}
			n.orElse = body
			return n, nil
		case "elseif":
			if cond, err = p.parseCond(p.termOff, "elseif"); err != nil {
				return nil, err
			}
		default:
			return nil, p.unclosed(start, "if", term)
		}
	}
}

func (p *parser) unclosed(start int, directive, term string) error {
	if term == "" {
		return p.errAt(len(p.src), "#%s started at %s has no #end", directive, p.lineCol(start))
	}
	return p.errAt(p.termOff, "unexpected #%s inside #%s started at %s", term, directive, p.lineCol(start))
}

// parseBody parses a block that must end with #end.
func (p *parser) parseBody(start int, directive string) ([]node, error) {
	body, term, err := p.parseBlock()
	if err != nil {
		return nil, err
	}
	if term != "end" {
		return nil, p.unclosed(start, directive, term)
	}
	return body, nil
}

func (p *parser) parseForeach(start int) (node, error) {
	if err := p.expectOpen(start, "foreach"); err != nil {
		return nil, err
	}
	p.skipSpace()
	v, ok, err := p.parseRef(p.pos)
	if err != nil {
		return nil, err
	}
	if !ok || len(v.parts) > 0 {
		return nil, p.errAt(p.pos, "#foreach expects a loop variable such as $item")
	}
	p.skipSpace()
	if !strings.HasPrefix(p.src[p.pos:], "in") || (p.pos+2 < len(p.src) && isIdentChar(p.src[p.pos+2])) {
		return nil, p.errAt(p.pos, "expected 'in' in #foreach")
	}
	p.pos += 2
	p.skipSpace()
	iter, err := p.parseParam()
	if err != nil {
		return nil, err
	}
	if err := p.expectClose(start, "foreach"); err != nil {
		return nil, err
	}
	body, err := p.parseBody(start, "foreach")
	if err != nil {
		return nil, err
	}
	return &foreachNode{varName: v.root, iter: iter, body: body, off: start}, nil
}

func (p *parser) parseMacroDef(start int) error {
	if err := p.expectOpen(start, "macro"); err != nil {
		return err
	}
	p.skipSpace()
	i := p.pos
	for i < len(p.src) && isIdentChar(p.src[i]) {
		i++
	}
	if i == p.pos || !isIdentStart(p.src[p.pos]) {
		return p.errAt(p.pos, "#macro needs a name")
	}
	def := &macroDef{name: p.src[p.pos:i]}
	p.pos = i
	for {
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
		}
		if p.pos >= len(p.src) || p.src[p.pos] != '$' {
			break
		}
		ref, ok, err := p.parseRef(p.pos)
		if err != nil {
			return err
		}
		if !ok || len(ref.parts) > 0 {
			return p.errAt(p.pos, "#macro parameters must be plain references such as $arg")
		}
		def.params = append(def.params, ref.root)
	}
	if err := p.expectClose(start, "macro"); err != nil {
		return err
	}
	body, err := p.parseBody(start, "macro")
	if err != nil {
		return err
	}
	def.body = body
	if _, dup := p.macros[def.name]; !dup {
		p.macros[def.name] = def
	}
	return nil
}

func (p *parser) parseDefine(start int) (node, error) {
	if err := p.expectOpen(start, "define"); err != nil {
		return nil, err
	}
	p.skipSpace()
	ref, ok, err := p.parseRef(p.pos)
	if err != nil {
		return nil, err
	}
	if !ok || len(ref.parts) > 0 {
		return nil, p.errAt(p.pos, "#define expects a reference such as $block")
	}
	if err := p.expectClose(start, "define"); err != nil {
		return nil, err
	}
	body, err := p.parseBody(start, "define")
	if err != nil {
		return nil, err
	}
	return &defineNode{name: ref.root, body: body}, nil
}

// parseDirectiveArgs parses "( arg arg, arg )" for #evaluate, #include,
// #parse, #break and macro calls.
func (p *parser) parseDirectiveArgs(start int, directive string) ([]expr, error) {
	if err := p.expectOpen(start, directive); err != nil {
		return nil, err
	}
	var args []expr
	for {
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ')' {
			break
		}
		if len(args) > 0 && p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
		}
		a, err := p.parseDirectiveArg()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
	}
	return args, p.expectClose(start, directive)
}

// parseDirectiveArg parses a macro argument: a parameter or a bare word.
func (p *parser) parseDirectiveArg() (expr, error) {
	if p.pos < len(p.src) && isIdentStart(p.src[p.pos]) && !p.atKeyword("true") && !p.atKeyword("false") {
		i := p.pos
		for i < len(p.src) && isIdentChar(p.src[i]) {
			i++
		}
		w := p.src[p.pos:i]
		p.pos = i
		return &stringLit{v: w}, nil
	}
	return p.parseParam()
}

// parseMacroCall parses #name(args) or #name. The call prints its source
// text when no macro of that name exists at render time.
func (p *parser) parseMacroCall(start int, name string, after int) (node, string, bool, error) {
	p.pos = after
	n := &macroCallNode{name: name, off: start}
	if p.peekParen() {
		save := p.pos
		args, err := p.parseDirectiveArgs(start, name)
		if err != nil {
			if _, defined := p.macros[name]; defined {
				return nil, "", true, err
			}
			// Not a macro we know: the text stays text.
			p.pos = save
			n.src = p.src[start:after]
			return n, "", true, nil
		}
		n.args = args
	}
	n.src = p.src[start:p.pos]
	return n, "", true, nil
}

// parseBlockMacroCall parses #@name(args) body #end.
func (p *parser) parseBlockMacroCall(start int) (node, string, bool, error) {
	name, after, ok := p.directiveName(start + 1)
	if !ok {
		return nil, "", false, nil
	}
	p.pos = after
	n := &macroCallNode{name: name, off: start}
	if p.peekParen() {
		args, err := p.parseDirectiveArgs(start, "@"+name)
		if err != nil {
			return nil, "", true, err
		}
		n.args = args
	}
	body, err := p.parseBody(start, "@"+name)
	if err != nil {
		return nil, "", true, err
	}
	n.body = body
	n.src = p.src[start:p.pos]
	return n, "", true, nil
}

func isAlpha(c byte) bool      { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return isAlpha(c) || c == '_' }
func isIdentChar(c byte) bool  { return isAlpha(c) || isDigit(c) || c == '_' || c == '-' }
