package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// functions returns the functions a configuration may call; relative
// paths are read from dir.
func functions(dir string) map[string]function.Function {
	str := func(name string) function.Parameter { return function.Parameter{Name: name, Type: cty.String} }
	strFn := func(f func(string) string) function.Function {
		return function.New(&function.Spec{
			Params: []function.Parameter{str("s")}, Type: function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				return cty.StringVal(f(args[0].AsString())), nil
			},
		})
	}
	readFile := func(name string) (string, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return "", fmt.Errorf("no file exists at %s", name)
		}
		return string(data), nil
	}
	fns := map[string]function.Function{
		"lower":     strFn(strings.ToLower),
		"upper":     strFn(strings.ToUpper),
		"trimspace": strFn(strings.TrimSpace),
		"replace": function.New(&function.Spec{
			Params: []function.Parameter{str("s"), str("old"), str("new")}, Type: function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				return cty.StringVal(strings.ReplaceAll(args[0].AsString(), args[1].AsString(), args[2].AsString())), nil
			},
		}),
		"join": function.New(&function.Spec{
			Params:   []function.Parameter{str("separator")},
			VarParam: &function.Parameter{Name: "lists", Type: cty.List(cty.String)},
			Type:     function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				var parts []string
				for _, l := range args[1:] {
					for it := l.ElementIterator(); it.Next(); {
						_, e := it.Element()
						parts = append(parts, e.AsString())
					}
				}
				return cty.StringVal(strings.Join(parts, args[0].AsString())), nil
			},
		}),
		"format": function.New(&function.Spec{
			Params:   []function.Parameter{str("format")},
			VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType},
			Type:     function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				vals := make([]any, len(args)-1)
				for i, a := range args[1:] {
					s, err := convert.Convert(a, cty.String)
					if err != nil {
						return cty.NilVal, fmt.Errorf("argument %d: %w", i+1, err)
					}
					vals[i] = s.AsString()
				}
				return cty.StringVal(fmt.Sprintf(strings.ReplaceAll(args[0].AsString(), "%d", "%s"), vals...)), nil
			},
		}),
		"jsonencode": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowNull: true}},
			Type:   function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				b, err := ctyjson.Marshal(args[0], args[0].Type())
				if err != nil {
					return cty.NilVal, err
				}
				return cty.StringVal(string(b)), nil
			},
		}),
		"file": function.New(&function.Spec{
			Params: []function.Parameter{str("path")}, Type: function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				s, err := readFile(args[0].AsString())
				return cty.StringVal(s), err
			},
		}),
		"templatefile": function.New(&function.Spec{
			Params: []function.Parameter{str("path"), {Name: "vars", Type: cty.DynamicPseudoType}},
			Type:   function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				src, err := readFile(args[0].AsString())
				if err != nil {
					return cty.NilVal, err
				}
				return renderTemplate(args[0].AsString(), src, args[1])
			},
		}),
	}
	for name, f := range collectionFunctions() {
		fns[name] = f
	}
	for name, f := range encodingFunctions(dir) {
		fns[name] = f
	}
	return fns
}

// renderTemplate evaluates a template file with vars, an object or map.
func renderTemplate(name, src string, vars cty.Value) (cty.Value, error) {
	expr, ds := hclsyntax.ParseTemplate([]byte(src), name, hcl.InitialPos)
	if ds.HasErrors() {
		return cty.NilVal, ds
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}}
	if !vars.IsNull() && vars.IsKnown() && (vars.Type().IsObjectType() || vars.Type().IsMapType()) {
		for it := vars.ElementIterator(); it.Next(); {
			k, v := it.Element()
			ctx.Variables[k.AsString()] = v
		}
	}
	v, ds := expr.Value(ctx)
	if ds.HasErrors() {
		return cty.NilVal, ds
	}
	return convert.Convert(v, cty.String)
}
