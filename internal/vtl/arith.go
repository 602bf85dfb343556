package vtl

import (
	"math"
	"math/big"
	"strconv"

	"archway/internal/jsonvalue"
)

// arith applies + - * / % to two numbers with Velocity 1.7's MathUtils
// rules: integers stay integers (widening to BigInteger on overflow and
// truncating on division), anything with a Double is a Double, and
// division or remainder by zero, or a non-number operand, gives null.
func arith(op string, a, b any) any {
	if !isNumber(a) || !isNumber(b) {
		return nil
	}
	fa, aFloat := a.(float64)
	fb, bFloat := b.(float64)
	if aFloat || bFloat || isDecimal(a) || isDecimal(b) {
		if !aFloat {
			fa = toFloat(a)
		}
		if !bFloat {
			fb = toFloat(b)
		}
		switch op {
		case "+":
			return fa + fb
		case "-":
			return fa - fb
		case "*":
			return fa * fb
		case "/":
			if fb == 0 {
				return nil
			}
			return fa / fb
		case "%":
			if fb == 0 {
				return nil
			}
			return math.Mod(fa, fb)
		}
		return nil
	}
	ia, aInt := a.(int64)
	ib, bInt := b.(int64)
	if aInt && bInt {
		if r, ok := intArith(op, ia, ib); ok {
			return r
		}
		if (op == "/" || op == "%") && ib == 0 {
			return nil
		}
	}
	x, y := toBig(a), toBig(b)
	z := new(big.Int)
	switch op {
	case "+":
		z.Add(x, y)
	case "-":
		z.Sub(x, y)
	case "*":
		z.Mul(x, y)
	case "/":
		if y.Sign() == 0 {
			return nil
		}
		z.Quo(x, y)
	case "%":
		if y.Sign() == 0 {
			return nil
		}
		z.Rem(x, y)
	default:
		return nil
	}
	if z.IsInt64() {
		return z.Int64()
	}
	return z
}

// intArith computes op on int64s; ok is false on overflow or division
// by zero.
func intArith(op string, a, b int64) (int64, bool) {
	switch op {
	case "+":
		s := a + b
		return s, (s > a) == (b > 0)
	case "-":
		d := a - b
		return d, (d < a) == (b > 0)
	case "*":
		if a == 0 || b == 0 {
			return 0, true
		}
		p := a * b
		return p, p/b == a && !(a == -1 && b == math.MinInt64) && !(b == -1 && a == math.MinInt64)
	case "/":
		if b == 0 || (a == math.MinInt64 && b == -1) {
			return 0, false
		}
		return a / b, true
	case "%":
		if b == 0 {
			return 0, false
		}
		if b == -1 {
			return 0, true
		}
		return a % b, true
	}
	return 0, false
}

func isNumber(v any) bool {
	switch v.(type) {
	case int64, float64, *big.Int, *jsonvalue.Decimal:
		return true
	}
	return false
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case *jsonvalue.Decimal:
		// BigDecimal arithmetic is approximated with doubles.
		f, _ := strconv.ParseFloat(x.JavaString(), 64)
		return f
	}
	return 0
}

func toBig(v any) *big.Int {
	switch x := v.(type) {
	case int64:
		return big.NewInt(x)
	case *big.Int:
		return x
	}
	return new(big.Int)
}

// compareNumbers orders two numbers; ok is false unless both are numbers.
func compareNumbers(a, b any) (int, bool) {
	if !isNumber(a) || !isNumber(b) {
		return 0, false
	}
	ia, aInt := a.(int64)
	ib, bInt := b.(int64)
	switch {
	case aInt && bInt:
		switch {
		case ia < ib:
			return -1, true
		case ia > ib:
			return 1, true
		}
		return 0, true
	case isFloat(a) || isFloat(b):
		fa, fb := toFloat(a), toFloat(b)
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		}
		return 0, true
	}
	return toBig(a).Cmp(toBig(b)), true
}

func isFloat(v any) bool {
	switch v.(type) {
	case float64, *jsonvalue.Decimal:
		return true
	}
	return false
}

func isDecimal(v any) bool {
	_, ok := v.(*jsonvalue.Decimal)
	return ok
}

// equal is Velocity 1.7's == : numbers compare by value, values of related
// classes with equals(), anything else by comparing toString().
func (r *renderer) equal(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if c, ok := compareNumbers(a, b); ok {
		return c == 0
	}
	if sameFamily(a, b) {
		return javaEquals(a, b)
	}
	return r.javaString(a) == r.javaString(b)
}

// sameFamily reports whether one value's class is assignable from the
// other's in Java.
func sameFamily(a, b any) bool {
	switch a.(type) {
	case string:
		_, ok := b.(string)
		return ok
	case bool:
		_, ok := b.(bool)
		return ok
	case *jsonvalue.List:
		_, ok := b.(*jsonvalue.List)
		return ok
	case *jsonvalue.Map:
		_, ok := b.(*jsonvalue.Map)
		return ok
	case *mapEntry:
		_, ok := b.(*mapEntry)
		return ok
	}
	return a == b
}

// javaEquals is Object.equals: numbers of different classes differ,
// collections compare element by element.
func javaEquals(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case string, bool, int64, float64:
		return a == b
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	case *jsonvalue.List:
		y, ok := b.(*jsonvalue.List)
		if !ok || len(x.Items) != len(y.Items) {
			return false
		}
		for i := range x.Items {
			if !javaEquals(x.Items[i], y.Items[i]) {
				return false
			}
		}
		return true
	case *jsonvalue.Map:
		y, ok := b.(*jsonvalue.Map)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for i := 0; i < x.Len(); i++ {
			k, v := x.At(i)
			w, found := y.Get(k)
			if !found || !javaEquals(v, w) {
				return false
			}
		}
		return true
	case *mapEntry:
		y, ok := b.(*mapEntry)
		return ok && javaEquals(x.key, y.key) && javaEquals(x.val, y.val)
	}
	return a == b
}
