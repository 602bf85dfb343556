package vtl

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/big"

	"archway/internal/javalang"
	"archway/internal/jsonvalue"
)

// mapEntry is a java.util.Map.Entry from entrySet().
type mapEntry struct {
	m        *jsonvalue.Map
	key, val any
}

// JavaString prints "key=value".
func (e *mapEntry) JavaString() string {
	return jsonvalue.ToString(e.key) + "=" + jsonvalue.ToString(e.val)
}

func (e *mapEntry) method(name string, args []any) (any, bool) {
	switch {
	case name == "getKey" && len(args) == 0:
		return e.key, true
	case name == "getValue" && len(args) == 0:
		return e.val, true
	case name == "setValue" && len(args) == 1:
		old := e.val
		e.val = args[0]
		e.m.Put(e.key, args[0])
		return old, true
	}
	return nil, false
}

// stringArray is the String[] that String.split returns.
type stringArray struct{ items []string }

// JavaString prints the array's identity, as Java does; the hash is made
// from the contents so output stays deterministic.
func (a *stringArray) JavaString() string {
	h := fnv.New32a()
	for _, s := range a.items {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("[Ljava.lang.String;@%x", h.Sum32())
}

func indexError(i, size int) error {
	return &javalang.Exception{Class: "java.lang.IndexOutOfBoundsException", Message: fmt.Sprintf("Index: %d, Size: %d", i, size)}
}

// indexOfItem is List.indexOf with Java equals.
func indexOfItem(items []any, o any) int {
	for i, it := range items {
		if javaEquals(it, o) {
			return i
		}
	}
	return -1
}

func (r *renderer) listMethod(l *jsonvalue.List, name string, args []any) (any, bool, error) {
	switch len(args) {
	case 0:
		switch name {
		case "size":
			return int64(len(l.Items)), true, nil
		case "count":
			if l.JSON {
				return int64(len(l.Items)), true, nil
			}
		case "isEmpty":
			return len(l.Items) == 0, true, nil
		case "clear":
			l.Items = l.Items[:0]
			return nil, true, nil
		case "toJSONString":
			if l.JSON {
				return string(jsonvalue.AppendJSON(nil, l)), true, nil
			}
		}
	case 1:
		a := args[0]
		switch name {
		case "get":
			i, ok := intArg(a)
			if !ok {
				return nil, false, nil
			}
			if i < 0 || i >= len(l.Items) {
				return nil, true, indexError(i, len(l.Items))
			}
			return l.Items[i], true, nil
		case "contains":
			return indexOfItem(l.Items, a) >= 0, true, nil
		case "indexOf":
			return int64(indexOfItem(l.Items, a)), true, nil
		case "lastIndexOf":
			for i := len(l.Items) - 1; i >= 0; i-- {
				if javaEquals(l.Items[i], a) {
					return int64(i), true, nil
				}
			}
			return int64(-1), true, nil
		case "add":
			l.Items = append(l.Items, a)
			return true, true, nil
		case "addAll":
			items := iterItems(a)
			if _, isList := a.(*jsonvalue.List); !isList {
				return nil, false, nil
			}
			l.Items = append(l.Items, items...)
			return len(items) > 0, true, nil
		case "containsAll":
			other, ok := a.(*jsonvalue.List)
			if !ok {
				return nil, false, nil
			}
			for _, it := range other.Items {
				if indexOfItem(l.Items, it) < 0 {
					return false, true, nil
				}
			}
			return true, true, nil
		case "remove":
			if i, ok := intArg(a); ok {
				if i < 0 || i >= len(l.Items) {
					return nil, true, indexError(i, len(l.Items))
				}
				old := l.Items[i]
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
				return old, true, nil
			}
			i := indexOfItem(l.Items, a)
			if i < 0 {
				return false, true, nil
			}
			l.Items = append(l.Items[:i], l.Items[i+1:]...)
			return true, true, nil
		}
	case 2:
		switch name {
		case "add":
			i, ok := intArg(args[0])
			if !ok {
				return nil, false, nil
			}
			if i < 0 || i > len(l.Items) {
				return nil, true, indexError(i, len(l.Items))
			}
			l.Items = append(l.Items, nil)
			copy(l.Items[i+1:], l.Items[i:])
			l.Items[i] = args[1]
			return nil, true, nil
		case "set":
			i, ok := intArg(args[0])
			if !ok {
				return nil, false, nil
			}
			if i < 0 || i >= len(l.Items) {
				return nil, true, indexError(i, len(l.Items))
			}
			old := l.Items[i]
			l.Items[i] = args[1]
			return old, true, nil
		case "subList":
			from, ok1 := intArg(args[0])
			to, ok2 := intArg(args[1])
			if !ok1 || !ok2 {
				return nil, false, nil
			}
			if from < 0 || to > len(l.Items) || from > to {
				return nil, true, &javalang.Exception{Class: "java.lang.IndexOutOfBoundsException",
					Message: fmt.Sprintf("fromIndex: %d, toIndex: %d, size: %d", from, to, len(l.Items))}
			}
			return &jsonvalue.List{Items: append([]any(nil), l.Items[from:to]...), JSON: l.JSON}, true, nil
		}
	}
	return nil, false, nil
}

func (r *renderer) mapMethod(m *jsonvalue.Map, name string, args []any) (any, bool, error) {
	switch len(args) {
	case 0:
		switch name {
		case "size":
			return int64(m.Len()), true, nil
		case "isEmpty":
			return m.Len() == 0, true, nil
		case "keySet":
			return jsonvalue.NewList(append([]any(nil), m.Keys()...)...), true, nil
		case "values":
			return jsonvalue.NewList(append([]any(nil), m.Values()...)...), true, nil
		case "entrySet":
			items := make([]any, m.Len())
			for i := range items {
				k, v := m.At(i)
				items[i] = &mapEntry{m: m, key: k, val: v}
			}
			return jsonvalue.NewList(items...), true, nil
		case "clear":
			m.Clear()
			return nil, true, nil
		}
	case 1:
		switch name {
		case "get":
			v, _ := m.Get(args[0])
			return v, true, nil
		case "containsKey":
			return m.Has(args[0]), true, nil
		case "containsValue":
			return indexOfItem(m.Values(), args[0]) >= 0, true, nil
		case "remove":
			return m.Remove(args[0]), true, nil
		case "putAll":
			other, ok := args[0].(*jsonvalue.Map)
			if !ok {
				return nil, false, nil
			}
			for i := 0; i < other.Len(); i++ {
				k, v := other.At(i)
				m.Put(k, v)
			}
			return nil, true, nil
		}
	case 2:
		switch name {
		case "put":
			return m.Put(args[0], args[1]), true, nil
		case "getOrDefault":
			if v, ok := m.Get(args[0]); ok {
				return v, true, nil
			}
			return args[1], true, nil
		case "putIfAbsent":
			if v, ok := m.Get(args[0]); ok && v != nil {
				return v, true, nil
			}
			m.Put(args[0], args[1])
			return nil, true, nil
		}
	}
	return nil, false, nil
}

func (r *renderer) arrayMethod(a *stringArray, name string, args []any) (any, bool, error) {
	items := make([]any, len(a.items))
	for i, s := range a.items {
		items[i] = s
	}
	switch name {
	case "size", "isEmpty", "get", "contains", "indexOf", "lastIndexOf", "subList", "containsAll":
		return r.listMethod(&jsonvalue.List{Items: items}, name, args)
	case "set":
		if len(args) == 2 {
			i, ok := intArg(args[0])
			s, isStr := args[1].(string)
			if !ok || !isStr {
				return nil, false, nil
			}
			if i < 0 || i >= len(a.items) {
				return nil, true, indexError(i, len(a.items))
			}
			old := a.items[i]
			a.items[i] = s
			return old, true, nil
		}
	}
	return nil, false, nil
}

func numberMethod(n any, name string, args []any) (any, bool, error) {
	if len(args) == 1 && name == "compareTo" {
		if c, ok := compareNumbers(n, args[0]); ok && sameNumberClass(n, args[0]) {
			return int64(c), true, nil
		}
		// Comparable's bridge method takes any Object and casts it.
		return nil, true, classCast(args[0], javaClassName(n))
	}
	if len(args) != 0 {
		return nil, false, nil
	}
	switch name {
	case "intValue":
		return int64(int32(toInt64(n))), true, nil
	case "longValue":
		return toInt64(n), true, nil
	case "doubleValue", "floatValue":
		return toFloat(n), true, nil
	case "isNaN":
		f, ok := n.(float64)
		return ok && math.IsNaN(f), ok, nil
	case "isInfinite":
		f, ok := n.(float64)
		return ok && math.IsInf(f, 0), ok, nil
	}
	return nil, false, nil
}

func sameNumberClass(a, b any) bool {
	return isFloat(a) == isFloat(b)
}

// toInt64 converts like Number.longValue().
func toInt64(n any) int64 {
	switch x := n.(type) {
	case int64:
		return x
	case float64:
		if math.IsNaN(x) {
			return 0
		}
		if x >= math.MaxInt64 {
			return math.MaxInt64
		}
		if x <= math.MinInt64 {
			return math.MinInt64
		}
		return int64(x)
	case *big.Int:
		return new(big.Int).And(x, new(big.Int).SetUint64(math.MaxUint64)).Int64()
	}
	return 0
}

func boolMethod(b bool, name string, args []any) (any, bool, error) {
	switch {
	case name == "booleanValue" && len(args) == 0:
		return b, true, nil
	case name == "compareTo" && len(args) == 1:
		o, ok := args[0].(bool)
		if !ok {
			return nil, true, classCast(args[0], "java.lang.Boolean")
		}
		switch {
		case b == o:
			return int64(0), true, nil
		case b:
			return int64(1), true, nil
		}
		return int64(-1), true, nil
	}
	return nil, false, nil
}
