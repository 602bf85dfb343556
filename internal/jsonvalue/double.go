package jsonvalue

import (
	"math"
	"math/big"
	"math/bits"
)

// This file reproduces Double.toString of the JDKs API Gateway runs (8 to
// 17): FloatingDecimal's dtoa, which is not always the shortest round-trip
// form. Integers between 2^53 and 2^63 print their exact digits (less a few
// insignificant ones), and the general case uses a digit-generation loop with
// a symmetric stopping test, so 3.3e22 prints as 3.2999999999999998E22. The
// algorithm follows the published structure of that code; the arithmetic
// below mirrors its int, long and big-integer paths, including their
// overflow behaviour, so the digits match bit for bit.

const (
	dExpShift    = 52
	dFractHOB    = uint64(1) << dExpShift
	dSignifMask  = dFractHOB - 1
	dExpMask     = uint64(0x7ff) << dExpShift
	dSignMask    = uint64(1) << 63
	dExpBias     = 1023
	dExpOne      = uint64(dExpBias) << dExpShift
	maxSmallBin  = 62
	minSmallBin  = -(63 / 3)
	maxDigitsBuf = 20
)

// insignificantDigitsNumber[p] is the number of decimal digits of 2^p that
// carry no information (floor(log10(2^p)) rounded down in steps).
var insignificantDigitsNumber = [...]int{
	0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3,
	4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7,
	8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11,
	12, 12, 12, 12, 13, 13, 13, 14, 14, 14,
	15, 15, 15, 15, 16, 16, 16, 17, 17, 17,
	18, 18, 18, 19,
}

// n5Bits[i] is about ceil(log2(5^i)).
var n5Bits = [...]int{
	0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31,
	33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61,
}

var small5Pow = [...]int32{
	1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
	9765625, 48828125, 244140625, 1220703125,
}

var long5Pow = func() [27]int64 {
	var p [27]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 5
	}
	return p
}()

func n5(i int) int {
	if i < len(n5Bits) {
		return n5Bits[i]
	}
	return i * 3
}

// dtoaBuf holds the decimal digits of one conversion: the value is
// 0.d1d2...dn × 10^decExponent.
type dtoaBuf struct {
	digits      [maxDigitsBuf]byte
	first       int
	nDigits     int
	decExponent int
}

// appendJavaDouble appends Double.toString(f) as JDK 8–17 print it.
func appendJavaDouble(dst []byte, f float64) []byte {
	b := math.Float64bits(f)
	neg := b&dSignMask != 0
	fract := b & dSignifMask
	binExp := int((b & dExpMask) >> dExpShift)
	if binExp == 0x7ff {
		switch {
		case fract != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Infinity"...)
		default:
			return append(dst, "Infinity"...)
		}
	}
	var nSig int
	if binExp == 0 {
		if fract == 0 {
			if neg {
				return append(dst, "-0.0"...)
			}
			return append(dst, "0.0"...)
		}
		lz := bits.LeadingZeros64(fract)
		shift := lz - (63 - dExpShift)
		fract <<= uint(shift)
		binExp = 1 - shift
		nSig = 64 - lz
	} else {
		fract |= dFractHOB
		nSig = dExpShift + 1
	}
	var d dtoaBuf
	d.dtoa(binExp-dExpBias, fract, nSig)
	return d.appendChars(dst, neg)
}

func (d *dtoaBuf) developLongDigits(lvalue int64, insignificant int) {
	decExp := 0
	if insignificant != 0 {
		pow10 := long5Pow[insignificant] << uint(insignificant)
		residue := lvalue % pow10
		lvalue /= pow10
		decExp += insignificant
		if residue >= pow10>>1 {
			lvalue++
		}
	}
	i := len(d.digits) - 1
	c := lvalue % 10
	lvalue /= 10
	for c == 0 {
		decExp++
		c = lvalue % 10
		lvalue /= 10
	}
	for lvalue != 0 {
		d.digits[i] = byte(c) + '0'
		i--
		decExp++
		c = lvalue % 10
		lvalue /= 10
	}
	d.digits[i] = byte(c) + '0'
	d.decExponent = decExp + 1
	d.first = i
	d.nDigits = len(d.digits) - i
}

