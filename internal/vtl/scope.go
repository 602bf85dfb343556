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
	v, ok := r.vars[name]
	return v, ok, nil
}

// assign sets a variable in every frame and in the template's variables.
func (r *renderer) assign(name string, v any) {
	for f := r.frame; f != nil; f = f.parent {
		if f.locals == nil {
			f.locals = make(map[string]any, 4)
		}
		f.locals[name] = v
	}
	r.vars[name] = v
}

// unset removes a variable everywhere.
func (r *renderer) unset(name string) {
	for f := r.frame; f != nil; f = f.parent {
		delete(f.locals, name)
	}
	delete(r.vars, name)
}
