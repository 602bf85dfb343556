package cloudformation

import (
	"errors"
	"os"
	"path/filepath"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// bodyAPI reads an evaluated OpenAPI document (RestApi Body, SAM
// DefinitionBody). Its problems are reported at the template's lines and
// paths.
func (t *template) bodyAPI(b val) *model.RestApi {
	data, err := yaml.Marshal(b.n)
	if err != nil {
		t.fail(b, "cannot read the OpenAPI body: %v", err)
		return nil
	}
	var again yaml.Node
	lines := map[int]int{}
	if yaml.Unmarshal(data, &again) == nil && len(again.Content) > 0 {
		mapLines(again.Content[0], b.n, lines)
	}
	at := func(l model.Loc) model.Loc {
		line, ok := lines[l.Line]
		if !ok {
			line = b.line()
		}
		return model.Loc{File: t.file, Line: line, Path: joinPath(b.path, l.Path)}
	}
	if t.opts.ParseOpenAPI == nil {
		t.fail(b, "OpenAPI bodies cannot be read here (no OpenAPI reader given)")
		return nil
	}
	api, warnings, err := t.opts.ParseOpenAPI(t.file, data)
	for _, w := range warnings {
		t.warns = append(t.warns, model.Warning{Loc: at(w.Loc), Message: w.Message})
	}
	var es model.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			t.errs = append(t.errs, &model.Error{Loc: at(e.Loc), Message: e.Message})
		}
		return nil
	}
	if err != nil {
		t.fail(b, "%v", err)
		return nil
	}
	return api
}

// mapLines records, for each line of the re-encoded document, the
// template line of the same node.
func mapLines(enc, orig *yaml.Node, lines map[int]int) {
	if enc == nil || orig == nil {
		return
	}
	if _, ok := lines[enc.Line]; !ok && orig.Line > 0 {
		lines[enc.Line] = orig.Line
	}
	if len(enc.Content) != len(orig.Content) {
		return
	}
	for i := range enc.Content {
		mapLines(enc.Content[i], orig.Content[i], lines)
	}
}

// bodyFile reads the OpenAPI document of BodyS3Location (or SAM's
// DefinitionUri) from a local path: the object's Key (or the string),
// relative to the template.
func (t *template) bodyFile(l val) *model.RestApi {
	path := ""
	switch {
	case isScalar(l.n):
		path = l.n.Value
	case member(l.n, "Key") != nil:
		path = member(l.n, "Key").Value
	}
	if path == "" {
		t.fail(l, "expected a local file: a path, or an object whose Key is a path relative to the template")
		return nil
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(t.dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.fail(l, "the OpenAPI document is read from a local file: %v", err)
		return nil
	}
	inc := *t
	inc.file, inc.errs, inc.warns = path, nil, nil
	root := inc.parse(data, "")
	var api *model.RestApi
	if root != nil {
		if e := inc.eval(val{n: root}); e != nil {
			api = inc.bodyAPI(val{n: e})
		}
	}
	t.errs = append(t.errs, inc.errs...)
	t.warns = append(t.warns, inc.warns...)
	return api
}
