package cloudformation

import (
	"strconv"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// val is a node of the template and the path that names it.
type val struct {
	n    *yaml.Node
	path string
}

func (v val) line() int {
	if v.n == nil {
		return 0
	}
	return v.n.Line
}

func (v val) child(name string, n *yaml.Node) val { return val{n: n, path: joinPath(v.path, name)} }

func (v val) item(i int, n *yaml.Node) val { return val{n: n, path: indexPath(v.path, i)} }

func joinPath(path, name string) string { return model.JoinPath(path, name) }

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// pairs returns the members of a mapping node in order; aliases are
// followed by the YAML decoder's tree as written.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}

// member returns the value of key in mapping n, or nil.
func member(n *yaml.Node, key string) *yaml.Node {
	for _, p := range pairs(n) {
		if p[0].Value == key {
			return p[1]
		}
	}
	return nil
}

// kind describes a node for messages.
func kind(n *yaml.Node) string {
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "an object"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.AliasNode:
		return "an alias"
	case n.Tag == "!!null":
		return "null"
	}
	return strconv.Quote(n.Value)
}

func isScalar(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null"
}

// str builds a string scalar at the line of at.
func str(s string, at *yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if at != nil {
		n.Line, n.Column = at.Line, at.Column
	}
	return n
}

// seq builds a list at the line of at.
func seq(items []*yaml.Node, at *yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
	if at != nil {
		n.Line, n.Column = at.Line, at.Column
	}
	return n
}
