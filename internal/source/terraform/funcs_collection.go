package terraform

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// collectionFunctions are the collection and type-conversion functions
// count and for_each expressions commonly use (length(var.names),
// toset([...]), keys(local.routes), lookup(each.value, "method", "GET")),
// taken from go-cty's standard library, whose semantics Terraform's
// functions of the same names share.
func collectionFunctions() map[string]function.Function {
	return map[string]function.Function{
		"length":       stdlib.LengthFunc,
		"element":      stdlib.ElementFunc,
		"contains":     stdlib.ContainsFunc,
		"distinct":     stdlib.DistinctFunc,
		"flatten":      stdlib.FlattenFunc,
		"keys":         stdlib.KeysFunc,
		"values":       stdlib.ValuesFunc,
		"lookup":       stdlib.LookupFunc,
		"merge":        stdlib.MergeFunc,
		"zipmap":       stdlib.ZipmapFunc,
		"concat":       stdlib.ConcatFunc,
		"range":        stdlib.RangeFunc,
		"coalesce":     stdlib.CoalesceFunc,
		"coalescelist": stdlib.CoalesceListFunc,
		"substr":       stdlib.SubstrFunc,
		"split":        stdlib.SplitFunc,
		"tostring":     stdlib.MakeToFunc(cty.String),
		"tonumber":     stdlib.MakeToFunc(cty.Number),
		"tobool":       stdlib.MakeToFunc(cty.Bool),
		"tolist":       stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset":        stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tomap":        stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
	}
}
