package cloudformation

import (
	"strconv"
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// obj is an evaluated object of properties being read into the model.
type obj struct {
	t *template
	v val
}

// props evaluates the properties of r; ok is false when they have errors.
func (t *template) props(r *resource) (obj, bool) {
	if r.props.n == nil {
		return obj{t: t, v: val{n: &yaml.Node{Kind: yaml.MappingNode, Line: r.v.line()}, path: r.props.path}}, true
	}
	e := t.eval(r.props)
	if e == nil {
		return obj{}, false
	}
	if e.Kind != yaml.MappingNode {
		t.fail(r.props, "Properties: expected an object, found %s", kind(e))
		return obj{}, false
	}
	return obj{t: t, v: val{n: e, path: r.props.path}}, true
}

func (o obj) get(key string) (val, bool) {
	n := member(o.v.n, key)
	if n == nil || n.Tag == "!!null" {
		return val{}, false
	}
	return o.v.child(key, n), true
}

func (o obj) has(key string) bool { _, ok := o.get(key); return ok }

func (o obj) loc(v val) model.Loc { return model.Loc{File: o.t.file, Line: v.line(), Path: v.path} }

// field records where key is as member name of src.
func (o obj) field(src *model.Source, key, name string) {
	if v, ok := o.get(key); ok {
		src.SetField(name, o.loc(v))
	}
}

// source starts the Source of the object.
func (o obj) source() model.Source { return model.Source{Loc: o.loc(o.v)} }

func (o obj) str(key string) string {
	v, ok := o.get(key)
	if !ok {
		return ""
	}
	if !isScalar(v.n) {
		o.t.fail(v, "expected a string, found %s", kind(v.n))
		return ""
	}
	return v.n.Value
}

func (o obj) boolean(key string) bool {
	v, ok := o.get(key)
	if !ok {
		return false
	}
	switch strings.ToLower(v.n.Value) {
	case "true":
		return true
	case "false":
		return false
	}
	o.t.fail(v, "expected a boolean, found %s", kind(v.n))
	return false
}

func (o obj) integer(key string) int {
	v, ok := o.get(key)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(v.n.Value)
	if err != nil || !isScalar(v.n) {
		o.t.fail(v, "expected an integer, found %s", kind(v.n))
	}
	return n
}

func (o obj) strs(key string) []string {
	v, ok := o.get(key)
	if !ok {
		return nil
	}
	if v.n.Kind != yaml.SequenceNode {
		o.t.fail(v, "expected a list of strings, found %s", kind(v.n))
		return nil
	}
	out := []string{}
	for i, c := range v.n.Content {
		if !isScalar(c) {
			o.t.fail(v.item(i, c), "expected a string, found %s", kind(c))
			continue
		}
		out = append(out, c.Value)
	}
	return out
}

// sub returns the object under key, and whether it is there.
func (o obj) sub(key string) (obj, bool) {
	v, ok := o.get(key)
	if !ok {
		return obj{}, false
	}
	if v.n.Kind != yaml.MappingNode {
		o.t.fail(v, "expected an object, found %s", kind(v.n))
		return obj{}, false
	}
	return obj{t: o.t, v: v}, true
}

// list returns the objects of the list under key.
func (o obj) list(key string) []obj {
	v, ok := o.get(key)
	if !ok {
		return nil
	}
	if v.n.Kind != yaml.SequenceNode {
		o.t.fail(v, "expected a list, found %s", kind(v.n))
		return nil
	}
	var out []obj
	for i, c := range v.n.Content {
		if c.Kind != yaml.MappingNode {
			o.t.fail(v.item(i, c), "expected an object, found %s", kind(c))
			continue
		}
		out = append(out, obj{t: o.t, v: v.item(i, c)})
	}
	return out
}

// strMap reads an object of strings in order, recording each entry as
// field name.key of src. Absent reads as nil.
func (o obj) strMap(key string, src *model.Source, name string) model.StringMap {
	m, ok := o.sub(key)
	if !ok {
		return nil
	}
	out := model.StringMap{}
	for _, p := range pairs(m.v.n) {
		e := m.v.child(p[0].Value, p[1])
		switch {
		case p[1].Tag == "!!null":
			out.Set(p[0].Value, "")
		case isScalar(p[1]):
			out.Set(p[0].Value, p[1].Value)
		default:
			o.t.fail(e, "expected a string, found %s", kind(p[1]))
			continue
		}
		src.SetField(name+"."+p[0].Value, o.loc(e))
	}
	return out
}

// boolMap reads an object of booleans (request or response parameters:
// whether each is required).
func (o obj) boolMap(key string, src *model.Source, name string) map[string]bool {
	m, ok := o.sub(key)
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for _, p := range pairs(m.v.n) {
		out[p[0].Value] = m.boolean(p[0].Value)
		src.SetField(name+"."+p[0].Value, o.loc(m.v.child(p[0].Value, p[1])))
	}
	return out
}
