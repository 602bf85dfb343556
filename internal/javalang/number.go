package javalang

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// javaDigit is Character.digit(ch, radix) for a UTF-16 code unit: ASCII
// and fullwidth Latin letters and every Unicode decimal digit (Nd) count.
// Supplementary characters are surrogates to Java's char-based parsers, so
// they are never digits.
func javaDigit(r rune, radix int) int {
	v := -1
	switch {
	case '0' <= r && r <= '9':
		v = int(r - '0')
	case 'a' <= r && r <= 'z':
		v = int(r-'a') + 10
	case 'A' <= r && r <= 'Z':
		v = int(r-'A') + 10
	case 0xFF21 <= r && r <= 0xFF3A:
		v = int(r-0xFF21) + 10
	case 0xFF41 <= r && r <= 0xFF5A:
		v = int(r-0xFF41) + 10
	case r >= utf8.RuneSelf && r < 0x10000 && unicode.Is(unicode.Nd, r):
		v = ndValue(r)
	}
	if v >= radix {
		return -1
	}
	return v
}

// ndValue is the value of a decimal digit: Nd characters come in runs of
// ten starting at zero.
func ndValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// parseJavaInt is Integer.parseInt / Long.parseLong (bits 32 or 64). On
// failure it returns the index (in code points) of the offending
// character.
func parseJavaInt(s string, radix, bits int) (int64, int, bool) {
	limit := -int64(math.MaxInt64)
	if bits == 32 {
		limit = -math.MaxInt32
	}
	units := []rune(s)
	if len(units) == 0 {
		return 0, 0, false
	}
	i, neg := 0, false
	if units[0] < '0' {
		switch units[0] {
		case '-':
			neg = true
			limit--
		case '+':
		default:
			return 0, 0, false
		}
		i++
		if len(units) == 1 {
			return 0, 1, false
		}
	}
	multmin := limit / int64(radix)
	var result int64
	for ; i < len(units); i++ {
		r := units[i]
		d := -1
		if r < 0x10000 {
			d = javaDigit(r, radix)
		}
		if d < 0 || result < multmin {
			return 0, i, false
		}
		result *= int64(radix)
		if result < limit+int64(d) {
			return 0, i, false
		}
		result -= int64(d)
	}
	if neg {
		return result, 0, true
	}
	return -result, 0, true
}

// parseIntRadix is Integer.parseInt(s, radix).
func parseIntRadix(s string, radix int) (int64, error) {
	v, _, ok := parseJavaInt(s, radix, 32)
	if !ok {
		return 0, forInputString(s)
	}
	return v, nil
}

// ParseInt is Integer.parseInt(s): an optional sign and decimal digits
// (any Unicode decimal digits), within the int32 range. Failure is
// NumberFormatException `For input string: "s"`.
func ParseInt(s string) (int64, error) {
	return parseIntRadix(s, 10)
}

// ParseLong is Long.parseLong(s), within the int64 range.
func ParseLong(s string) (int64, error) {
	v, _, ok := parseJavaInt(s, 10, 64)
	if !ok {
		return 0, forInputString(s)
	}
	return v, nil
}

// ParseDouble is Double.parseDouble(s): surrounding characters <= U+0020
// are ignored; accepted are "NaN", "[+-]Infinity", decimal numbers with an
// optional exponent, hexadecimal ones with a binary exponent ("0x1.8p1"),
// each optionally followed by one of "fFdD". Out-of-range values become
// ±Infinity or ±0. Anything else is NumberFormatException.
func ParseDouble(s string) (float64, error) {
	in := Trim(s)
	if in == "" {
		return 0, newException(ClassNumberFormat, "empty String")
	}
	body := in
	sign := ""
	if body[0] == '+' || body[0] == '-' {
		sign, body = body[:1], body[1:]
	}
	switch body {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		if sign == "-" {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	}
	if n := len(body); n > 0 && strings.ContainsRune("fFdD", rune(body[n-1])) {
		body = body[:n-1]
	}
	var ok bool
	if len(body) > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		ok = validHexFloat(body[2:])
	} else {
		ok = validDecimal(body)
	}
	if !ok {
		return 0, forInputString(in)
	}
	f, err := strconv.ParseFloat(sign+body, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, forInputString(in)
	}
	return f, nil
}

// digitsEnd returns the end of a run of characters accepted by ok.
func digitsEnd(s string, i int, ok func(byte) bool) int {
	for i < len(s) && ok(s[i]) {
		i++
	}
	return i
}

func isDecDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHexByte(c byte) bool { return isHexDigit(rune(c)) }

// validDecimal checks digits[.digits][(e|E)[+-]digits] with at least one
// mantissa digit.
func validDecimal(s string) bool {
	i := digitsEnd(s, 0, isDecDigit)
	n := i
	if i < len(s) && s[i] == '.' {
		j := digitsEnd(s, i+1, isDecDigit)
		n += j - i - 1
		i = j
	}
	if n == 0 {
		return false
	}
	return validExponent(s, i, "eE")
}

// validHexFloat checks hexdigits[.hexdigits](p|P)[+-]digits after "0x".
func validHexFloat(s string) bool {
	i := digitsEnd(s, 0, isHexByte)
	n := i
	if i < len(s) && s[i] == '.' {
		j := digitsEnd(s, i+1, isHexByte)
		n += j - i - 1
		i = j
	}
	if n == 0 || i == len(s) {
		return false
	}
	return validExponent(s, i, "pP")
}

// validExponent checks that s[i:] is empty (when marks is "eE") or an
// exponent introduced by one of marks.
func validExponent(s string, i int, marks string) bool {
	if i == len(s) {
		return marks == "eE"
	}
	if !strings.ContainsRune(marks, rune(s[i])) {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := digitsEnd(s, i, isDecDigit)
	return j > i && j == len(s)
}
