package vtl

// frame holds the variables of one macro call. Velocity 1.7 macros have
// no local scope: #set inside a macro writes the frame and every frame
// below it down to the template's variables; arguments are passed by
// name and evaluated in the caller's frame each time they are read.
type frame struct {
	parent *frame
	locals map[string]any
	args   map[string]macroArg
}

// macroArg is an argument bound by name.
type macroArg struct {
	e      expr
	caller *frame
	block  *Block // $bodyContent
}

// binding is a template variable #set (or removed: gone) during the
// render. The variables a render was given are read, never written:
// bindings shadow them.
type binding struct {
	name string
	v    any
	gone bool
}

// maxLinearBindings is how many bindings are searched one by one; more
// are indexed.
const maxLinearBindings = 16

// lookup returns the value of a variable and whether it exists.
func (r *renderer) lookup(name string) (any, bool, error) {
	for f := r.frame; f != nil; f = f.parent {
		if v, ok := f.locals[name]; ok {
			return v, true, nil
		}
		if a, ok := f.args[name]; ok {
			if a.block != nil {
				return a.block, true, nil
			}
			saved := r.frame
			r.frame = a.caller
			v, err := a.e.value(r)
			r.frame = saved
			return v, true, err
		}
	}
	if i, ok := r.binding(name); ok {
		b := &r.sets[i]
		return b.v, !b.gone, nil
	}
	v, ok := r.vars[name]
	return v, ok, nil
}

// binding returns the index of name's binding.
func (r *renderer) binding(name string) (int, bool) {
	if r.bindingIndex != nil {
		i, ok := r.bindingIndex[name]
		return i, ok
	}
	for i := range r.sets {
		if r.sets[i].name == name {
			return i, true
		}
	}
	return 0, false
}

// bind sets (or, gone, removes) the template's variable name.
func (r *renderer) bind(name string, v any, gone bool) {
	if i, ok := r.binding(name); ok {
		r.sets[i] = binding{name: name, v: v, gone: gone}
		return
	}
	r.sets = append(r.sets, binding{name: name, v: v, gone: gone})
	switch {
	case r.bindingIndex != nil:
		r.bindingIndex[name] = len(r.sets) - 1
	case len(r.sets) > maxLinearBindings:
		r.bindingIndex = make(map[string]int, 2*len(r.sets))
		for i, b := range r.sets {
			r.bindingIndex[b.name] = i
		}
	}
}

// assign sets a variable in every frame and in the template's variables.
func (r *renderer) assign(name string, v any) {
	for f := r.frame; f != nil; f = f.parent {
		if f.locals == nil {
			f.locals = make(map[string]any, 4)
		}
		f.locals[name] = v
	}
	r.bind(name, v, false)
}

// unset removes a variable everywhere.
func (r *renderer) unset(name string) {
	for f := r.frame; f != nil; f = f.parent {
		delete(f.locals, name)
	}
	r.bind(name, nil, true)
}
