package terraform

import (
	"math/big"
	"strconv"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// args reads the arguments of a resource block (or a nested block) for
// the model, reporting every problem under path.
type args struct {
	c    *config
	inst *resource
	body *hclsyntax.Body
	at   hcl.Range
	path string
}

func (c *config) args(r *resource) args {
	return args{c: c, inst: r, body: r.block.Body, at: r.block.TypeRange, path: r.addr()}
}

func (a args) loc() model.Loc {
	return model.Loc{File: a.at.Filename, Line: a.at.Start.Line, Path: a.path}
}

func (a args) source() model.Source { return model.Source{Loc: a.loc()} }

func (a args) attrLoc(name string) model.Loc {
	l := a.loc()
	if at, ok := a.body.Attributes[name]; ok {
		l.Line = at.SrcRange.Start.Line
	}
	l.Path = model.JoinPath(a.path, name)
	return l
}

// field records where the argument name was given as the member of src,
// or the block when it was not given, so that problems name the argument.
func (a args) field(src *model.Source, name, member string) {
	src.SetField(member, a.attrLoc(name))
}

func (a args) has(name string) bool {
	_, ok := a.body.Attributes[name]
	return ok
}

// value evaluates the argument; absent, null and failed values are not ok.
func (a args) value(name string) (cty.Value, bool) {
	at, ok := a.body.Attributes[name]
	if !ok {
		return cty.NilVal, false
	}
	path := model.JoinPath(a.path, name)
	v := a.c.eval(at.Expr, path, a.inst)
	if !v.IsWhollyKnown() {
		if v != cty.DynamicVal {
			a.c.failAt(at.SrcRange, path, "the value is only known after apply")
		}
		return cty.NilVal, false
	}
	return v, !v.IsNull()
}

// require reports missing required arguments in Terraform's words.
func (a args) require(names ...string) bool {
	ok := true
	for _, n := range names {
		if !a.has(n) {
			a.c.failAt(a.at, model.JoinPath(a.path, n), "Missing required argument: The argument %q is required, but no definition was found.", n)
			ok = false
		}
	}
	return ok
}

func (a args) convert(name string, v cty.Value, t cty.Type) (cty.Value, bool) {
	out, err := convert.Convert(v, t)
	if err != nil {
		a.c.failAt(a.body.Attributes[name].SrcRange, model.JoinPath(a.path, name), "Incorrect attribute value type: %s", err)
		return cty.NilVal, false
	}
	return out, true
}

func (a args) str(name string) string {
	v, ok := a.value(name)
	if !ok {
		return ""
	}
	if v, ok = a.convert(name, v, cty.String); !ok {
		return ""
	}
	return v.AsString()
}

func (a args) integer(name string) int {
	v, ok := a.value(name)
	if !ok {
		return 0
	}
	if v, ok = a.convert(name, v, cty.Number); !ok {
		return 0
	}
	n, acc := v.AsBigFloat().Int64()
	if acc != big.Exact || n != int64(int(n)) {
		a.c.failAt(a.body.Attributes[name].SrcRange, model.JoinPath(a.path, name), "a whole number is required")
	}
	return int(n)
}

func (a args) boolean(name string) bool {
	v, ok := a.value(name)
	if !ok {
		return false
	}
	if v, ok = a.convert(name, v, cty.Bool); !ok {
		return false
	}
	return v.True()
}

func (a args) strs(name string) []string {
	v, ok := a.value(name)
	if !ok {
		return nil
	}
	if v, ok = a.convert(name, v, cty.List(cty.String)); !ok {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e.AsString())
	}
	return out
}

// strMap reads a map of strings, keeping the order of an object literal,
// and records where it and each entry were given as member of src.
func (a args) strMap(name string, src *model.Source, member string) model.StringMap {
	at, ok := a.body.Attributes[name]
	if !ok {
		return nil
	}
	path := model.JoinPath(a.path, name)
	a.field(src, name, member)
	out := model.StringMap{}
	if lit, ok := at.Expr.(*hclsyntax.ObjectConsExpr); ok {
		for _, item := range lit.Items {
			k := a.c.eval(item.KeyExpr, path, a.inst)
			v := a.c.eval(item.ValueExpr, path, a.inst)
			ks, okk := a.asString(k, item.KeyExpr.Range(), path)
			vs, okv := a.asString(v, item.ValueExpr.Range(), path+"."+ks)
			if okk && okv {
				out.Set(ks, vs)
				src.SetField(member+"."+ks, model.Loc{File: at.SrcRange.Filename, Line: item.KeyExpr.Range().Start.Line, Path: path + "." + ks})
			}
		}
		return out
	}
	v, ok := a.value(name)
	if !ok {
		return out
	}
	if v, ok = a.convert(name, v, cty.Map(cty.String)); !ok {
		return out
	}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		out.Set(k.AsString(), e.AsString())
	}
	return out
}

func (a args) asString(v cty.Value, r hcl.Range, path string) (string, bool) {
	if !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		a.c.failAt(r, path, "Incorrect attribute value type: %s", err)
		return "", false
	}
	return s.AsString(), true
}

// boolMap reads a map of booleans (request_parameters of a method).
func (a args) boolMap(name string, src *model.Source, member string) map[string]bool {
	m := a.strMap(name, src, member)
	if m == nil {
		return nil
	}
	out := map[string]bool{}
	for _, e := range m {
		b, err := strconv.ParseBool(e.Value)
		if err != nil {
			a.c.failAt(a.body.Attributes[name].SrcRange, model.JoinPath(a.path, name)+"."+e.Key, "Incorrect attribute value type: a bool is required")
		}
		out[e.Key] = b
	}
	return out
}

// sub returns the nested block called name, if there is one.
func (a args) sub(name string) (args, bool) {
	for _, b := range a.body.Blocks {
		if b.Type == name {
			return args{c: a.c, inst: a.inst, body: b.Body, at: b.TypeRange, path: model.JoinPath(a.path, name)}, true
		}
	}
	return args{}, false
}
