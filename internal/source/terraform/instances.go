package terraform

import (
	"math/big"
	"strconv"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// decl is one resource block. A block with count or for_each declares as
// many instances as its value asks for; a block without either declares
// one.
type decl struct {
	module    string // as resource.module
	typ, name string
	block     *hclsyntax.Block
	// meta is the count or for_each argument, nil when there is none.
	meta      *hclsyntax.Attribute
	instances []*resource
	state     int // 0 not expanded, 1 expanding, 2 expanded
}

func (d *decl) addr() string { return d.module + d.typ + "." + d.name }

// addResource declares the resource block b.
func (c *config) addResource(b *hclsyntax.Block) {
	if len(b.Labels) != 2 {
		c.failAt(b.TypeRange, "resource", "a resource block has two labels, its type and its name")
		return
	}
	d := &decl{typ: b.Labels[0], name: b.Labels[1], block: b}
	if _, dup := c.decls[d.addr()]; dup {
		c.failAt(b.TypeRange, d.addr(), "Duplicate resource %q configuration: a %s resource named %q was already declared", d.typ, d.typ, d.name)
		return
	}
	count, hasCount := b.Body.Attributes["count"]
	forEach, hasForEach := b.Body.Attributes["for_each"]
	switch {
	case hasCount && hasForEach:
		c.failAt(forEach.SrcRange, d.addr()+".for_each", `Invalid combination of "count" and "for_each": the "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created`)
	case hasCount:
		d.meta = count
	case hasForEach:
		d.meta = forEach
	}
	c.decls[d.addr()] = d
	c.declOrder = append(c.declOrder, d)
	c.checkArguments(d)
}

// expandAll expands every resource block into its instances, in
// declaration order.
func (c *config) expandAll() {
	for _, d := range c.declOrder {
		c.expand(d)
		c.order = append(c.order, d.instances...)
	}
}

// expand evaluates d's count or for_each, once, and makes its instances.
func (c *config) expand(d *decl) {
	switch d.state {
	case 1:
		c.failAt(d.meta.SrcRange, d.addr()+"."+d.meta.Name, "Cycle: %s.%s refers to %s itself", d.addr(), d.meta.Name, d.addr())
		return
	case 2:
		return
	}
	d.state = 1
	defer func() { d.state = 2 }()
	if d.meta == nil {
		c.addInstance(d, cty.NilVal, cty.NilVal)
		return
	}
	path := d.addr() + "." + d.meta.Name
	v := c.eval(d.meta.Expr, path, nil)
	if v == cty.DynamicVal {
		return // already reported
	}
	if !v.IsWhollyKnown() {
		c.failAt(d.meta.SrcRange, path, "Invalid %s argument: the value depends on resource attributes that cannot be determined until apply", d.meta.Name)
		return
	}
	if d.meta.Name == "count" {
		c.expandCount(d, v, path)
	} else {
		c.expandForEach(d, v, path)
	}
}

func (c *config) expandCount(d *decl, v cty.Value, path string) {
	if v.IsNull() || v.Type() != cty.Number {
		c.failAt(d.meta.SrcRange, path, `Invalid count argument: the given "count" argument value is unsuitable: a number is required`)
		return
	}
	n, acc := v.AsBigFloat().Int64()
	if acc != big.Exact || n < 0 {
		c.failAt(d.meta.SrcRange, path, `Invalid count argument: the given "count" argument value is unsuitable: must be a whole number greater than or equal to zero`)
		return
	}
	for i := range n {
		c.addInstance(d, cty.NumberIntVal(i), cty.NilVal)
	}
}

func (c *config) expandForEach(d *decl, v cty.Value, path string) {
	t := v.Type()
	switch {
	case v.IsNull():
		c.failAt(d.meta.SrcRange, path, `Invalid for_each argument: the given "for_each" argument value is null; a map, or set of strings, is allowed`)
	case t.IsMapType() || t.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			c.addInstance(d, k, e)
		}
	case t.IsSetType() && (t.ElementType() == cty.String || t.ElementType() == cty.DynamicPseudoType):
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsNull() || e.Type() != cty.String {
				c.failAt(d.meta.SrcRange, path, `Invalid for_each set argument: the given "for_each" argument value is unsuitable: "for_each" supports sets of strings, and the set holds a %s`, e.Type().FriendlyName())
				return
			}
			c.addInstance(d, e, e)
		}
	default:
		c.failAt(d.meta.SrcRange, path, `Invalid for_each argument: the given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type %s (a list of strings becomes a set with toset(...))`, t.FriendlyName())
	}
}

// addInstance adds the instance of d with the given key (cty.NilVal for a
// block without count or for_each) and each.value. Generated ids have
// AWS's lengths: 10 characters for REST APIs and their root resources, 6
// for the rest.
func (c *config) addInstance(d *decl, key, each cty.Value) {
	r := &resource{decl: d, module: d.module, typ: d.typ, name: d.name, block: d.block, key: key, each: each}
	n := 6
	if r.typ == typeRestAPI {
		n = 10
	}
	r.id = model.StableID(n, r.idParts()...)
	d.instances = append(d.instances, r)
	c.resources[r.addr()] = r
	c.ids[r.id] = r
}

// keyString is the instance key as written in an address: 0 or "name".
func (r *resource) keyString() string {
	switch {
	case r.key == cty.NilVal:
		return ""
	case r.key.Type() == cty.Number:
		n, _ := r.key.AsBigFloat().Int64()
		return strconv.FormatInt(n, 10)
	}
	return strconv.Quote(r.key.AsString())
}

// idParts are what the instance's generated id is derived from: a single
// resource's type and name, an instance's key besides.
func (r *resource) idParts() []string {
	parts := []string{r.typ, r.name}
	if r.module != "" {
		parts = append(parts, r.module)
	}
	if r.key != cty.NilVal {
		parts = append(parts, r.keyString())
	}
	return parts
}

// declValue is what a reference to d sees: the object of a single
// resource, a tuple of instance objects for count, an object of them by
// key for for_each.
func (c *config) declValue(d *decl, at hcl.Range) cty.Value {
	c.expand(d)
	if d.state != 2 {
		return cty.DynamicVal
	}
	if d.meta == nil {
		if len(d.instances) == 0 {
			return cty.DynamicVal
		}
		return c.object(d.instances[0], at)
	}
	if d.meta.Name == "count" {
		objs := make([]cty.Value, len(d.instances))
		for i, r := range d.instances {
			objs[i] = c.object(r, at)
		}
		if len(objs) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(objs)
	}
	objs := make(map[string]cty.Value, len(d.instances))
	for _, r := range d.instances {
		objs[r.key.AsString()] = c.object(r, at)
	}
	return objectOf(objs)
}

// instanceVars adds count.index or each.key and each.value for references
// made inside inst; root is "count" or "each". It reports a reference
// outside a block with the matching meta-argument.
func (c *config) instanceVars(vars map[string]cty.Value, root string, inst *resource, at hcl.Range, path string) {
	meta := ""
	if inst != nil && inst.decl.meta != nil {
		meta = inst.decl.meta.Name
	}
	switch {
	case root == "count" && meta == "count":
		vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": inst.key})
	case root == "count":
		c.failAt(at, path, `Reference to "count" in non-counted context: the "count" object can only be used in a resource block whose "count" argument is set`)
	case meta == "for_each":
		vars["each"] = cty.ObjectVal(map[string]cty.Value{"key": inst.key, "value": inst.each})
	default:
		c.failAt(at, path, `Reference to "each" in context without for_each: the "each" object can be used only in a resource block whose "for_each" argument is set`)
	}
}
