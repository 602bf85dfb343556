package cloudformation

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// samTransform is the transform that makes a template a SAM template.
const samTransform = "AWS::Serverless-2016-10-31"

// param is a template parameter.
type param struct {
	v     val // the declaration
	value *yaml.Node
	done  bool
}

// condition is a named condition, evaluated once when first used.
type condition struct {
	v     val
	state int // 0 not evaluated, 1 being evaluated, 2 evaluated
	value bool
}

// resource is one entry of the Resources section.
type resource struct {
	id    string
	typ   string
	v     val // the resource
	props val // its Properties (n nil when absent)
	cond  string
}

// read reads the sections of the template.
func (t *template) read(root *yaml.Node) {
	doc := val{n: root}
	if root.Kind != yaml.MappingNode {
		t.fail(doc, "a template is an object, found %s", kind(root))
		return
	}
	var resources val
	for _, p := range pairs(root) {
		v := doc.child(p[0].Value, p[1])
		switch p[0].Value {
		case "AWSTemplateFormatVersion", "Description", "Metadata", "Outputs", "Rules":
		case "Transform":
			t.transform(v)
		case "Parameters":
			t.readParams(v)
		case "Mappings":
			t.mappings = p[1]
		case "Conditions":
			for _, c := range pairs(p[1]) {
				t.conditions[c[0].Value] = &condition{v: v.child(c[0].Value, c[1])}
			}
		case "Globals":
			t.globals = p[1]
		case "Resources":
			resources = v
		default:
			t.warn(v, "unknown template section %s is ignored", p[0].Value)
		}
	}
	if resources.n == nil || resources.n.Kind != yaml.MappingNode || len(resources.n.Content) == 0 {
		t.fail(doc.child("Resources", resources.n), "Template format error: At least one Resources member must be defined.")
		return
	}
	for _, p := range pairs(resources.n) {
		t.readResource(resources.child(p[0].Value, p[1]), p[0].Value)
	}
	t.checkOverrides(doc)
	t.checkReferences()
}

func (t *template) transform(v val) {
	names := []*yaml.Node{v.n}
	if v.n.Kind == yaml.SequenceNode {
		names = v.n.Content
	}
	for _, n := range names {
		switch {
		case isScalar(n) && n.Value == samTransform:
			t.sam = true
		case isScalar(n):
			t.warn(val{n: n, path: v.path}, "transform %s is not applied", n.Value)
		default:
			t.fail(v, "Transform: expected a transform name, found %s", kind(n))
		}
	}
}

func (t *template) readParams(v val) {
	for _, p := range pairs(v.n) {
		pv := v.child(p[0].Value, p[1])
		if p[1].Kind != yaml.MappingNode || !isScalar(member(p[1], "Type")) {
			t.fail(pv, "Template format error: Every Parameters object must contain a Type member.")
			continue
		}
		t.params[p[0].Value] = &param{v: pv}
	}
}

// checkOverrides rejects overrides of parameters the template does not
// declare, in CloudFormation's words.
func (t *template) checkOverrides(doc val) {
	var unknown []string
	for k := range t.opts.Parameters {
		if _, ok := t.params[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		t.fail(doc.child("Parameters", nil), "Parameters: [%s] do not exist in the template", strings.Join(unknown, ", "))
	}
}

func (t *template) readResource(v val, id string) {
	if v.n.Kind != yaml.MappingNode {
		t.fail(v, "Template format error: [/Resources/%s] resource definition is malformed", id)
		return
	}
	r := &resource{id: id, v: v}
	typ := member(v.n, "Type")
	if !isScalar(typ) {
		t.fail(v.child("Type", typ), "Template format error: [/Resources/%s] Every Resources object must contain a Type member.", id)
		return
	}
	r.typ = typ.Value
	if c := member(v.n, "Condition"); c != nil {
		if !isScalar(c) {
			t.fail(v.child("Condition", c), "expected a condition name, found %s", kind(c))
		} else if _, ok := t.conditions[c.Value]; !ok {
			t.fail(v.child("Condition", c), "Template format error: Unresolved dependencies [%s]. Cannot reference resources in the Conditions block of the template", c.Value)
		}
		if isScalar(c) {
			r.cond = c.Value
		}
	}
	if p := member(v.n, "Properties"); p != nil {
		r.props = v.child("Properties", p)
	} else {
		r.props = v.child("Properties", nil)
	}
	t.resources[id] = r
	t.order = append(t.order, id)
}
