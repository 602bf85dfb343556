package jsonvalue

// List is the Go form of java.util.ArrayList. When JSON is set it is a
// json-smart JSONArray (what JSONPath and parseJson return), which prints
// itself as compact JSON instead of Java's "[a, b]".
type List struct {
	Items []any
	JSON  bool
}

// NewList returns a Java ArrayList holding items.
func NewList(items ...any) *List { return &List{Items: items} }

// NewArray returns a JSONArray holding items.
func NewArray(items ...any) *List { return &List{Items: items, JSON: true} }

// Len returns the number of items.
func (l *List) Len() int { return len(l.Items) }
