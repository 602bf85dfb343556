package vtl

import (
	"errors"
	"fmt"

	"archway/internal/jsonvalue"
)

// Limits bound one render. API Gateway stops every #foreach after 1,000
// iterations; the other limits keep a hostile template from exhausting
// memory or stack.
const (
	// MaxLoop is the number of iterations after which a #foreach stops.
	MaxLoop = 1000
	// MaxOutput is the largest output a render may produce (10 MB, API
	// Gateway's payload limit).
	MaxOutput = 10 << 20
	// MaxCallDepth bounds nested macro calls and #evaluate (Velocity's
	// velocimacro.max.depth is 20).
	MaxCallDepth = 20
	// MaxRange is the largest [a..b] range a template may build.
	MaxRange = 1 << 20
)

// renderer is the state of one render.
type renderer struct {
	t    *Template
	out  []byte
	vars map[string]any // the variables the render was given, read only
	sets []binding      // the variables the template set
	// bindingIndex indexes sets when there are more than maxLinearBindings.
	bindingIndex map[string]int
	frame        *frame
	loop         *foreachScope
	depth        int
	macros       map[string]*macroDef // macros defined by #evaluate
	args         []any                // stack of method arguments being passed
}

// stopSignal ends the render (#stop, or a #break outside any loop).
var errStop = errors.New("vtl: #stop")

// breakSignal leaves a #foreach: the innermost when target is nil.
type breakSignal struct{ target *foreachScope }

func (b *breakSignal) Error() string { return "vtl: #break outside #foreach" }

// Render renders the template with the given top-level variables and
// appends the output to dst. Assignments made by #set are written into
// vars. A failed render returns the partial output and an *Error.
func (t *Template) Render(dst []byte, vars map[string]any) ([]byte, error) {
	var s Scratch
	s.keepSets = true
	out, err := t.RenderWith(&s, dst, vars)
	if vars != nil {
		for _, b := range s.r.sets {
			if b.gone {
				delete(vars, b.name)
			} else {
				vars[b.name] = b.v
			}
		}
	}
	return out, err
}

// Scratch is memory that successive renders reuse. The zero value is
// ready to use; one Scratch serves one render at a time.
type Scratch struct {
	r renderer
	// keepSets keeps the template's variables after the render, for
	// Render to copy them into its vars.
	keepSets bool
}

// RenderWith is Render reusing s's memory, with one difference: vars are
// only read. The variables the template sets live in s for the render.
func (t *Template) RenderWith(s *Scratch, dst []byte, vars map[string]any) ([]byte, error) {
	if dst == nil {
		dst = make([]byte, 0, t.outSize.Load())
	}
	r := &s.r
	*r = renderer{t: t, out: dst, vars: vars, args: r.args[:0], sets: r.sets[:0]}
	err := r.renderNodes(t.root)
	if _, isBreak := err.(*breakSignal); isBreak || err == errStop {
		err = nil
	}
	out := r.out
	if n := len(out) - len(dst); n <= MaxOutput && int32(n) != t.outSize.Load() {
		t.outSize.Store(int32(n))
	}
	sets := r.sets
	if !s.keepSets {
		clear(sets) // drop references to the render's values
		sets = sets[:0]
	}
	*r = renderer{args: r.args[:0], sets: sets}
	return out, err
}

func (r *renderer) renderNodes(nodes []node) error {
	for _, n := range nodes {
		if err := n.render(r); err != nil {
			return err
		}
	}
	return nil
}

// errAt builds an *Error at a source offset of the template being
// rendered.
func (r *renderer) errAt(kind ErrorKind, off int, cause error, format string, args ...any) error {
	line, col := position(r.t.src, off)
	return &Error{Kind: kind, Name: r.t.name, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Err: cause}
}

// write appends s, enforcing MaxOutput.
func (r *renderer) write(s string) error {
	if len(r.out)+len(s) > MaxOutput {
		return r.errAt(RuntimeError, 0, nil, "output exceeds %d bytes", MaxOutput)
	}
	r.out = append(r.out, s...)
	return nil
}

// print renders a value as Velocity prints a reference.
func (r *renderer) print(v any) error {
	switch x := v.(type) {
	case string:
		return r.write(x)
	case *Block:
		return r.renderBlock(x)
	case nil:
		return nil
	}
	r.out = r.appendJava(r.out, v)
	if len(r.out) > MaxOutput {
		return r.errAt(RuntimeError, 0, nil, "output exceeds %d bytes", MaxOutput)
	}
	return nil
}

// renderBlock renders a #define block or $bodyContent in its frame.
func (r *renderer) renderBlock(b *Block) error {
	if r.depth >= MaxCallDepth {
		return r.errAt(RuntimeError, 0, nil, "blocks nested more than %d deep", MaxCallDepth)
	}
	saved := r.frame
	r.frame = b.frame
	r.depth++
	err := r.renderNodes(b.nodes)
	r.depth--
	r.frame = saved
	return err
}