func (d *dtoaBuf) dtoa(binExp int, fract uint64, nSig int) {
	tailZeros := bits.TrailingZeros64(fract)
	nFractBits := dExpShift + 1 - tailZeros
	nTinyBits := max(0, nFractBits-binExp-1)
	if binExp <= maxSmallBin && binExp >= minSmallBin &&
		nTinyBits < len(long5Pow) && nFractBits+n5Bits[nTinyBits] < 64 && nTinyBits == 0 {
		insignificant := 0
		if binExp > nSig {
			insignificant = insignificantDigitsForPow2(binExp - nSig - 1)
		}
		if binExp >= dExpShift {
			fract <<= uint(binExp - dExpShift)
		} else {
			fract >>= uint(dExpShift - binExp)
		}
		d.developLongDigits(int64(fract), insignificant)
		return
	}
	decExp := estimateDecExp(fract, binExp)
	b5 := max(0, -decExp)
	b2 := b5 + nTinyBits + binExp
	s5 := max(0, decExp)
	s2 := s5 + nTinyBits
	m5 := b5
	m2 := b2 - nSig
	fract >>= uint(tailZeros)
	b2 -= nFractBits - 1
	common := min(b2, s2)
	b2 -= common
	s2 -= common
	m2 -= common
	if nFractBits == 1 {
		m2--
	}
	if m2 < 0 {
		b2 -= m2
		s2 -= m2
		m2 = 0
	}
	bBits := nFractBits + b2 + n5(b5)
	tenSBits := s2 + 1 + n5(s5+1)
	var ndigit int
	var low, high bool
	var lowDiff int64
	switch {
	case bBits < 32 && tenSBits < 32:
		ndigit, decExp, low, high, lowDiff = d.digitsInt(int32(fract), b5, b2, s5, s2, m5, m2, decExp)
	case bBits < 64 && tenSBits < 64:
		ndigit, decExp, low, high, lowDiff = d.digitsLong(int64(fract), b5, b2, s5, s2, m5, m2, decExp)
	default:
		ndigit, decExp, low, high, lowDiff = d.digitsBig(fract, b5, b2, s5, s2, m5, m2, decExp)
	}
	d.decExponent = decExp + 1
	d.first = 0
	d.nDigits = ndigit
	if high {
		if low {
			if lowDiff == 0 {
				if d.digits[d.first+d.nDigits-1]&1 != 0 {
					d.roundup()
				}
			} else if lowDiff > 0 {
				d.roundup()
			}
		} else {
			d.roundup()
		}
	}
}

// digitsInt is the all-int32 digit loop (Java int arithmetic, wrapping).
func (d *dtoaBuf) digitsInt(fract int32, b5, b2, s5, s2, m5, m2, decExp int) (int, int, bool, bool, int64) {
	b := (fract * small5Pow[b5]) << uint(b2)
	s := small5Pow[s5] << uint(s2)
	m := small5Pow[m5] << uint(m2)
	tens := s * 10
	ndigit := 0
	q := b / s
	b = 10 * (b % s)
	m *= 10
	low := b < m
	high := b+m > tens
	if q == 0 && !high {
		decExp--
	} else {
		d.digits[ndigit] = byte('0' + q)
		ndigit++
	}
	if decExp < -3 || decExp >= 8 {
		high, low = false, false
	}
	for !low && !high {
		q = b / s
		b = 10 * (b % s)
		m *= 10
		if m > 0 {
			low = b < m
			high = b+m > tens
		} else {
			low, high = true, true
		}
		d.digits[ndigit] = byte('0' + q)
		ndigit++
	}
	return ndigit, decExp, low, high, int64((b << 1) - tens)
}

// digitsLong is the all-int64 digit loop (Java long arithmetic, wrapping).
func (d *dtoaBuf) digitsLong(fract int64, b5, b2, s5, s2, m5, m2, decExp int) (int, int, bool, bool, int64) {
	b := (fract * long5Pow[b5]) << uint(b2)
	s := long5Pow[s5] << uint(s2)
	m := long5Pow[m5] << uint(m2)
	tens := s * 10
	ndigit := 0
	q := b / s
	b = 10 * (b % s)
	m *= 10
	low := b < m
	high := b+m > tens
	if q == 0 && !high {
		decExp--
	} else {
		d.digits[ndigit] = byte('0' + q)
		ndigit++
	}
	if decExp < -3 || decExp >= 8 {
		high, low = false, false
	}
	for !low && !high {
		q = b / s
		b = 10 * (b % s)
		m *= 10
		if m > 0 {
			low = b < m
			high = b+m > tens
		} else {
			low, high = true, true
		}
		d.digits[ndigit] = byte('0' + q)
		ndigit++
	}
	return ndigit, decExp, low, high, (b << 1) - tens
}

