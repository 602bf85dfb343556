package apigw

import (
	"sync"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
)

// Request is everything a mapping template reads.
type Request struct {
	// Body is the payload $input reads: the method request body for a
	// request template, the integration response body for a response
	// template. Empty renders as "{}".
	Body []byte
	// Params are the method request parameters of $input.params().
	Params Params
	// Context is $context. Render adds the override maps when they are
	// missing and templates may write into it.
	Context *jsonvalue.Map
	// StageVariables is $stageVariables (nil means none).
	StageVariables *jsonvalue.Map
	// Vars are extra top-level variables (tests and tools).
	Vars map[string]any
}

// Engine renders templates with shared, concurrency-safe caches. It keeps
// the memory of finished renders for the next ones.
type Engine struct {
	paths *PathCache
	pool  sync.Pool // of *renderState
}

// renderState is what one render needs besides the template.
type renderState struct {
	scratch vtl.Scratch
	vars    map[string]any
	in      input
	noVars  *jsonvalue.Map
}

// NewEngine returns an Engine with an empty JSONPath cache.
func NewEngine() *Engine {
	return &Engine{paths: NewPathCache(), pool: sync.Pool{New: func() any {
		return &renderState{vars: make(map[string]any, 16), noVars: jsonvalue.NewMap(0)}
	}}}
}

// Render renders t for req, appending the output to dst. After the call
// req.Context holds whatever the template wrote to
// $context.requestOverride and $context.responseOverride; when it is nil
// and the template names $context, Render makes an empty one.
func (e *Engine) Render(dst []byte, t *vtl.Template, req *Request) ([]byte, error) {
	if req.Context == nil && t.References("context") {
		req.Context = newOpaque()
	}
	if req.Context != nil {
		EnsureOverrides(req.Context)
	}
	st := e.pool.Get().(*renderState)
	defer e.pool.Put(st)
	sv := req.StageVariables
	if sv == nil {
		sv = st.noVars
		sv.Clear()
	}
	// The template's own variables live in the scratch: vars holds the
	// same few names render after render, overwritten, not cleared.
	st.in = input{body: req.Body, params: req.Params, paths: e.paths, private: t.MayMutate()}
	vars := st.vars
	vars["input"] = &st.in
	vars["util"] = util{}
	if req.Context != nil {
		vars["context"] = req.Context
	} else {
		delete(vars, "context")
	}
	vars["stageVariables"] = sv
	for k, v := range req.Vars {
		vars[k] = v
	}
	out, err := t.RenderWith(&st.scratch, dst, vars)
	if len(req.Vars) > 0 {
		clear(vars)
	}
	delete(vars, "context") // no reference to the request kept in the pool
	vars["stageVariables"] = nil
	st.in = input{}
	return out, err
}
