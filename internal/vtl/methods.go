package vtl

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"archway/internal/javalang"
	"archway/internal/jsonvalue"
)

// callMethod invokes a Java-like method on a value. An unknown method
// gives null; an exception the method throws is a MethodError.
func (r *renderer) callMethod(recv any, name string, args []any, off int) (any, error) {
	var (
		res any
		ok  bool
		err error
	)
	switch x := recv.(type) {
	case string:
		res, ok, err = stringMethod(x, name, args)
	case *jsonvalue.List:
		res, ok, err = r.listMethod(x, name, args)
	case *jsonvalue.Map:
		res, ok, err = r.mapMethod(x, name, args)
	case int64, float64, *big.Int:
		res, ok, err = numberMethod(x, name, args)
	case bool:
		res, ok, err = boolMethod(x, name, args)
	case *mapEntry:
		res, ok = x.method(name, args)
	case *stringArray:
		res, ok, err = r.arrayMethod(x, name, args)
	case Object:
		res, ok, err = x.CallMethod(name, args)
	}
	if err != nil {
		return nil, r.errAt(MethodError, off, err, "invocation of method '%s' in %s threw exception %v", name, javaClassName(recv), err)
	}
	if ok {
		return res, nil
	}
	switch {
	case name == "toString" && len(args) == 0:
		return r.javaString(recv), nil
	case name == "equals" && len(args) == 1:
		return javaEquals(recv, args[0]), nil
	}
	return nil, nil
}

// javaClassName names the Java class a value stands for, for messages.
func javaClassName(v any) string {
	switch v.(type) {
	case string:
		return "java.lang.String"
	case int64:
		return "java.lang.Integer"
	case float64:
		return "java.lang.Double"
	case *big.Int:
		return "java.math.BigInteger"
	case bool:
		return "java.lang.Boolean"
	case *jsonvalue.List:
		return "java.util.ArrayList"
	case *jsonvalue.Map:
		return "java.util.LinkedHashMap"
	case *stringArray:
		return "java.lang.String[]"
	}
	return fmt.Sprintf("%T", v)
}

// classCast is the exception a Comparable's bridge method throws for an
// argument of another class.
func classCast(arg any, target string) error {
	return &javalang.Exception{Class: "java.lang.ClassCastException",
		Message: fmt.Sprintf("class %s cannot be cast to class %s", javaClassName(arg), target)}
}

// intArg converts a method argument to a Java int: Integer and Long values
// that fit. ok is false for any other type, as Java overloading would not
// apply the method.
func intArg(v any) (int, bool) {
	if n, ok := v.(int64); ok && n >= math.MinInt32 && n <= math.MaxInt32 {
		return int(n), true
	}
	return 0, false
}

// property resolves $obj.name as Velocity's introspection does: a map
// entry, a host property, or a getName()/isName() method.
func (r *renderer) property(v any, name string, off int) (any, error) {
	switch x := v.(type) {
	case *jsonvalue.Map:
		val, _ := x.Lookup(name)
		return val, nil
	case Object:
		if val, ok := x.Property(name); ok {
			return val, nil
		}
	}
	if name == "" {
		return nil, nil
	}
	up := upperFirst(name)
	for _, m := range [...]string{"get" + up, "get" + name, "is" + up} {
		res, err := r.callMethod(v, m, nil, off)
		if err != nil || res != nil {
			return res, err
		}
	}
	return nil, nil
}

// index resolves $obj[i].
func (r *renderer) index(v, idx any, off int) (any, error) {
	switch x := v.(type) {
	case *jsonvalue.List:
		i, ok := intArg(idx)
		if !ok {
			return nil, nil
		}
		if i < 0 {
			i += len(x.Items)
		}
		if i < 0 || i >= len(x.Items) {
			return nil, r.errAt(RuntimeError, off, nil, "index %v out of bounds for a list of size %d", idx, len(x.Items))
		}
		return x.Items[i], nil
	case *stringArray:
		i, ok := intArg(idx)
		if !ok {
			return nil, nil
		}
		if i < 0 {
			i += len(x.items)
		}
		if i < 0 || i >= len(x.items) {
			return nil, r.errAt(RuntimeError, off, nil, "index %v out of bounds for an array of length %d", idx, len(x.items))
		}
		return x.items[i], nil
	case *jsonvalue.Map:
		val, _ := x.Get(idx)
		return val, nil
	}
	return r.callMethod(v, "get", []any{idx}, off)
}

// setProperty performs #set($obj.name = v).
func (r *renderer) setProperty(obj any, name string, v any) error {
	if m, ok := obj.(*jsonvalue.Map); ok {
		m.Put(name, v)
	}
	return nil
}

// setIndex performs #set($obj[i] = v).
func (r *renderer) setIndex(obj, idx, v any, off int) error {
	switch x := obj.(type) {
	case *jsonvalue.Map:
		x.Put(idx, v)
	case *jsonvalue.List:
		i, ok := intArg(idx)
		if !ok {
			return nil
		}
		if i < 0 {
			i += len(x.Items)
		}
		if i < 0 || i >= len(x.Items) {
			return r.errAt(RuntimeError, off, nil, "index %v out of bounds for a list of size %d", idx, len(x.Items))
		}
		x.Items[i] = v
	case *stringArray:
		i, ok := intArg(idx)
		s, isStr := v.(string)
		if !ok || !isStr {
			return nil
		}
		if i < 0 {
			i += len(x.items)
		}
		if i < 0 || i >= len(x.items) {
			return r.errAt(RuntimeError, off, nil, "index %v out of bounds for an array of length %d", idx, len(x.items))
		}
		x.items[i] = s
	}
	return nil
}

// upperFirst is Velocity's capitalisation of a property name.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
