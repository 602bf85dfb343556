package terraform

import (
	"slices"
	"strings"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// resource is one resource instance: a resource block without count or
// for_each, or one of the instances such a block declares.
type resource struct {
	decl      *decl
	module    string // "module.NAME." for a child module's resource in terraform show -json; "" otherwise
	typ, name string
	block     *hclsyntax.Block
	key       cty.Value // count.index or each.key; cty.NilVal for a single resource
	each      cty.Value // each.value
	id        string    // the id AWS would generate, stable across loads
	obj       cty.Value
	state     int // 0 not built, 1 building, 2 built
}

// addr is the instance's address: type.name, type.name[0] or
// type.name["key"].
func (r *resource) addr() string {
	if r.key == cty.NilVal {
		return r.module + r.typ + "." + r.name
	}
	return r.module + r.typ + "." + r.name + "[" + r.keyString() + "]"
}

// rootID is the id of a REST API's root resource.
func rootID(api *resource) string {
	return model.StableID(10, append([]string{"root"}, api.idParts()[1:]...)...)
}

// ctxFor returns the evaluation context for expr, written inside the
// resource instance inst (nil outside resources), building the locals and
// resources it references; path is where a problem is reported.
func (c *config) ctxFor(expr hcl.Expression, path string, inst *resource) *hcl.EvalContext {
	vars := map[string]cty.Value{}
	types := map[string]map[string]cty.Value{}
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		switch root {
		case "var":
			vars["var"] = objectOf(c.vars)
		case "path":
			// Relative paths are read from the configuration directory,
			// where terraform runs: the root module is ".".
			vars["path"] = cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal("."), "root": cty.StringVal("."), "cwd": cty.StringVal(".")})
		case "local":
			name := stepName(tr)
			if name == "" {
				continue
			}
			c.local(name, tr.SourceRange())
		case "count", "each":
			c.instanceVars(vars, root, inst, tr.SourceRange(), path)
		case "self", "terraform", "data", "module":
			c.failAt(tr.SourceRange(), path, "references to %s are not supported yet", root)
		default:
			name := stepName(tr)
			d := c.decls[root+"."+name]
			if d == nil {
				if name != "" && strings.Contains(root, "_") {
					c.failAt(tr.SourceRange(), path, "Reference to undeclared resource: a managed resource %q %q has not been declared", root, name)
				}
				continue
			}
			if types[root] == nil {
				types[root] = map[string]cty.Value{}
			}
			types[root][name] = c.declValue(d, tr.SourceRange())
		}
	}
	if len(c.localVals) > 0 {
		vars["local"] = objectOf(c.localVals)
	}
	for t, m := range types {
		vars[t] = cty.ObjectVal(m)
	}
	return &hcl.EvalContext{Variables: vars, Functions: c.funcs}
}