// appendJava appends Java's String.valueOf(v).
func (r *renderer) appendJava(dst []byte, v any) []byte {
	if b, ok := v.(*Block); ok {
		saved := r.out
		r.out = nil
		if err := r.renderBlock(b); err == nil {
			dst = append(dst, r.out...)
		}
		r.out = saved
		return dst
	}
	return jsonvalue.AppendString(dst, v)
}

// javaString returns Java's String.valueOf(v).
func (r *renderer) javaString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return string(r.appendJava(nil, v))
}

func (n *textNode) render(r *renderer) error { return r.write(n.s) }

func (n *refNode) render(r *renderer) error {
	v, err := n.ref.value(r)
	if err != nil {
		return err
	}
	return r.print(v)
}

func (n *setNode) render(r *renderer) error {
	v, err := n.rhs.value(r)
	if err != nil || v == nil {
		// Velocity 1.7 leaves the target alone when the value is null.
		return err
	}
	t := n.target
	if len(t.parts) == 0 {
		r.assign(t.root, v)
		return nil
	}
	obj, err := t.valueOf(r, len(t.parts)-1)
	if err != nil {
		return err
	}
	last := t.parts[len(t.parts)-1]
	switch last.kind {
	case partProperty:
		return r.setProperty(obj, last.name, v)
	case partIndex:
		idx, err := last.args[0].value(r)
		if err != nil {
			return err
		}
		return r.setIndex(obj, idx, v, last.off)
	}
	return r.errAt(RuntimeError, n.off, nil, "#set cannot assign to a method call")
}

func (n *ifNode) render(r *renderer) error {
	for i, c := range n.conds {
		ok, err := r.truth(c)
		if err != nil {
			return err
		}
		if ok {
			return r.renderNodes(n.bodies[i])
		}
	}
	return r.renderNodes(n.orElse)
}

func (n *defineNode) render(r *renderer) error {
	r.assign(n.name, &Block{nodes: n.body, frame: r.frame})
	return nil
}

func (n *stopNode) render(*renderer) error { return errStop }

func (n *breakNode) render(r *renderer) error {
	if n.scope == nil {
		return &breakSignal{}
	}
	v, err := n.scope.value(r)
	if err != nil {
		return err
	}
	s, _ := v.(*foreachScope)
	return &breakSignal{target: s}
}

func (n *resourceNode) render(r *renderer) error {
	return r.errAt(RuntimeError, n.off, nil, "#%s is not available: API Gateway mapping templates cannot load other resources", n.directive)
}

func (n *evaluateNode) render(r *renderer) error {
	v, err := n.arg.value(r)
	if err != nil || v == nil {
		return err
	}
	src := r.javaString(v)
	if src == "" {
		return nil
	}
	if r.depth >= MaxCallDepth {
		return r.errAt(RuntimeError, n.off, nil, "#evaluate nested more than %d deep", MaxCallDepth)
	}
	p := &parser{src: src, name: r.t.name + " (#evaluate)", macros: map[string]*macroDef{}}
	nodes, term, err := p.parseBlock()
	if err == nil && term != "" {
		err = p.errAt(p.termOff, "#%s without a matching block", term)
	}
	if err != nil {
		return r.errAt(ParseError, n.off, err, "#evaluate: %v", err)
	}
	if len(p.macros) > 0 {
		if r.macros == nil {
			r.macros = map[string]*macroDef{}
		}
		for k, m := range p.macros {
			r.macros[k] = m
		}
	}
	saved := r.t
	r.t = &Template{name: p.name, src: src, macros: saved.macros}
	r.depth++
	err = r.renderNodes(nodes)
	r.depth--
	r.t = saved
	return err
}

func (r *renderer) findMacro(name string) *macroDef {
	if m, ok := r.t.macros[name]; ok {
		return m
	}
	return r.macros[name]
}

func (n *macroCallNode) render(r *renderer) error {
	def := r.findMacro(n.name)
	if def == nil {
		return r.write(n.src)
	}
	if r.depth >= MaxCallDepth {
		return r.errAt(RuntimeError, n.off, nil, "macro #%s: calls nested more than %d deep", n.name, MaxCallDepth)
	}
	f := &frame{parent: r.frame, args: make(map[string]macroArg, len(def.params)+1)}
	for i, p := range def.params {
		if i >= len(n.args) {
			break
		}
		a := n.args[i]
		if _, isRef := a.(*refExpr); !isRef {
			// Literals are evaluated once, as Velocity does for constants.
			v, err := a.value(r)
			if err != nil {
				return err
			}
			if f.locals == nil {
				f.locals = map[string]any{}
			}
			f.locals[p] = v
			continue
		}
		f.args[p] = macroArg{e: a, caller: r.frame}
	}
	if n.body != nil {
		f.args["bodyContent"] = macroArg{block: &Block{nodes: n.body, frame: r.frame}}
	}
	r.frame = f
	r.depth++
	err := r.renderNodes(def.body)
	r.depth--
	r.frame = f.parent
	return err
}