// digitsBig is the arbitrary-precision digit loop. Its stopping test for
// "high" is inclusive, unlike the int and long loops, as in the original.
func (d *dtoaBuf) digitsBig(fract uint64, b5, b2, s5, s2, m5, m2, decExp int) (int, int, bool, bool, int64) {
	pow52 := func(p5, p2 int) *big.Int {
		v := new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(p5)), nil)
		return v.Lsh(v, uint(p2))
	}
	s := pow52(s5, s2)
	b := pow52(b5, b2)
	b.Mul(b, new(big.Int).SetUint64(fract))
	m := pow52(m5+1, m2+1)
	tenS := pow52(s5+1, s2+1)
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	sum := new(big.Int)
	quoRem := func() int {
		q.QuoRem(b, s, r)
		b.Mul(r, ten)
		return int(q.Int64())
	}
	ndigit := 0
	qd := quoRem()
	low := b.Cmp(m) < 0
	high := tenS.Cmp(sum.Add(b, m)) <= 0
	if qd == 0 && !high {
		decExp--
	} else {
		d.digits[ndigit] = byte('0' + qd)
		ndigit++
	}
	if decExp < -3 || decExp >= 8 {
		high, low = false, false
	}
	for !low && !high {
		qd = quoRem()
		m.Mul(m, ten)
		low = b.Cmp(m) < 0
		high = tenS.Cmp(sum.Add(b, m)) <= 0
		d.digits[ndigit] = byte('0' + qd)
		ndigit++
	}
	var lowDiff int64
	if high && low {
		lowDiff = int64(sum.Lsh(b, 1).Cmp(tenS))
	}
	return ndigit, decExp, low, high, lowDiff
}

func (d *dtoaBuf) roundup() {
	i := d.first + d.nDigits - 1
	q := d.digits[i]
	if q == '9' {
		for q == '9' && i > d.first {
			d.digits[i] = '0'
			i--
			q = d.digits[i]
		}
		if q == '9' {
			d.decExponent++
			d.digits[d.first] = '1'
			return
		}
	}
	d.digits[i] = q + 1
}

func insignificantDigitsForPow2(p2 int) int {
	if p2 > 1 && p2 < len(insignificantDigitsNumber) {
		return insignificantDigitsNumber[p2]
	}
	return 0
}

// estimateDecExp estimates floor(log10(value)); the products are forced
// to round separately so the compiler cannot fuse them.
func estimateDecExp(fract uint64, binExp int) int {
	d2 := math.Float64frombits(dExpOne | (fract & dSignifMask))
	t1 := float64((d2 - 1.5) * 0.289529654)
	t2 := float64(float64(binExp) * 0.301029995663981)
	dv := float64(t1+0.176091259) + t2
	db := math.Float64bits(dv)
	exponent := int((db&dExpMask)>>dExpShift) - dExpBias
	isNeg := db&dSignMask != 0
	switch {
	case exponent >= 0 && exponent < 52:
		mask := dSignifMask >> uint(exponent)
		r := int(((db & dSignifMask) | dFractHOB) >> uint(dExpShift-exponent))
		if !isNeg {
			return r
		}
		if mask&db == 0 {
			return -r
		}
		return -r - 1
	case exponent < 0:
		if db&^dSignMask == 0 || !isNeg {
			return 0
		}
		return -1
	default:
		return int(dv)
	}
}

// appendChars lays the digits out as Double.toString does: plain notation
// for decimal exponents 1..7 and -2..0, "d.dddE±n" otherwise.
func (d *dtoaBuf) appendChars(dst []byte, neg bool) []byte {
	if neg {
		dst = append(dst, '-')
	}
	digits := d.digits[d.first : d.first+d.nDigits]
	e := d.decExponent
	switch {
	case e > 0 && e < 8:
		n := min(len(digits), e)
		dst = append(dst, digits[:n]...)
		if n < e {
			for range e - n {
				dst = append(dst, '0')
			}
			return append(dst, ".0"...)
		}
		dst = append(dst, '.')
		if n < len(digits) {
			return append(dst, digits[n:]...)
		}
		return append(dst, '0')
	case e <= 0 && e > -3:
		dst = append(dst, "0."...)
		for range -e {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	default:
		dst = append(dst, digits[0], '.')
		if len(digits) > 1 {
			dst = append(dst, digits[1:]...)
		} else {
			dst = append(dst, '0')
		}
		dst = append(dst, 'E')
		exp := e - 1
		if e <= 0 {
			dst = append(dst, '-')
			exp = -e + 1
		}
		return appendSmallInt(dst, exp)
	}
}

func appendSmallInt(dst []byte, v int) []byte {
	var buf [8]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, buf[i:]...)
}
