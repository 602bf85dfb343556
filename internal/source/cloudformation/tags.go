package cloudformation

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// shortForms maps each short-form tag to the key of its long form.
var shortForms = map[string]string{
	"!Ref":          "Ref",
	"!Condition":    "Condition",
	"!GetAtt":       "Fn::GetAtt",
	"!Sub":          "Fn::Sub",
	"!Join":         "Fn::Join",
	"!Select":       "Fn::Select",
	"!Split":        "Fn::Split",
	"!If":           "Fn::If",
	"!Equals":       "Fn::Equals",
	"!And":          "Fn::And",
	"!Or":           "Fn::Or",
	"!Not":          "Fn::Not",
	"!FindInMap":    "Fn::FindInMap",
	"!Base64":       "Fn::Base64",
	"!ImportValue":  "Fn::ImportValue",
	"!GetAZs":       "Fn::GetAZs",
	"!Cidr":         "Fn::Cidr",
	"!Transform":    "Fn::Transform",
	"!Length":       "Fn::Length",
	"!ToJsonString": "Fn::ToJsonString",
}

// longForms rewrites every short-form tag below n into its long form,
// {"Fn::Sub": value}, in place, reporting unknown local tags.
func (t *template) longForms(n *yaml.Node, path string) {
	if n == nil {
		return
	}
	for i, c := range n.Content {
		p := path
		if n.Kind == yaml.MappingNode && i%2 == 1 {
			p = joinPath(path, n.Content[i-1].Value)
		} else if n.Kind == yaml.SequenceNode {
			p = indexPath(path, i)
		}
		t.longForms(c, p)
	}
	if !strings.HasPrefix(n.Tag, "!") || strings.HasPrefix(n.Tag, "!!") {
		return
	}
	key, ok := shortForms[n.Tag]
	if !ok {
		t.failAt(n.Line, path, "unknown short-form tag %s", n.Tag)
		return
	}
	inner := *n
	inner.Tag = plainTag(n.Kind)
	*n = yaml.Node{
		Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column,
		Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: n.Line, Column: n.Column},
			&inner,
		},
	}
}

// plainTag is the standard tag of an untagged node of the given kind.
func plainTag(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "!!map"
	case yaml.SequenceNode:
		return "!!seq"
	}
	return "!!str"
}
