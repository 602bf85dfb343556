package jsonvalue

import (
	"math"
	"math/big"
	"strconv"
)

// Decimal is the Go form of java.math.BigDecimal: Unscaled × 10^-Scale.
// json-smart produces one for a number with a fraction or exponent written
// with more than 18 characters (e.g. 0.30000000000000004), and keeps its
// digits exactly: 1.10000000000000000000 prints as written.
type Decimal struct {
	Unscaled *big.Int
	Scale    int32
}

// parseDecimal reads s as new BigDecimal(s) does: an optional sign, digits
// with an optional '.', and an optional exponent. ok is false where Java
// throws NumberFormatException.
func parseDecimal(s string) (d *Decimal, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := make([]byte, 0, len(s))
	if s[:i] == "-" {
		digits = append(digits, '-')
	}
	nDigits, frac := 0, int64(0)
	seenPoint := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
			nDigits++
			if seenPoint {
				frac++
			}
			continue
		case c == '.' && !seenPoint:
			seenPoint = true
			continue
		}
		break
	}
	if nDigits == 0 {
		return nil, false
	}
	exp := int64(0)
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' || i+1 == len(s) {
			return nil, false
		}
		e, err := strconv.ParseInt(s[i+1:], 10, 32)
		if err != nil {
			return nil, false
		}
		exp = e
	}
	scale := frac - exp
	if scale < math.MinInt32 || scale > math.MaxInt32 {
		return nil, false
	}
	u, ok := new(big.Int).SetString(string(digits), 10)
	if !ok {
		return nil, false
	}
	return &Decimal{Unscaled: u, Scale: int32(scale)}, true
}

// JavaString returns BigDecimal.toString(): plain notation when the scale
// is not negative and the adjusted exponent is at least -6, scientific
// notation ("1.5E+30", "1E-21") otherwise.
func (d *Decimal) JavaString() string { return string(d.appendJava(nil)) }

func (d *Decimal) appendJava(dst []byte) []byte {
	if d.Unscaled.Sign() < 0 {
		dst = append(dst, '-')
	}
	coeff := new(big.Int).Abs(d.Unscaled).Append(nil, 10)
	scale := int64(d.Scale)
	if scale == 0 {
		return append(dst, coeff...)
	}
	adjusted := -scale + int64(len(coeff)-1)
	if scale >= 0 && adjusted >= -6 {
		pad := scale - int64(len(coeff))
		if pad >= 0 {
			dst = append(dst, "0."...)
			for ; pad > 0; pad-- {
				dst = append(dst, '0')
			}
			return append(dst, coeff...)
		}
		point := int64(len(coeff)) - scale
		dst = append(dst, coeff[:point]...)
		dst = append(dst, '.')
		return append(dst, coeff[point:]...)
	}
	dst = append(dst, coeff[0])
	if len(coeff) > 1 {
		dst = append(dst, '.')
		dst = append(dst, coeff[1:]...)
	}
	if adjusted != 0 {
		dst = append(dst, 'E')
		if adjusted > 0 {
			dst = append(dst, '+')
		}
		dst = strconv.AppendInt(dst, adjusted, 10)
	}
	return dst
}
