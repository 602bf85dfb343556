package cloudformation

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// pseudoParameters are the pseudo parameters a template may Ref.
var pseudoParameters = []string{
	"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
	"AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
}

// implicitName reports whether SAM creates a resource named id: the
// implicit API and its stage and deployment, or a function's role.
func (t *template) implicitName(id string) bool {
	if !t.sam {
		return false
	}
	switch id {
	case samImplicitAPI, samImplicitAPI + "ProdStage", samImplicitAPI + "Deployment":
		return true
	}
	if fn, ok := strings.CutSuffix(id, "Role"); ok {
		r := t.resources[fn]
		return r != nil && r.typ == samFunction
	}
	return false
}

// checkReferences checks that every Ref, Fn::GetAtt, Fn::Sub variable and
// DependsOn names something the template defines, and that resources do
// not depend on each other in a circle.
func (t *template) checkReferences() {
	deps := map[string][]string{}
	for _, id := range t.order {
		r := t.resources[id]
		add := func(dep string) {
			if _, ok := t.resources[dep]; ok && !slices.Contains(deps[id], dep) {
				deps[id] = append(deps[id], dep)
			}
		}
		t.scanRefs(r.v, add)
		if d := member(r.v.n, "DependsOn"); d != nil {
			names := []*yaml.Node{d}
			if d.Kind == yaml.SequenceNode {
				names = d.Content
			}
			for _, n := range names {
				if !isScalar(n) || t.resources[n.Value] == nil {
					t.failAt(n.Line, joinPath(r.v.path, "DependsOn"),
						"Template format error: Unresolved resource dependencies [%s] in the Resources block of the template", n.Value)
					continue
				}
				add(n.Value)
			}
		}
	}
	t.checkCycles(deps)
}

// scanRefs calls add for every resource v refers to, and reports
// references to nothing.
func (t *template) scanRefs(v val, add func(string)) {
	n := v.n
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		key, arg := n.Content[0].Value, n.Content[1]
		switch key {
		case "Ref":
			if isScalar(arg) {
				t.refName(v.child(key, arg), arg.Value, add)
				return
			}
		case "Fn::GetAtt":
			if logical, ok := getAttTarget(arg); ok {
				t.refResource(v.child(key, arg), logical, add)
			}
		case "Fn::Sub":
			t.scanSub(v.child(key, arg), add)
		}
	}
	for i, c := range n.Content {
		switch {
		case n.Kind == yaml.MappingNode && i%2 == 1:
			t.scanRefs(v.child(n.Content[i-1].Value, c), add)
		case n.Kind == yaml.SequenceNode:
			t.scanRefs(v.item(i, c), add)
		}
	}
}

// getAttTarget returns the logical id an Fn::GetAtt argument names.
func getAttTarget(arg *yaml.Node) (string, bool) {
	if isScalar(arg) {
		logical, _, ok := strings.Cut(arg.Value, ".")
		return logical, ok
	}
	if arg.Kind == yaml.SequenceNode && len(arg.Content) == 2 && isScalar(arg.Content[0]) {
		return arg.Content[0].Value, true
	}
	return "", false
}

func (t *template) scanSub(v val, add func(string)) {
	s, vars := v.n, (*yaml.Node)(nil)
	if v.n.Kind == yaml.SequenceNode && len(v.n.Content) == 2 {
		s, vars = v.n.Content[0], v.n.Content[1]
	}
	if !isScalar(s) {
		return
	}
	parts, _ := splitSub(s.Value)
	for _, p := range parts {
		if !p.isVar || member(vars, p.text) != nil {
			continue
		}
		if logical, _, ok := strings.Cut(p.text, "."); ok {
			t.refResource(v, logical, add)
		} else {
			t.refName(v, p.text, add)
		}
	}
}

// refName checks a Ref target: a parameter, a pseudo parameter or a
// resource.
func (t *template) refName(v val, name string, add func(string)) {
	if t.params[name] != nil || slices.Contains(pseudoParameters, name) {
		return
	}
	t.refResource(v, name, add)
}

func (t *template) refResource(v val, name string, add func(string)) {
	if t.resources[name] != nil {
		add(name)
		return
	}
	if t.implicitName(name) {
		return
	}
	t.fail(v, "Template format error: Unresolved resource dependencies [%s] in the Resources block of the template", name)
}

// checkCycles reports every circle of resources depending on each other,
// once, at the first resource of the circle.
func (t *template) checkCycles(deps map[string][]string) {
	const (
		visiting = 1
		visited  = 2
	)
	state := map[string]int{}
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = visiting
		stack = append(stack, id)
		for _, d := range deps[id] {
			switch state[d] {
			case 0:
				visit(d)
			case visiting:
				circle := slices.Clone(stack[slices.Index(stack, d):])
				first := t.resources[circle[0]]
				for _, c := range circle {
					if t.resources[c].v.line() < first.v.line() {
						first = t.resources[c]
					}
				}
				slices.Sort(circle)
				t.fail(first.v, "Circular dependency between resources: [%s]", strings.Join(circle, ", "))
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = visited
	}
	for _, id := range t.order {
		if state[id] == 0 {
			visit(id)
		}
	}
}
