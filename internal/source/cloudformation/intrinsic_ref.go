package cloudformation

import (
	"regexp"
	"slices"
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

func (t *template) ref(v val) *yaml.Node {
	name, ok := t.evalString(v)
	if !ok {
		return nil
	}
	s, _ := t.refValue(v, name)
	return s
}

// refValue is the value of Ref name.
func (t *template) refValue(v val, name string) (*yaml.Node, bool) {
	if p := t.params[name]; p != nil {
		n := t.paramValue(name, p)
		return n, n != nil
	}
	switch name {
	case "AWS::NoValue":
		return noValue, true
	case "AWS::NotificationARNs":
		return seq(nil, v.n), true
	}
	if slices.Contains(pseudoParameters, name) {
		return str(t.pseudo(name), v.n), true
	}
	if r := t.resources[name]; r != nil {
		id, ok := t.physicalID(r)
		return str(id, v.n), ok
	}
	if t.implicitName(name) {
		return str(t.implicitID(name), v.n), true
	}
	t.fail(v, "Template format error: Unresolved resource dependencies [%s] in the Resources block of the template", name)
	return nil, false
}

// pseudo returns the value of a pseudo parameter other than AWS::NoValue
// and AWS::NotificationARNs.
func (t *template) pseudo(name string) string {
	switch name {
	case "AWS::AccountId":
		return t.opts.AccountID
	case "AWS::Region":
		return t.opts.Region
	case "AWS::StackName":
		return t.opts.StackName
	case "AWS::StackId":
		u := model.StableID(32, "stack", t.opts.StackName)
		return "arn:" + t.partition() + ":cloudformation:" + t.opts.Region + ":" + t.opts.AccountID + ":stack/" +
			t.opts.StackName + "/" + u[:8] + "-" + u[8:12] + "-" + u[12:16] + "-" + u[16:20] + "-" + u[20:]
	case "AWS::Partition":
		return t.partition()
	}
	if strings.HasPrefix(t.opts.Region, "cn-") {
		return "amazonaws.com.cn"
	}
	return "amazonaws.com"
}

func (t *template) partition() string {
	switch {
	case strings.HasPrefix(t.opts.Region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(t.opts.Region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// paramValue is the value of a parameter: its override, else its default,
// checked against its constraints. List types give lists.
func (t *template) paramValue(name string, p *param) *yaml.Node {
	if p.done {
		return p.value
	}
	p.done = true
	decl := p.v.n
	typ := member(decl, "Type").Value
	var value *yaml.Node
	if s, ok := t.opts.Parameters[name]; ok {
		value = str(s, decl)
	} else if d := member(decl, "Default"); d != nil {
		if value = t.eval(p.v.child("Default", d)); value == nil {
			return nil
		}
	} else {
		t.fail(p.v, "Parameters: [%s] must have values", name)
		return nil
	}
	list := typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")
	if list && value.Kind == yaml.ScalarNode {
		var items []*yaml.Node
		for _, s := range strings.Split(value.Value, ",") {
			items = append(items, str(s, decl))
		}
		value = seq(items, decl)
	}
	if !list && !isScalar(value) {
		t.fail(p.v, "Parameter '%s' of type %s must be a string, found %s", name, typ, kind(value))
		return nil
	}
	if !list && !t.paramAllowed(name, p, value.Value) {
		return nil
	}
	p.value = value
	return value
}

// paramAllowed checks a parameter value against AllowedValues and
// AllowedPattern.
func (t *template) paramAllowed(name string, p *param, s string) bool {
	if av := member(p.v.n, "AllowedValues"); av != nil && av.Kind == yaml.SequenceNode {
		if !slices.ContainsFunc(av.Content, func(n *yaml.Node) bool { return n.Value == s }) {
			t.fail(p.v, "Parameter '%s' must be one of AllowedValues", name)
			return false
		}
	}
	if ap := member(p.v.n, "AllowedPattern"); isScalar(ap) {
		re, err := regexp.Compile("^(?:" + ap.Value + ")$")
		if err != nil {
			t.fail(p.v.child("AllowedPattern", ap), "invalid AllowedPattern: %v", err)
			return false
		}
		if !re.MatchString(s) {
			t.fail(p.v, "Parameter '%s' must match pattern %s", name, ap.Value)
			return false
		}
	}
	return true
}

func (t *template) getAtt(v val) *yaml.Node {
	var logical, attr string
	switch {
	case isScalar(v.n):
		var ok bool
		if logical, attr, ok = strings.Cut(v.n.Value, "."); !ok {
			t.fail(v, "Fn::GetAtt: expected LogicalId.Attribute, found %q", v.n.Value)
			return nil
		}
	case v.n.Kind == yaml.SequenceNode && len(v.n.Content) == 2 && isScalar(v.n.Content[0]):
		logical = v.n.Content[0].Value
		var ok bool
		if attr, ok = t.evalString(v.item(1, v.n.Content[1])); !ok {
			return nil
		}
	default:
		t.fail(v, "Fn::GetAtt: expected [LogicalId, Attribute], found %s", kindCount(v.n))
		return nil
	}
	s, ok := t.attribute(v, logical, attr)
	if !ok {
		return nil
	}
	return str(s, v.n)
}

func (t *template) sub(v val) *yaml.Node {
	s, vars := v, val{}
	if v.n.Kind == yaml.SequenceNode {
		a, ok := t.args(v, "Fn::Sub", 2)
		if !ok {
			return nil
		}
		s, vars = a[0], a[1]
		if vars.n.Kind != yaml.MappingNode {
			t.fail(vars, "Fn::Sub: expected an object of variables, found %s", kind(vars.n))
			return nil
		}
	}
	if !isScalar(s.n) {
		t.fail(s, "Fn::Sub: expected a string, found %s", kind(s.n))
		return nil
	}
	parts, ok := splitSub(s.n.Value)
	if !ok {
		t.fail(s, "Fn::Sub: unterminated ${ in %q", s.n.Value)
		return nil
	}
	var b strings.Builder
	for _, p := range parts {
		if !p.isVar {
			b.WriteString(p.text)
			continue
		}
		if n := member(vars.n, p.text); n != nil {
			x, ok := t.evalString(vars.child(p.text, n))
			if !ok {
				return nil
			}
			b.WriteString(x)
			continue
		}
		var x *yaml.Node
		if logical, attr, dotted := strings.Cut(p.text, "."); dotted {
			a, ok := t.attribute(s, logical, attr)
			if !ok {
				return nil
			}
			x = str(a, s.n)
		} else if x, ok = t.refValue(s, p.text); !ok {
			return nil
		}
		if !isScalar(x) {
			t.fail(s, "Fn::Sub: ${%s} is %s, not a string", p.text, kind(x))
			return nil
		}
		b.WriteString(x.Value)
	}
	return str(b.String(), v.n)
}
