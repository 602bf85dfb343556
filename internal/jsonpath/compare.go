package jsonpath

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"archway/internal/jsonvalue"
)

// safeCompare is Jayway's Criteria.safeCompare(left, right). ok is false
// when the types do not compare (ValueCompareException, which makes the
// criterion false); err is set where Java throws NumberFormatException,
// i.e. a number compared with a string that is not a number.
//
// Same object, or both null-ish (null or the string "null"): equal. One
// null-ish: it is smaller. Two strings: UTF-16 order. Two numbers, or a
// string and a number: BigDecimal order. A string and a boolean:
// Boolean.valueOf(string) against it. Anything else does not compare.
func safeCompare(left, right any) (cmp int, ok bool, err error) {
	if sameObject(left, right) {
		return 0, true, nil
	}
	ln, rn := isNullish(left), isNullish(right)
	switch {
	case ln && rn:
		return 0, true, nil
	case ln:
		return -1, true, nil
	case rn:
		return 1, true, nil
	}
	ls, lIsString := asString(left)
	rs, rIsString := asString(right)
	_, rIsNumber := numberString(right)
	switch {
	case lIsString && rIsString:
		if strings.Contains(ls, "'") {
			ls = strings.ReplaceAll(ls, `\'`, "'")
		}
		return compareUTF16(ls, rs), true, nil
	case rIsNumber && (lIsString || isNumber(left)):
		l, err := numberOf(left)
		if err != nil {
			return 0, false, err
		}
		r, err := numberOf(right)
		if err != nil {
			return 0, false, err
		}
		return l.cmp(r), true, nil
	}
	lb, lIsBool := left.(bool)
	rb, rIsBool := right.(bool)
	if rIsBool && (lIsString || lIsBool) {
		if lIsString {
			lb = strings.EqualFold(ls, "true")
		}
		switch {
		case lb == rb:
			return 0, true, nil
		case rb:
			return -1, true, nil
		}
		return 1, true, nil
	}
	return 0, false, nil
}

// sameObject is Java's reference equality for the values that have one.
func sameObject(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case *jsonvalue.Map:
		y, ok := b.(*jsonvalue.Map)
		return ok && x == y
	case *jsonvalue.List:
		y, ok := b.(*jsonvalue.List)
		return ok && x == y
	case *operand:
		y, ok := b.(*operand)
		return ok && x == y
	case *javaRegex:
		y, ok := b.(*javaRegex)
		return ok && x == y
	}
	return false
}

func isNullish(v any) bool {
	if v == nil {
		return true
	}
	s, ok := asString(v)
	return ok && s == "null"
}

func asString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case *operand:
		return x.str, true
	}
	return "", false
}

func isNumber(v any) bool {
	_, ok := numberString(v)
	return ok
}

// numberString is Number.toString for the Java number types.
func numberString(v any) (string, bool) {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10), true
	case *big.Int:
		return x.String(), true
	case float64:
		return jsonvalue.FormatDouble(x), true
	case *jsonvalue.Decimal:
		return x.JavaString(), true
	}
	return "", false
}

// numberOf is new BigDecimal(v.toString()).
func numberOf(v any) (decimal, error) {
	if o, ok := v.(*operand); ok {
		if !o.numOK {
			return decimal{}, errNotANumberFor(o.str)
		}
		return o.num, nil
	}
	s, _ := numberString(v)
	if str, ok := v.(string); ok {
		s = str
	}
	d, ok := parseBigDecimal(s)
	if !ok {
		return decimal{}, errNotANumberFor(s)
	}
	return d, nil
}

func errNotANumberFor(s string) error {
	return errors.New(strconv.Quote(s) + " is compared with a number but is not one")
}

// decimal is a parsed BigDecimal reduced for comparison: the value is
// (neg ? -1 : 1) × 0.digits × 10^exp, digits without leading or trailing
// zeros; no digits means zero.
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

// parseBigDecimal accepts what new BigDecimal(String) accepts: a sign,
// digits (any Unicode decimal digits) with at most one '.', and an
// exponent within the int range.
func parseBigDecimal(s string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.neg = s[i] == '-'
		i++
	}
	var digits []byte
	intDigits, seenPoint, sawDigit := int64(0), false, false
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if r == '.' && !seenPoint {
			seenPoint = true
			i += w
			continue
		}
		v := digitValue(r)
		if v < 0 {
			break
		}
		sawDigit = true
		if v == 0 && len(digits) == 0 {
			if seenPoint {
				intDigits--
			}
		} else {
			digits = append(digits, byte('0'+v))
			if !seenPoint {
				intDigits++
			}
		}
		i += w
	}
	if !sawDigit {
		return decimal{}, false
	}
	var exp int64
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return decimal{}, false
		}
		e, err := strconv.ParseInt(s[i+1:], 10, 32)
		if err != nil || i+1 == len(s) {
			return decimal{}, false
		}
		exp = e
	}
	d.digits = strings.TrimRight(string(digits), "0")
	if d.digits == "" {
		return decimal{}, true
	}
	d.exp = intDigits + exp
	return d, true
}

func (a decimal) cmp(b decimal) int {
	az, bz := a.digits == "", b.digits == ""
	switch {
	case az && bz:
		return 0
	case az:
		if b.neg {
			return 1
		}
		return -1
	case bz:
		if a.neg {
			return -1
		}
		return 1
	case a.neg != b.neg:
		if a.neg {
			return -1
		}
		return 1
	}
	mag := 0
	switch {
	case a.exp != b.exp:
		mag = 1
		if a.exp < b.exp {
			mag = -1
		}
	default:
		mag = strings.Compare(a.digits, b.digits)
	}
	if a.neg {
		return -mag
	}
	return mag
}

// compareUTF16 orders strings as String.compareTo does, by UTF-16 code
// units: a character above U+FFFF sorts as its high surrogate, below
// U+E000–U+FFFF.
func compareUTF16(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) {
		return len(a) - len(b)
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	ra, _ := utf8.DecodeRuneInString(a[i:])
	rb, _ := utf8.DecodeRuneInString(b[i:])
	ka, kb := utf16Key(ra), utf16Key(rb)
	if ka == kb {
		ka, kb = ra, rb
	}
	if ka < kb {
		return -1
	}
	return 1
}

func utf16Key(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}
