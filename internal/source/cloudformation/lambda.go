package cloudformation

import (
	"path/filepath"
	"strings"
	"time"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// functions returns the Lambda functions with local code, for the
// function registry: AWS::Lambda::Function whose Code is a local path,
// AWS::Serverless::Function whose CodeUri is (SAM Globals.Function apply).
// Functions whose code is not local, or whose runtime Archway cannot run,
// are reported as warnings.
func (t *template) functions() []*model.Function {
	var out []*model.Function
	for _, id := range t.order {
		r := t.resources[id]
		if (r.typ != typeFunction && r.typ != samFunction) || !t.included(r) {
			continue
		}
		props := r.props.n
		if r.typ == samFunction {
			t.warnEvents(r)
		}
		if r.typ == samFunction && t.globals != nil {
			props = withGlobals(props, member(t.globals, "Function"))
		}
		ev := t.eval(val{n: props, path: r.props.path})
		if ev == nil {
			continue
		}
		o := obj{t: t, v: val{n: ev, path: r.props.path}}
		if f := t.function(r, o); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// withGlobals returns props with the members of globals it does not set.
func withGlobals(props, globals *yaml.Node) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if props != nil {
		out.Line = props.Line
		out.Content = append(out.Content, props.Content...)
	}
	for _, p := range pairs(globals) {
		if member(props, p[0].Value) == nil {
			out.Content = append(out.Content, p[0], p[1])
		}
	}
	return out
}

func (t *template) function(r *resource, o obj) *model.Function {
	name, _ := t.physicalID(r)
	arn, _ := t.attribute(r.v, r.id, "Arn")
	var dir string
	codeKey := "CodeUri"
	if r.typ == typeFunction {
		codeKey = "Code"
	}
	code, ok := o.get(codeKey)
	switch {
	case ok && isScalar(code.n) && !strings.HasPrefix(code.n.Value, "s3://"):
		dir = code.n.Value
	case ok:
		t.warn(code, "function %s: only code in a local directory is run (found %s)", r.id, kind(code.n))
		return nil
	default:
		t.warn(r.props, "function %s has no local code (%s) and is not run", r.id, codeKey)
		return nil
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(t.dir, dir)
	}
	f := &model.Function{Dir: dir, Handler: o.str("Handler"), Runtime: o.str("Runtime"), MemoryMB: o.integer("MemorySize")}
	if s := o.integer("Timeout"); s > 0 {
		f.Timeout = time.Duration(s) * time.Second
	}
	if env, ok := o.sub("Environment"); ok {
		for _, e := range env.strMap("Variables", &model.Source{}, "variables") {
			f.Env = append(f.Env, e.Key+"="+e.Value)
		}
	}
	f.Name, f.ARN, f.Region, f.Loc = name, arn, t.opts.Region, model.Loc{File: t.file, Line: r.v.line(), Path: r.v.path}
	if err := f.SetCommand(); err != nil {
		t.warn(r.props, "%s", err)
		return nil
	}
	return f
}
