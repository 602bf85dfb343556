package cloudformation

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds the nesting of values and intrinsic functions, which
// aliases and includes could otherwise make unbounded.
const maxDepth = 100

// maxNodes bounds the size of evaluated values: aliases can make a small
// document expand without limit.
const maxNodes = 1 << 20

// noValue is the value of Ref AWS::NoValue: the member or list item holding
// it is removed.
var noValue = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "AWS::NoValue"}

// eval returns v with every intrinsic function resolved: a new tree whose
// nodes keep the lines of the template, noValue for Ref AWS::NoValue, or
// nil when v has errors (each one reported).
func (t *template) eval(v val) *yaml.Node {
	n := v.n
	if n == nil {
		return nil
	}
	if t.depth >= maxDepth {
		t.fail(v, "values nested too deeply")
		return nil
	}
	if t.nodes++; t.nodes > maxNodes {
		if t.nodes == maxNodes+1 {
			t.fail(v, "the template expands to more than %d values (aliases?)", maxNodes)
		}
		return nil
	}
	t.depth++
	defer func() { t.depth-- }()
	switch n.Kind {
	case yaml.AliasNode:
		return t.eval(val{n: n.Alias, path: v.path})
	case yaml.MappingNode:
		if len(n.Content) == 2 {
			if key := n.Content[0].Value; key == "Ref" || strings.HasPrefix(key, "Fn::") {
				return t.intrinsic(key, v.child(key, n.Content[1]), n)
			}
		}
		out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column}
		ok := true
		for _, p := range pairs(n) {
			e := t.eval(v.child(p[0].Value, p[1]))
			switch e {
			case nil:
				ok = false
			case noValue:
			default:
				k := *p[0]
				out.Content = append(out.Content, &k, e)
			}
		}
		if !ok {
			return nil
		}
		return out
	case yaml.SequenceNode:
		out := seq(nil, n)
		ok := true
		for i, c := range n.Content {
			e := t.eval(v.item(i, c))
			switch e {
			case nil:
				ok = false
			case noValue:
			default:
				out.Content = append(out.Content, e)
			}
		}
		if !ok {
			return nil
		}
		return out
	}
	c := *n
	return &c
}

// intrinsic evaluates the intrinsic function name with argument arg; at is
// the node holding the call.
func (t *template) intrinsic(name string, arg val, at *yaml.Node) *yaml.Node {
	switch name {
	case "Ref":
		return t.ref(arg)
	case "Fn::GetAtt":
		return t.getAtt(arg)
	case "Fn::Sub":
		return t.sub(arg)
	case "Fn::Join":
		return t.join(arg)
	case "Fn::Select":
		return t.selectItem(arg)
	case "Fn::Split":
		return t.split(arg)
	case "Fn::If":
		return t.ifThen(arg)
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not":
		b, ok := t.condExpr(val{n: at, path: strings.TrimSuffix(arg.path, "."+name)})
		if !ok {
			return nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b), Line: at.Line}
	case "Fn::FindInMap":
		return t.findInMap(arg)
	case "Fn::Base64":
		s, ok := t.evalString(arg)
		if !ok {
			return nil
		}
		return str(base64.StdEncoding.EncodeToString([]byte(s)), at)
	case "Fn::GetAZs":
		return t.getAZs(arg)
	case "Fn::Cidr":
		return t.cidr(arg)
	case "Fn::Transform":
		return t.include(arg)
	case "Fn::ToJsonString":
		e := t.eval(arg)
		if e == nil {
			return nil
		}
		return str(jsonText(e), at)
	case "Fn::ImportValue":
		t.fail(arg, "Fn::ImportValue is not supported: Archway reads one template, without the stacks that export values; pass the value as a parameter instead")
		return nil
	}
	t.fail(arg, "unsupported intrinsic function %s", name)
	return nil
}

// evalString evaluates v and expects a string (numbers and booleans are
// taken as written).
func (t *template) evalString(v val) (string, bool) {
	e := t.eval(v)
	if e == nil {
		return "", false
	}
	if !isScalar(e) || e == noValue {
		t.fail(v, "expected a string, found %s", kind(e))
		return "", false
	}
	return e.Value, true
}

// evalList evaluates v and expects a list.
func (t *template) evalList(v val) ([]*yaml.Node, bool) {
	e := t.eval(v)
	if e == nil {
		return nil, false
	}
	if e.Kind != yaml.SequenceNode {
		t.fail(v, "expected a list, found %s", kind(e))
		return nil, false
	}
	return e.Content, true
}