func objectOf(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// stepName is the attribute a traversal names after its root.
func stepName(tr hcl.Traversal) string {
	if len(tr) < 2 {
		return ""
	}
	if a, ok := tr[1].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// eval evaluates expr, written inside inst (nil outside resources),
// reporting problems under path.
func (c *config) eval(expr hcl.Expression, path string, inst *resource) cty.Value {
	errs := len(c.errs)
	ctx := c.ctxFor(expr, path, inst)
	if len(c.errs) > errs {
		// A reference is already reported; HCL would report it again.
		return cty.DynamicVal
	}
	v, ds := expr.Value(ctx)
	c.diags(ds, path)
	if ds.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// local evaluates a local value, once.
func (c *config) local(name string, at hcl.Range) {
	a, ok := c.locals[name]
	if !ok {
		c.failAt(at, "local."+name, "Reference to undeclared local value: a local value with the name %q has not been declared", name)
		return
	}
	switch c.localState[name] {
	case 1:
		c.failAt(a.SrcRange, "local."+name, "Cycle: local.%s refers to itself", name)
		c.localVals[name] = cty.DynamicVal
		return
	case 2:
		return
	}
	c.localState[name] = 1
	v := c.eval(a.Expr, "local."+name, nil)
	c.localState[name] = 2
	c.localVals[name] = v
}

// object is the value a reference to r sees: its arguments, nested blocks
// and the attributes AWS computes. Arguments that cannot be evaluated are
// unknown here; reading them for the model reports why.
func (c *config) object(r *resource, at hcl.Range) cty.Value {
	switch r.state {
	case 1:
		chain := make([]string, 0, len(c.stack)+1)
		for _, s := range c.stack[slices.Index(c.stack, r):] {
			chain = append(chain, s.addr())
		}
		chain = append(chain, r.addr())
		c.failAt(at, c.stack[len(c.stack)-1].addr(), "Cycle: %s", strings.Join(chain, " → "))
		return cty.DynamicVal
	case 2:
		return r.obj
	}
	r.state = 1
	c.stack = append(c.stack, r)
	attrs := c.bodyObject(r.block.Body, r)
	// What AWS computes fills what is not known: everything, in a
	// configuration; a plan's after-apply values in terraform show -json,
	// whose state values are AWS's own.
	for k, v := range c.computed(r, attrs) {
		if old, ok := attrs[k]; !ok || !old.IsWhollyKnown() {
			attrs[k] = v
		}
	}
	c.stack = c.stack[:len(c.stack)-1]
	r.obj = objectOf(attrs)
	r.state = 2
	return r.obj
}

// bodyObject evaluates a block body of inst quietly into attribute values.
func (c *config) bodyObject(b *hclsyntax.Body, inst *resource) map[string]cty.Value {
	attrs := map[string]cty.Value{}
	for name, a := range b.Attributes {
		if metaArguments[name] {
			continue
		}
		saved := len(c.errs)
		v, ds := a.Expr.Value(c.ctxFor(a.Expr, "", inst))
		// Cycles stay errors; everything else is reported when the
		// argument itself is read.
		keep := c.errs[:saved]
		for _, e := range c.errs[saved:] {
			if strings.HasPrefix(e.Message, "Cycle") {
				keep = append(keep, e)
			}
		}
		c.errs = keep
		if ds.HasErrors() {
			v = cty.DynamicVal
		}
		attrs[name] = v
	}
	for _, nb := range b.Blocks {
		if nb.Type == "lifecycle" {
			continue
		}
		attrs[nb.Type] = objectOf(c.bodyObject(nb.Body, inst))
	}
	return attrs
}

// metaArguments are arguments Terraform itself reads, not the provider.
var metaArguments = map[string]bool{"count": true, "for_each": true, "depends_on": true, "provider": true}

// computed returns the attributes AWS computes for r.
func (c *config) computed(r *resource, attrs map[string]cty.Value) map[string]cty.Value {
	out := map[string]cty.Value{"id": cty.StringVal(r.id)}
	str := func(name string) string {
		if v, ok := attrs[name]; ok && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			return v.AsString()
		}
		return ""
	}
	switch r.typ {
	case typeRestAPI:
		out["root_resource_id"] = cty.StringVal(rootID(r))
		out["execution_arn"] = cty.StringVal("arn:aws:execute-api:" + c.opts.Region + ":" + c.opts.AccountID + ":" + r.id)
		out["arn"] = cty.StringVal("arn:aws:apigateway:" + c.opts.Region + "::/restapis/" + r.id)
	case typeResource:
		out["path"] = cty.StringVal(c.resourcePath(str("parent_id"), str("path_part")))
	case typeFunction:
		name := str("function_name")
		arn := "arn:aws:lambda:" + c.opts.Region + ":" + c.opts.AccountID + ":function:" + name
		out["arn"] = cty.StringVal(arn)
		out["qualified_arn"] = cty.StringVal(arn + ":$LATEST")
		out["invoke_arn"] = cty.StringVal("arn:aws:apigateway:" + c.opts.Region + ":lambda:path/2015-03-31/functions/" + arn + "/invocations")
	case typeIAMRole:
		// credentials = aws_iam_role.r.arn names the role API Gateway
		// assumes.
		out["arn"] = cty.StringVal("arn:aws:iam::" + c.opts.AccountID + ":role/" + str("name"))
	}
	c.httpAPIComputed(r, attrs, out)
	return out
}

// resourcePath is the path of the API resource with the given parent and
// path part.
func (c *config) resourcePath(parent, part string) string {
	base := ""
	if p := c.ids[parent]; p != nil && p.typ == typeResource {
		o := c.object(p, p.block.TypeRange)
		if o.IsKnown() && o.Type().IsObjectType() && o.Type().HasAttribute("path") {
			base = strings.TrimSuffix(o.GetAttr("path").AsString(), "/")
		}
	}
	return base + "/" + part
}
