package jsonvalue

import (
	"math/big"
	"strconv"
)

// ToString returns Java's String.valueOf(v): "null" for nil, Double's
// toString for float64, "{k=v, k2=v2}" for a Map (""
// for an opaque one), "[a, b]" for a Java list and compact JSON for a
// JSONArray.
func ToString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	}
	return string(AppendString(nil, v))
}

// AppendString appends ToString(v) to dst.
func AppendString(dst []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...)
	case string:
		return append(dst, x...)
	case bool:
		return strconv.AppendBool(dst, x)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case *big.Int:
		return x.Append(dst, 10)
	case float64:
		return AppendDouble(dst, x)
	case *Map:
		if x.Opaque {
			return dst
		}
		dst = append(dst, '{')
		for i := range x.keys {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendSelf(dst, x.keys[i], x, "(this Map)")
			dst = append(dst, '=')
			dst = appendSelf(dst, x.vals[i], x, "(this Map)")
		}
		return append(dst, '}')
	case *List:
		if x.JSON {
			return AppendJSON(dst, x)
		}
		dst = append(dst, '[')
		for i, it := range x.Items {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendSelf(dst, it, x, "(this Collection)")
		}
		return append(dst, ']')
	case interface{ JavaString() string }:
		return append(dst, x.JavaString()...)
	}
	return dst
}

// appendSelf guards against a container that holds itself, as Java does.
func appendSelf(dst []byte, v, self any, word string) []byte {
	if v == self {
		return append(dst, word...)
	}
	return AppendString(dst, v)
}

// FormatDouble returns Java's Double.toString(f) as the JDKs API Gateway
// runs print it: plain notation with at least one fractional digit for
// 1e-3 <= |f| < 1e7, "d.dddE[-]n" otherwise, with FloatingDecimal's digits
// (which are not always the shortest round-trip form, e.g. 3.3e22 prints
// as 3.2999999999999998E22).
func FormatDouble(f float64) string { return string(AppendDouble(nil, f)) }

// AppendDouble appends FormatDouble(f) to dst.
func AppendDouble(dst []byte, f float64) []byte { return appendJavaDouble(dst, f) }
