package apigw

import "archway/internal/jsonvalue"

// ContextValue converts a JSON value (as jsonvalue.Parse returns it) into
// a $context value: every object becomes an opaque map, which renders as
// "" when printed whole, as AWS does, and every array a Java list.
func ContextValue(v any) any {
	switch x := v.(type) {
	case *jsonvalue.Map:
		m := jsonvalue.NewMap(x.Len())
		m.Opaque = true
		for i := 0; i < x.Len(); i++ {
			k, val := x.At(i)
			m.Put(jsonvalue.ToString(k), ContextValue(val))
		}
		return m
	case *jsonvalue.List:
		items := make([]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = ContextValue(it)
		}
		return jsonvalue.NewList(items...)
	}
	return v
}

// PlainValue converts a JSON value into a plain template value: objects
// stay ordered maps, arrays become JSON arrays (as for $stageVariables,
// parameters and extra variables).
func PlainValue(v any) any {
	switch x := v.(type) {
	case *jsonvalue.Map:
		m := jsonvalue.NewMap(x.Len())
		for i := 0; i < x.Len(); i++ {
			k, val := x.At(i)
			m.Put(jsonvalue.ToString(k), PlainValue(val))
		}
		return m
	case *jsonvalue.List:
		items := make([]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = PlainValue(it)
		}
		return jsonvalue.NewArray(items...)
	}
	return v
}

// newOpaque returns an empty $context map.
func newOpaque() *jsonvalue.Map {
	m := jsonvalue.NewMap(4)
	m.Opaque = true
	return m
}

// EnsureOverrides adds the writable override maps API Gateway always
// provides when the context lacks them: requestOverride with path,
// header and querystring, and responseOverride with header.
func EnsureOverrides(ctx *jsonvalue.Map) {
	ro := childMap(ctx, "requestOverride")
	for _, k := range [...]string{"path", "header", "querystring"} {
		childMap(ro, k)
	}
	so := childMap(ctx, "responseOverride")
	childMap(so, "header")
}

func childMap(m *jsonvalue.Map, key string) *jsonvalue.Map {
	if v, ok := m.Get(key); ok {
		if c, ok := v.(*jsonvalue.Map); ok {
			return c
		}
	}
	c := newOpaque()
	m.Put(key, c)
	return c
}
