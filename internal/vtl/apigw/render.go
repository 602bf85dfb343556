package apigw

import (
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

// Engine renders templates with shared, concurrency-safe caches.
type Engine struct {
	paths *PathCache
}

// NewEngine returns an Engine with an empty JSONPath cache.
func NewEngine() *Engine { return &Engine{paths: NewPathCache()} }

// Render renders t for req, appending the output to dst. After the call
// req.Context holds whatever the template wrote to
// $context.requestOverride and $context.responseOverride.
func (e *Engine) Render(dst []byte, t *vtl.Template, req *Request) ([]byte, error) {
	if req.Context == nil {
		req.Context = newOpaque()
	}
	EnsureOverrides(req.Context)
	sv := req.StageVariables
	if sv == nil {
		sv = jsonvalue.NewMap(0)
	}
	vars := make(map[string]any, 16+len(req.Vars))
	vars["input"] = &input{body: req.Body, params: req.Params, paths: e.paths}
	vars["util"] = util{}
	vars["context"] = req.Context
	vars["stageVariables"] = sv
	for k, v := range req.Vars {
		vars[k] = v
	}
	return t.Render(dst, vars)
}
