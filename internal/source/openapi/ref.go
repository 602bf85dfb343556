package openapi

import (
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"
)

// refTarget returns the $ref member of an object, or "".
func refTarget(v value) (string, value, bool) {
	if v.n == nil || v.n.Kind != yaml.MappingNode {
		return "", value{}, false
	}
	for i := 0; i+1 < len(v.n.Content); i += 2 {
		if k := resolve(v.n.Content[i]); k.Value == "$ref" {
			ref := child(v, "$ref", v.n.Content[i+1], k.Line)
			if ref.n == nil || ref.n.Kind != yaml.ScalarNode {
				return "", ref, true
			}
			return ref.n.Value, ref, true
		}
	}
	return "", value{}, false
}

// deref follows $ref to a local definition (#/components/parameters/id),
// as many times as needed. A value that is not a reference is returned
// unchanged; a reference that cannot be followed is an error.
func (r *reader) deref(v value) (value, bool) {
	for range maxDepth {
		target, at, ok := refTarget(v)
		if !ok {
			return v, true
		}
		next, ok := r.lookup(target, at)
		if !ok {
			return value{}, false
		}
		v = next
	}
	r.fail(v, "$ref: references nested too deeply")
	return value{}, false
}

// lookup resolves a local JSON pointer ("#/components/schemas/Pet").
func (r *reader) lookup(target string, at value) (value, bool) {
	if !strings.HasPrefix(target, "#") {
		r.fail(at, "references to other documents are not supported: %q", target)
		return value{}, false
	}
	pointer, err := url.PathUnescape(target[1:])
	if err != nil {
		pointer = target[1:]
	}
	v := r.root
	if pointer == "" {
		return v, true
	}
	if !strings.HasPrefix(pointer, "/") {
		r.fail(at, "cannot resolve %q: not a JSON pointer", target)
		return value{}, false
	}
	path := ""
	for _, token := range strings.Split(pointer[1:], "/") {
		token = strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
		next, ok := find(v.n, token)
		if !ok {
			r.fail(at, "cannot resolve %q: %q not found", target, token)
			return value{}, false
		}
		if path == "" {
			path = token
		} else {
			path += "." + token
		}
		v = value{n: next, path: path, line: next.Line}
	}
	return v, true
}

// find returns the member named key of an object node, or the element at
// index key of an array node.
func find(n *yaml.Node, key string) (*yaml.Node, bool) {
	n = resolve(n)
	if n == nil {
		return nil, false
	}
	switch n.Kind {
	case yaml.MappingNode:
		var found *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if resolve(n.Content[i]).Value == key {
				found = resolve(n.Content[i+1])
			}
		}
		return found, found != nil
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if key == itoa(i) {
				return resolve(c), true
			}
		}
	}
	return nil, false
}
