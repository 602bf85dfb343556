package cloudformation

import (
	"go.yaml.in/yaml/v3"
)

// condValue evaluates the condition named by the scalar v, once.
func (t *template) condValue(v val) (bool, bool) {
	c := t.conditions[v.n.Value]
	switch {
	case c == nil:
		t.fail(v, "Template format error: Unresolved dependencies [%s]. Cannot reference resources in the Conditions block of the template", v.n.Value)
		return false, false
	case c.state == 1:
		t.fail(c.v, "Template format error: Circular dependency between conditions: %s", v.n.Value)
		return false, false
	case c.state == 2:
		return c.value, true
	}
	c.state = 1
	b, ok := t.condExpr(c.v)
	c.state, c.value = 2, b
	return b, ok
}

// condExpr evaluates a condition: Fn::Equals, Fn::And, Fn::Or, Fn::Not or
// Condition.
func (t *template) condExpr(v val) (bool, bool) {
	n := v.n
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		t.fail(v, "expected a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition), found %s", kind(n))
		return false, false
	}
	name := n.Content[0].Value
	arg := v.child(name, n.Content[1])
	switch name {
	case "Condition":
		if !isScalar(arg.n) {
			t.fail(arg, "Condition: expected a condition name, found %s", kind(arg.n))
			return false, false
		}
		return t.condValue(arg)
	case "Fn::Equals":
		a, ok := t.args(arg, name, 2)
		if !ok {
			return false, false
		}
		x, y := t.eval(a[0]), t.eval(a[1])
		if x == nil || y == nil {
			return false, false
		}
		return jsonText(x) == jsonText(y) || isScalar(x) && isScalar(y) && x.Value == y.Value, true
	case "Fn::Not":
		a, ok := t.args(arg, name, 1)
		if !ok {
			return false, false
		}
		b, ok := t.condExpr(a[0])
		return !b, ok
	case "Fn::And", "Fn::Or":
		if arg.n.Kind != yaml.SequenceNode || len(arg.n.Content) < 2 || len(arg.n.Content) > 10 {
			t.fail(arg, "%s: expected a list of 2 to 10 conditions, found %s", name, kindCount(arg.n))
			return false, false
		}
		all := name == "Fn::And"
		result := all
		for i, c := range arg.n.Content {
			b, ok := t.condExpr(arg.item(i, c))
			if !ok {
				return false, false
			}
			if all {
				result = result && b
			} else {
				result = result || b
			}
		}
		return result, true
	case "Fn::If", "Ref", "Fn::FindInMap", "Fn::Sub", "Fn::Select", "Fn::Join":
		e := t.eval(v)
		if e == nil {
			return false, false
		}
		if isScalar(e) && (e.Value == "true" || e.Value == "false") {
			return e.Value == "true", true
		}
	}
	t.fail(v, "expected a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition), found %s", name)
	return false, false
}

// included reports whether resource r exists: it has no condition, or its
// condition is true.
func (t *template) included(r *resource) bool {
	if r.cond == "" {
		return true
	}
	b, _ := t.condValue(val{n: member(r.v.n, "Condition"), path: joinPath(r.v.path, "Condition")})
	return b
}
