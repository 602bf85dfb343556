package vtl

import "archway/internal/jsonvalue"

// node is a statement of the template tree: text, a reference to print
// or a directive.
type node interface {
	render(r *renderer) error
}

// expr is an expression: a literal, a reference or an operator.
type expr interface {
	value(r *renderer) (any, error)
}

// textNode is literal output.
type textNode struct{ s string }

// refNode prints a reference. Escaped references print their source.
type refNode struct {
	ref *refExpr
}

// refPartKind says what one link of a reference chain does.
type refPartKind uint8

const (
	partProperty refPartKind = iota // .name
	partMethod                      // .name(args)
	partIndex                       // [arg]
)

// refPart is one link of a reference chain.
type refPart struct {
	kind refPartKind
	name string
	args []expr // method arguments, or the one index expression
	off  int    // offset in the source, for errors
}

// refExpr is a reference: $name followed by properties, method calls and
// indexes, in any of the forms $a, $!a, ${a}, $!{a}.
type refExpr struct {
	root   string
	parts  []refPart
	silent bool
	src    string // the reference's source text
	off    int
}

// setNode is #set($ref = expr).
type setNode struct {
	target *refExpr
	rhs    expr
	off    int
}

// ifNode is #if / #elseif / #else / #end.
type ifNode struct {
	conds  []expr
	bodies [][]node
	orElse []node
}

// foreachNode is #foreach($var in iterable) ... #end.
type foreachNode struct {
	varName string
	iter    expr
	body    []node
	off     int
}

// macroDef is a #macro definition.
type macroDef struct {
	name   string
	params []string
	body   []node
}

// macroCallNode is #name(args), #name or #@name(args) body #end. When no
// macro of that name exists at render time, src is printed as text.
type macroCallNode struct {
	name string
	args []expr
	body []node // for #@name block calls
	src  string
	off  int
}

// defineNode is #define($name) body #end.
type defineNode struct {
	name string
	body []node
}

// evaluateNode is #evaluate(arg).
type evaluateNode struct {
	arg expr
	off int
}

// breakNode is #break or #break($scope).
type breakNode struct {
	scope expr // nil for the nearest scope
}

// stopNode is #stop.
type stopNode struct{}

// resourceNode is #include or #parse, which API Gateway cannot serve.
type resourceNode struct {
	directive string
	args      []expr
	off       int
}

// Literal expressions.
type (
	stringLit struct{ v any }        // a string, boxed once at parse time
	interpLit struct{ nodes []node } // double-quoted string with $ or #
	intLit    struct{ v any }        // int64 or *big.Int
	floatLit  struct{ v any }        // a float64, boxed once
	boolLit   struct{ v bool }
	listLit   struct {
		items  []expr
		shared *jsonvalue.List // the value, when every item is constant
	}
	mapLit struct {
		keys, vals []expr
		shared     *jsonvalue.Map // the value, when every entry is constant
	}
	rangeLit    struct{ from, to expr }
	parenExpr   struct{ e expr }
	notExpr     struct{ e expr }
	logicalExpr struct {
		and         bool
		left, right expr
	}
	binaryExpr struct {
		op          string // one of == != < > <= >= + - * / %
		left, right expr
		off         int
	}
)
