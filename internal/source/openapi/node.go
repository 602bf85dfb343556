package openapi

import (
	"fmt"
	"strconv"
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// value is a node of the document with the path and line that name it.
type value struct {
	n    *yaml.Node // never an alias: aliases are followed
	path string     // JSON/YAML path, "paths./pets.get"
	line int        // line of the key that introduced the value, or of the value
}

// member is one key/value pair of an object.
type member struct {
	key string
	value
}

// maxDepth bounds alias and merge-key recursion, which a hostile document
// can make circular.
const maxDepth = 64

// reader reads one document, collecting errors and warnings.
type reader struct {
	file  string
	root  value
	errs  model.Errors
	warns []model.Warning
	depth int

	v3               bool                      // OpenAPI 3.x, else Swagger 2.0
	schemes          map[string]securityScheme // security schemes by name
	security         *value                    // the document's default security requirements
	defaultValidator *member                   // x-amazon-apigateway-request-validator of the document
	consumes         []string                  // Swagger 2.0 default request media types
	produces         []string                  // Swagger 2.0 default response media types
}

func (r *reader) loc(v value) model.Loc {
	return model.Loc{File: r.file, Line: v.line, Path: v.path}
}

func (r *reader) fail(v value, format string, args ...any) {
	r.errs = append(r.errs, &model.Error{Loc: r.loc(v), Message: fmt.Sprintf(format, args...)})
}

func (r *reader) warn(v value, format string, args ...any) {
	r.warns = append(r.warns, model.Warning{Loc: r.loc(v), Message: fmt.Sprintf(format, args...)})
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxDepth; i++ {
		n = n.Alias
	}
	return n
}

func child(parent value, key string, n *yaml.Node, line int) value {
	return value{n: resolve(n), path: model.JoinPath(parent.path, key), line: line}
}

// kind describes a node for error messages.
func kind(n *yaml.Node) string {
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "an object"
	case n.Kind == yaml.SequenceNode:
		return "an array"
	case n.Kind == yaml.AliasNode:
		return "a circular alias"
	case n.Tag == "!!null":
		return "null"
	case n.Tag == "!!bool":
		return "a boolean"
	case n.Tag == "!!int" || n.Tag == "!!float":
		return "a number"
	}
	return strconv.Quote(n.Value)
}

func isNull(v value) bool {
	return v.n == nil || (v.n.Kind == yaml.ScalarNode && v.n.Tag == "!!null")
}

// members returns the members of an object in document order. A duplicate
// key keeps its first position and takes its last value, as AWS's JSON
// parser does; merge keys (<<) add the members of the merged objects that
// the object does not set itself.
func (r *reader) members(v value) ([]member, bool) {
	if v.n == nil || v.n.Kind != yaml.MappingNode {
		r.fail(v, "expected an object, found %s", kind(v.n))
		return nil, false
	}
	if r.depth >= maxDepth {
		r.fail(v, "aliases nested too deeply")
		return nil, false
	}
	r.depth++
	defer func() { r.depth-- }()
	var out []member
	index := map[string]int{}
	var merges []value
	for i := 0; i+1 < len(v.n.Content); i += 2 {
		k, val := resolve(v.n.Content[i]), v.n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.fail(value{n: k, path: v.path, line: k.Line}, "expected a string key, found %s", kind(k))
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, value{n: resolve(val), path: v.path, line: k.Line})
			continue
		}
		m := member{key: k.Value, value: child(v, k.Value, val, k.Line)}
		if j, ok := index[m.key]; ok {
			r.warn(m.value, "duplicate key %q (first on line %d): the last value is used", m.key, out[j].line)
			out[j].value = m.value
			continue
		}
		index[m.key] = len(out)
		out = append(out, m)
	}
	for _, mv := range merges {
		sources := []value{mv}
		if mv.n != nil && mv.n.Kind == yaml.SequenceNode {
			sources = sources[:0]
			for _, n := range mv.n.Content {
				sources = append(sources, value{n: resolve(n), path: mv.path, line: mv.line})
			}
		}
		for _, src := range sources {
			merged, ok := r.members(src)
			if !ok {
				continue
			}
			for _, m := range merged {
				if _, ok := index[m.key]; !ok {
					index[m.key] = len(out)
					m.path = model.JoinPath(v.path, m.key)
					out = append(out, m)
				}
			}
		}
	}
	return out, true
}

// items returns the elements of an array.
func (r *reader) items(v value) ([]value, bool) {
	if v.n == nil || v.n.Kind != yaml.SequenceNode {
		r.fail(v, "expected an array, found %s", kind(v.n))
		return nil, false
	}
	out := make([]value, len(v.n.Content))
	for i, n := range v.n.Content {
		n = resolve(n)
		out[i] = value{n: n, path: fmt.Sprintf("%s[%d]", v.path, i), line: n.Line}
	}
	return out, true
}

// str returns a scalar as a string. Numbers and booleans are taken as
// written (statusCode: 200), as AWS's JSON parser coerces them.
func (r *reader) str(v value) (string, bool) {
	if v.n == nil || v.n.Kind != yaml.ScalarNode || v.n.Tag == "!!null" {
		r.fail(v, "expected a string, found %s", kind(v.n))
		return "", false
	}
	return v.n.Value, true
}

// text returns a string that may be null (null reads as "", which is how
// AWS stores an empty template).
func (r *reader) text(v value) (string, bool) {
	if isNull(v) {
		return "", true
	}
	return r.str(v)
}

// boolean returns a boolean; the strings "true" and "false" are accepted.
func (r *reader) boolean(v value) (bool, bool) {
	if v.n != nil && v.n.Kind == yaml.ScalarNode {
		switch strings.ToLower(v.n.Value) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	r.fail(v, "expected a boolean, found %s", kind(v.n))
	return false, false
}

// integer returns an integer; a string of digits is accepted.
func (r *reader) integer(v value) (int, bool) {
	if v.n != nil && v.n.Kind == yaml.ScalarNode && v.n.Tag != "!!null" {
		if n, err := strconv.ParseInt(v.n.Value, 10, 32); err == nil {
			return int(n), true
		}
	}
	r.fail(v, "expected an integer, found %s", kind(v.n))
	return 0, false
}

// strs returns an array of strings.
func (r *reader) strs(v value) ([]string, bool) {
	items, ok := r.items(v)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := r.str(it); ok {
			out = append(out, s)
		}
	}
	return out, true
}

// stringMap reads an object of strings (null values read as "") in order,
// recording where each entry is as field "name.key" of src. A null object
// reads as an empty map.
func (r *reader) stringMap(v value, src *model.Source, name string) model.StringMap {
	out := model.StringMap{}
	if isNull(v) {
		return out
	}
	ms, _ := r.members(v)
	for _, m := range ms {
		s, ok := r.text(m.value)
		if !ok {
			continue
		}
		out.Set(m.key, s)
		src.SetField(name+"."+m.key, r.loc(m.value))
	}
	return out
}

// source starts the Source of an object read from v.
func (r *reader) source(v value) model.Source {
	return model.Source{Loc: r.loc(v)}
}