// args returns the n items of the list an intrinsic function takes.
func (t *template) args(v val, name string, n int) ([]val, bool) {
	if v.n.Kind != yaml.SequenceNode || len(v.n.Content) != n {
		t.fail(v, "%s: expected a list of %d values, found %s", name, n, kindCount(v.n))
		return nil, false
	}
	out := make([]val, n)
	for i, c := range v.n.Content {
		out[i] = v.item(i, c)
	}
	return out, true
}

func kindCount(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "a list of " + strconv.Itoa(len(n.Content))
	}
	return kind(n)
}

func (t *template) join(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::Join", 2)
	if !ok {
		return nil
	}
	delim, ok1 := t.evalString(a[0])
	items, ok2 := t.evalList(a[1])
	if !ok1 || !ok2 {
		return nil
	}
	parts := make([]string, len(items))
	for i, it := range items {
		if !isScalar(it) {
			t.fail(a[1].item(i, it), "Fn::Join: expected a string, found %s", kind(it))
			return nil
		}
		parts[i] = it.Value
	}
	return str(strings.Join(parts, delim), v.n)
}

func (t *template) selectItem(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::Select", 2)
	if !ok {
		return nil
	}
	index, ok1 := t.evalString(a[0])
	items, ok2 := t.evalList(a[1])
	if !ok1 || !ok2 {
		return nil
	}
	i, err := strconv.Atoi(index)
	if err != nil || i < 0 || i >= len(items) {
		t.fail(a[0], "Fn::Select: index %s is out of the bounds of a list of %d", index, len(items))
		return nil
	}
	return items[i]
}

func (t *template) split(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::Split", 2)
	if !ok {
		return nil
	}
	delim, ok1 := t.evalString(a[0])
	s, ok2 := t.evalString(a[1])
	if !ok1 || !ok2 {
		return nil
	}
	if delim == "" {
		t.fail(a[0], "Fn::Split: the delimiter is empty")
		return nil
	}
	var items []*yaml.Node
	for _, p := range strings.Split(s, delim) {
		items = append(items, str(p, v.n))
	}
	return seq(items, v.n)
}

func (t *template) ifThen(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::If", 3)
	if !ok {
		return nil
	}
	if !isScalar(a[0].n) {
		t.fail(a[0], "Fn::If: expected a condition name, found %s", kind(a[0].n))
		return nil
	}
	b, ok := t.condValue(a[0])
	if !ok {
		return nil
	}
	if b {
		return t.eval(a[1])
	}
	return t.eval(a[2])
}

func (t *template) findInMap(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::FindInMap", 3)
	if !ok {
		return nil
	}
	var keys [3]string
	for i := range a {
		if keys[i], ok = t.evalString(a[i]); !ok {
			return nil
		}
	}
	m := member(t.mappings, keys[0])
	if m == nil {
		t.fail(a[0], "Template error: Unable to get mapping for %s::%s::%s", keys[0], keys[1], keys[2])
		return nil
	}
	top := member(m, keys[1])
	second := member(top, keys[2])
	if second == nil {
		t.fail(v, "Template error: Unable to get mapping for %s::%s::%s", keys[0], keys[1], keys[2])
		return nil
	}
	return t.eval(val{n: second, path: joinPath(joinPath(joinPath("Mappings", keys[0]), keys[1]), keys[2])})
}

func (t *template) getAZs(v val) *yaml.Node {
	region, ok := t.evalString(v)
	if !ok {
		return nil
	}
	if region == "" {
		region = t.opts.Region
	}
	var azs []*yaml.Node
	for _, z := range "abc" {
		azs = append(azs, str(region+string(z), v.n))
	}
	return seq(azs, v.n)
}

// include reads the local file of an AWS::Include transform in place of
// the call.
func (t *template) include(v val) *yaml.Node {
	name := member(v.n, "Name")
	loc := member(member(v.n, "Parameters"), "Location")
	if !isScalar(name) || name.Value != "AWS::Include" || loc == nil {
		t.fail(v, "Fn::Transform: only AWS::Include with Parameters.Location is supported")
		return nil
	}
	lv := v.child("Parameters", nil).child("Location", loc)
	path, ok := t.evalString(lv)
	if !ok {
		return nil
	}
	if strings.HasPrefix(path, "s3://") {
		path = filepath.Base(path)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(t.dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.fail(lv, "AWS::Include: %v", err)
		return nil
	}
	inc := *t
	inc.file, inc.errs, inc.warns = path, nil, nil
	var out *yaml.Node
	if root := inc.parse(data, v.path); root != nil {
		out = inc.eval(val{n: root, path: v.path})
	}
	t.errs = append(t.errs, inc.errs...)
	t.warns = append(t.warns, inc.warns...)
	return out
}
