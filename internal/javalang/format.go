package javalang

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"archway/internal/jsonvalue"
)

// Format flags, in java.util.Formatter.Flags order.
const (
	fLeft     = 1 << iota // '-'
	fAlt                  // '#'
	fPlus                 // '+'
	fSpace                // ' '
	fZero                 // '0'
	fGroup                // ','
	fParen                // '('
	fPrevious             // '<'
	fUpper                // set for upper-case conversions
)

const flagChars = "-#+ 0,(<"

// spec is one format specifier.
type spec struct {
	index     int // 0 ordinary, -1 previous ('<'), -2 text (%% %n), > 0 explicit
	flags     int
	width     int // -1 when absent
	precision int // -1 when absent
	conv      byte
	dateTime  bool
}

func flagString(f int) string {
	var sb strings.Builder
	for i := 0; i < len(flagChars); i++ {
		if f&(1<<i) != 0 {
			sb.WriteByte(flagChars[i])
		}
	}
	return sb.String()
}

// String rebuilds the specifier as Java prints it in messages.
func (sp *spec) String() string {
	var sb strings.Builder
	sb.WriteByte('%')
	sb.WriteString(flagString(sp.flags &^ fUpper))
	if sp.index > 0 {
		sb.WriteString(strconv.Itoa(sp.index) + "$")
	}
	if sp.width != -1 {
		sb.WriteString(strconv.Itoa(sp.width))
	}
	if sp.precision != -1 {
		sb.WriteString("." + strconv.Itoa(sp.precision))
	}
	c := sp.conv
	if sp.flags&fUpper != 0 {
		if sp.dateTime {
			sb.WriteByte('T')
		}
		c = strings.ToUpper(string(c))[0]
	} else if sp.dateTime {
		sb.WriteByte('t')
	}
	sb.WriteByte(c)
	return sb.String()
}

func isConversion(c byte) bool {
	return strings.IndexByte("bBhHsScCdoxXeEfgGaAtT%n", c) >= 0
}

// Format is String.format(format, args...) in an English locale. The
// arguments are template values: nil, string, bool, int64 (Integer when it
// fits in 32 bits, else Long), int, float64 (Double), *big.Int, or
// anything jsonvalue.ToString renders. Supported conversions: %s %S %b %B
// %h %H %c %C %d %o %x %X %e %E %f %g %G %% %n, with argument indices,
// flags, width and precision. %a and the %t date/time conversions are
// java.lang.UnsupportedOperationException. Misuse raises the exception
// java.util.Formatter would (UnknownFormatConversionException,
// MissingFormatArgumentException, IllegalFormatConversionException, ...).
func Format(format string, args ...any) (string, error) {
	type piece struct {
		text string
		sp   *spec
	}
	var pieces []piece
	for i := 0; i < len(format); {
		n := strings.IndexByte(format[i:], '%')
		if n < 0 {
			pieces = append(pieces, piece{text: format[i:]})
			break
		}
		if n > 0 {
			pieces = append(pieces, piece{text: format[i : i+n]})
		}
		i += n + 1
		if i >= len(format) {
			return "", newException(ClassUnknownFormatConversion, "Conversion = '%'")
		}
		sp, next, err := parseSpec(format, i)
		if err != nil {
			return "", err
		}
		pieces = append(pieces, piece{sp: sp})
		i = next
	}
	var sb strings.Builder
	last, lasto := -1, -1
	for _, p := range pieces {
		if p.sp == nil {
			sb.WriteString(p.text)
			continue
		}
		sp := p.sp
		var arg any
		switch {
		case sp.index == -2:
		case sp.index == -1:
			if last < 0 || last >= len(args) {
				return "", newException(ClassMissingFormatArgument, "Format specifier '"+sp.String()+"'")
			}
			arg = args[last]
		case sp.index == 0:
			lasto++
			last = lasto
			if lasto >= len(args) {
				return "", newException(ClassMissingFormatArgument, "Format specifier '"+sp.String()+"'")
			}
			arg = args[lasto]
		default:
			last = sp.index - 1
			if last >= len(args) {
				return "", newException(ClassMissingFormatArgument, "Format specifier '"+sp.String()+"'")
			}
			arg = args[last]
		}
		if err := sp.print(&sb, arg); err != nil {
			return "", err
		}
	}
	return sb.String(), nil
}

// parseSpec parses the specifier after the '%' at format[i-1]:
// %[index$][flags][width][.precision][tT]conversion.
func parseSpec(format string, i int) (*spec, int, error) {
	unknown := func() error {
		c, _, _ := nextUnits(format, i, 1)
		return newException(ClassUnknownFormatConversion, "Conversion = '"+c+"'")
	}
	sp := &spec{width: -1, precision: -1}
	if c := format[i]; isConversion(c) {
		sp.setConversion(c)
		return sp, i + 1, nil
	}
	j := i
	// Argument index: digits followed by '$'.
	k := digitsEnd(format, j, isDecDigit)
	if k > j && k < len(format) && format[k] == '$' {
		idx, err := strconv.Atoi(format[j:k])
		if err != nil || idx <= 0 || idx > math.MaxInt32 {
			if err != nil || idx > math.MaxInt32 {
				idx = math.MinInt32
			}
			return nil, 0, newException("java.util.IllegalFormatArgumentIndexException",
				"Illegal format argument index = "+strconv.Itoa(idx))
		}
		sp.index = idx
		j = k + 1
	}
	flagStart := j
	for j < len(format) && strings.IndexByte(flagChars, format[j]) >= 0 {
		j++
	}
	k = digitsEnd(format, j, isDecDigit)
	widthStart, widthEnd := j, k
	j = k
	precStart, precEnd := -1, -1
	if j < len(format) && format[j] == '.' {
		if k = digitsEnd(format, j+1, isDecDigit); k > j+1 {
			precStart, precEnd = j+1, k
			j = k
		}
	}
	if j < len(format) && (format[j] == 't' || format[j] == 'T') {
		sp.dateTime = true
		if format[j] == 'T' {
			sp.flags |= fUpper
		}
		j++
	}
	if j >= len(format) || !isASCIILetterOrPercent(format[j]) {
		return nil, 0, unknown()
	}
	for _, c := range []byte(format[flagStart:widthStart]) {
		f := 1 << strings.IndexByte(flagChars, c)
		if sp.flags&f != 0 {
			return nil, 0, newException(ClassDuplicateFormatFlags, "Flags = '"+string(c)+"'")
		}
		sp.flags |= f
	}
	if sp.flags&fPrevious != 0 {
		sp.index = -1
	}
	if widthEnd > widthStart {
		w, err := strconv.Atoi(format[widthStart:widthEnd])
		if err != nil || w > math.MaxInt32 {
			return nil, 0, newException(ClassIllegalFormatWidth, strconv.Itoa(math.MinInt32))
		}
		sp.width = w
	}
	if precStart >= 0 {
		p, err := strconv.Atoi(format[precStart:precEnd])
		if err != nil || p > math.MaxInt32 {
			return nil, 0, newException(ClassIllegalFormatPrecision, strconv.Itoa(math.MinInt32))
		}
		sp.precision = p
	}
	c := format[j]
	if !sp.dateTime {
		if !isConversion(c) {
			return nil, 0, newException(ClassUnknownFormatConversion, "Conversion = '"+string(c)+"'")
		}
		sp.setConversion(c)
	} else {
		sp.conv = c
	}
	if err := sp.check(); err != nil {
		return nil, 0, err
	}
	if sp.width > MaxRepeatLength || sp.precision > MaxRepeatLength {
		// Java would try to build the padded text and run out of heap.
		return nil, 0, newException(ClassOutOfMemory, "Java heap space")
	}
	return sp, j + 1, nil
}

func isASCIILetterOrPercent(c byte) bool {
	return c == '%' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func (sp *spec) setConversion(c byte) {
	if 'A' <= c && c <= 'Z' {
		sp.flags |= fUpper
		c += 'a' - 'A'
	}
	sp.conv = c
	if c == '%' || c == 'n' {
		sp.index = -2
	}
}

func (sp *spec) has(f int) bool { return sp.flags&f != 0 }

func (sp *spec) mismatch(f int) error {
	return newException(ClassFormatFlagsMismatch, "Conversion = "+string(sp.conv)+", Flags = "+flagString(f))
}

func (sp *spec) badFlags(fs ...int) error {
	for _, f := range fs {
		if sp.has(f) {
			return sp.mismatch(f)
		}
	}
	return nil
}

func (sp *spec) missingWidth() error {
	return newException(ClassMissingFormatWidth, sp.String())
}

func (sp *spec) precisionError() error {
	return newException(ClassIllegalFormatPrecision, strconv.Itoa(sp.precision))
}

// check validates flags, width and precision for the conversion.
func (sp *spec) check() error {
	if sp.dateTime {
		return unsupported("String.format %t date/time conversions")
	}
	switch sp.conv {
	case 'b', 'h', 's':
		if sp.conv != 's' && sp.has(fAlt) {
			return sp.mismatch(fAlt)
		}
		if sp.width == -1 && sp.has(fLeft) {
			return sp.missingWidth()
		}
		return sp.badFlags(fPlus, fSpace, fZero, fGroup, fParen)
	case 'c':
		if sp.precision != -1 {
			return sp.precisionError()
		}
		if err := sp.badFlags(fAlt, fPlus, fSpace, fZero, fGroup, fParen); err != nil {
			return err
		}
		if sp.width == -1 && sp.has(fLeft) {
			return sp.missingWidth()
		}
	case 'd', 'o', 'x':
		if err := sp.checkNumeric(); err != nil {
			return err
		}
		if sp.precision != -1 {
			return sp.precisionError()
		}
		if sp.conv == 'd' {
			return sp.badFlags(fAlt)
		}
		return sp.badFlags(fGroup)
	case 'e', 'f', 'g', 'a':
		if err := sp.checkNumeric(); err != nil {
			return err
		}
		switch sp.conv {
		case 'a':
			return sp.badFlags(fParen, fGroup)
		case 'e':
			return sp.badFlags(fGroup)
		case 'g':
			return sp.badFlags(fAlt)
		}
	case '%':
		if sp.precision != -1 {
			return sp.precisionError()
		}
		if sp.flags&^fUpper != 0 && sp.flags&^fUpper != fLeft {
			return newException(ClassIllegalFormatFlags, "Flags = '"+flagString(sp.flags&^fUpper)+"'")
		}
		if sp.width == -1 && sp.has(fLeft) {
			return sp.missingWidth()
		}
	case 'n':
		if sp.precision != -1 {
			return sp.precisionError()
		}
		if sp.width != -1 {
			return newException(ClassIllegalFormatWidth, strconv.Itoa(sp.width))
		}
		if sp.flags&^fUpper != 0 {
			return newException(ClassIllegalFormatFlags, "Flags = '"+flagString(sp.flags&^fUpper)+"'")
		}
	}
	return nil
}

func (sp *spec) checkNumeric() error {
	if sp.width == -1 && (sp.has(fLeft) || sp.has(fZero)) {
		return sp.missingWidth()
	}
	if sp.has(fPlus) && sp.has(fSpace) || sp.has(fLeft) && sp.has(fZero) {
		return newException(ClassIllegalFormatFlags, "Flags = '"+flagString(sp.flags&^fUpper)+"'")
	}
	return nil
}

// javaClassName names the Java class of a template value, for
// IllegalFormatConversionException.
func javaClassName(v any) string {
	switch x := v.(type) {
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case int64:
		if x == int64(int32(x)) {
			return "java.lang.Integer"
		}
		return "java.lang.Long"
	case int:
		return javaClassName(int64(x))
	case float64:
		return "java.lang.Double"
	case *big.Int:
		return "java.math.BigInteger"
	case *jsonvalue.Map:
		return "java.util.LinkedHashMap"
	case *jsonvalue.List:
		if x.JSON {
			return "net.minidev.json.JSONArray"
		}
		return "java.util.ArrayList"
	}
	return "java.lang.Object"
}

// print formats one argument.
func (sp *spec) print(sb *strings.Builder, arg any) error {
	switch sp.conv {
	case '%':
		sp.justify(sb, "%")
		return nil
	case 'n':
		sb.WriteByte('\n')
		return nil
	case 's':
		if sp.has(fAlt) {
			return sp.mismatch(fAlt)
		}
		if arg == nil {
			return sp.printText(sb, "null")
		}
		if s, ok := arg.(string); ok {
			return sp.printText(sb, s)
		}
		if n, ok := arg.(int); ok {
			arg = int64(n)
		}
		return sp.printText(sb, jsonvalue.ToString(arg))
	case 'b':
		s := "true"
		if b, ok := arg.(bool); ok && !b || arg == nil {
			s = "false"
		}
		return sp.printText(sb, s)
	case 'h':
		return sp.printHash(sb, arg)
	case 'c':
		return sp.printChar(sb, arg)
	case 'd', 'o', 'x':
		return sp.printInteger(sb, arg)
	case 'e', 'f', 'g':
		return sp.printFloat(sb, arg)
	}
	return unsupported("String.format %" + string(sp.conv))
}

func (sp *spec) conversionError(arg any) error {
	return newException(ClassIllegalFormatConversion, string(sp.conv)+" != "+javaClassName(arg))
}

// printText applies precision, upper case and width to s.
func (sp *spec) printText(sb *strings.Builder, s string) error {
	if sp.precision != -1 && sp.precision < unitLen(s) {
		s, _ = Substring2(s, 0, sp.precision)
	}
	if sp.has(fUpper) {
		s = ToUpperCase(s)
	}
	sp.justify(sb, s)
	return nil
}

// justify writes s padded with spaces to the width.
func (sp *spec) justify(sb *strings.Builder, s string) {
	pad := 0
	if sp.width != -1 {
		pad = sp.width - unitLen(s)
	}
	if pad > 0 && !sp.has(fLeft) {
		sb.WriteString(strings.Repeat(" ", pad))
	}
	sb.WriteString(s)
	if pad > 0 && sp.has(fLeft) {
		sb.WriteString(strings.Repeat(" ", pad))
	}
}

func (sp *spec) printHash(sb *strings.Builder, arg any) error {
	var h int32
	switch x := arg.(type) {
	case nil:
		return sp.printText(sb, "null")
	case string:
		h = HashCode(x)
	case bool:
		h = 1237
		if x {
			h = 1231
		}
	case int:
		return sp.printHash(sb, int64(x))
	case int64:
		h = int32(x ^ int64(uint64(x)>>32))
		if x == int64(int32(x)) {
			h = int32(x)
		}
	case float64:
		bits := math.Float64bits(x)
		if x != x {
			bits = 0x7ff8000000000000
		}
		h = int32(bits ^ bits>>32)
	default:
		return unsupported("String.format %h of " + javaClassName(arg))
	}
	return sp.printText(sb, strconv.FormatUint(uint64(uint32(h)), 16))
}

func (sp *spec) printChar(sb *strings.Builder, arg any) error {
	switch x := arg.(type) {
	case nil:
		return sp.printText(sb, "null")
	case int:
		return sp.printChar(sb, int64(x))
	case int64:
		if x != int64(int32(x)) {
			return sp.conversionError(arg)
		}
		if x < 0 || x > 0x10FFFF {
			return newException(ClassIllegalFormatCodePoint, "Code point = 0x"+strconv.FormatInt(int64(uint32(x)), 16))
		}
		s := string(rune(x))
		if x >= 0xD800 && x <= 0xDFFF {
			s = loneSurrogate
		}
		return sp.printText(sb, s)
	}
	return sp.conversionError(arg)
}

// leadingSign writes the sign prefix for a number.
func (sp *spec) leadingSign(sb *strings.Builder, neg bool) {
	switch {
	case neg && sp.has(fParen):
		sb.WriteByte('(')
	case neg:
		sb.WriteByte('-')
	case sp.has(fPlus):
		sb.WriteByte('+')
	case sp.has(fSpace):
		sb.WriteByte(' ')
	}
}

func (sp *spec) trailingSign(sb *strings.Builder, neg bool) {
	if neg && sp.has(fParen) {
		sb.WriteByte(')')
	}
}

// adjustWidth leaves room for a closing parenthesis.
func (sp *spec) adjustWidth(width int, neg bool) int {
	if width != -1 && neg && sp.has(fParen) {
		return width - 1
	}
	return width
}

// magnitude writes decimal digits (with an optional '.') applying the ','
// grouping and zero padding to width, counted over everything in sb from
// begin (Java's localizedMagnitude).
func (sp *spec) magnitude(sb *strings.Builder, begin int, digits string, width int) {
	dot := strings.IndexByte(digits, '.')
	if dot < 0 {
		dot = len(digits)
	}
	var out strings.Builder
	for j := 0; j < len(digits); j++ {
		if j == dot {
			out.WriteString(digits[j:])
			break
		}
		out.WriteByte(digits[j])
		if sp.has(fGroup) && j != dot-1 && (dot-j)%3 == 1 {
			out.WriteByte(',')
		}
	}
	body := out.String()
	prefix := sb.String()[begin:]
	if width != -1 && sp.has(fZero) {
		if n := width - (unitLen(prefix) + len(body)); n > 0 {
			body = strings.Repeat("0", n) + body
		}
	}
	sb.WriteString(body)
}

func (sp *spec) printInteger(sb *strings.Builder, arg any) error {
	var v *big.Int
	isBig, bits := false, 64
	switch x := arg.(type) {
	case nil:
		return sp.printText(sb, "null")
	case int:
		return sp.printInteger(sb, int64(x))
	case int64:
		v = big.NewInt(x)
		if x == int64(int32(x)) {
			bits = 32
		}
	case *big.Int:
		v, isBig = x, true
	default:
		return sp.conversionError(arg)
	}
	var num strings.Builder
	neg := v.Sign() < 0
	if sp.conv == 'd' {
		sp.leadingSign(&num, neg)
		sp.magnitude(&num, 0, new(big.Int).Abs(v).String(), sp.adjustWidth(sp.width, neg))
		sp.trailingSign(&num, neg)
		sp.justify(sb, num.String())
		return nil
	}
	base, prefix := 8, "0"
	if sp.conv == 'x' {
		base, prefix = 16, "0x"
	}
	var digits string
	if isBig {
		sp.leadingSign(&num, neg)
		digits = new(big.Int).Abs(v).Text(base)
	} else {
		if err := sp.badFlags(fParen, fSpace, fPlus); err != nil {
			return err
		}
		u := uint64(v.Int64())
		if bits == 32 {
			u = uint64(uint32(v.Int64()))
		}
		digits = strconv.FormatUint(u, base)
	}
	if sp.has(fAlt) {
		num.WriteString(prefix)
	}
	if sp.has(fZero) {
		width := sp.width
		if isBig && neg && sp.has(fParen) {
			width--
		}
		if n := width - num.Len() - len(digits); n > 0 {
			num.WriteString(strings.Repeat("0", n))
		}
	}
	num.WriteString(digits)
	if isBig {
		sp.trailingSign(&num, neg)
	}
	s := num.String()
	if sp.has(fUpper) {
		s = strings.ToUpper(s)
	}
	sp.justify(sb, s)
	return nil
}

// javaDigits returns the decimal digits Java's FloatingDecimal produces for
// v > 0 (Double.toString's digits) and the exponent with v = 0.d1d2... *
// 10^decExp.
func javaDigits(v float64) (string, int) {
	s := jsonvalue.FormatDouble(v)
	exp := 0
	if m, e, ok := strings.Cut(s, "E"); ok {
		s = m
		exp, _ = strconv.Atoi(e)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + frac
	decExp := len(intPart) + exp
	trimmed := strings.TrimLeft(digits, "0")
	decExp -= len(digits) - len(trimmed)
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return "0", 1
	}
	return digits, decExp
}

// roundDigits keeps the first keep digits, rounding half up (Java's
// FormattedFloatingDecimal.applyPrecision).
func roundDigits(digits string, decExp, keep int) (string, int) {
	if keep >= len(digits) || keep < 0 {
		return digits, decExp
	}
	if keep == 0 {
		if digits[0] >= '5' {
			return "1", decExp + 1
		}
		return "0", decExp
	}
	b := []byte(digits[:keep])
	if digits[keep] >= '5' {
		i := keep - 1
		for ; i >= 0 && b[i] == '9'; i-- {
			b[i] = '0'
		}
		if i < 0 {
			return "1" + string(b[1:]), decExp + 1
		}
		b[i]++
	}
	return string(b), decExp
}

// placeDigits writes digits*10^decExp in plain notation with prec
// fraction digits (truncating, padding with zeros).
func placeDigits(digits string, decExp, prec int) string {
	var sb strings.Builder
	if decExp <= 0 {
		sb.WriteByte('0')
	}
	for i := 0; i < decExp; i++ {
		if i < len(digits) {
			sb.WriteByte(digits[i])
		} else {
			sb.WriteByte('0')
		}
	}
	if prec > 0 {
		sb.WriteByte('.')
		for k := 0; k < prec; k++ {
			if idx := decExp + k; idx >= 0 && idx < len(digits) {
				sb.WriteByte(digits[idx])
			} else {
				sb.WriteByte('0')
			}
		}
	}
	return sb.String()
}

// exponentText writes a decimal exponent as Java does: sign and at least
// two digits.
func exponentText(e int) string {
	sign := "+"
	if e < 0 {
		sign, e = "-", -e
	}
	if e < 10 {
		return sign + "0" + strconv.Itoa(e)
	}
	return sign + strconv.Itoa(e)
}

func (sp *spec) printFloat(sb *strings.Builder, arg any) error {
	var v float64
	switch x := arg.(type) {
	case nil:
		return sp.printText(sb, "null")
	case float64:
		v = x
	default:
		return sp.conversionError(arg)
	}
	var num strings.Builder
	if math.IsNaN(v) {
		s := "NaN"
		if sp.has(fUpper) {
			s = "NAN"
		}
		sp.justify(sb, s)
		return nil
	}
	neg := v < 0 || v == 0 && math.Signbit(v)
	a := math.Abs(v)
	sp.leadingSign(&num, neg)
	if math.IsInf(a, 0) {
		if sp.has(fUpper) {
			num.WriteString("INFINITY")
		} else {
			num.WriteString("Infinity")
		}
	} else {
		sp.floatBody(&num, a, neg)
	}
	sp.trailingSign(&num, neg)
	sp.justify(sb, num.String())
	return nil
}

// floatBody writes the digits of a finite a >= 0 for %e, %f or %g.
func (sp *spec) floatBody(num *strings.Builder, a float64, neg bool) {
	prec := sp.precision
	digits, decExp := "0", 1
	if a != 0 {
		digits, decExp = javaDigits(a)
	}
	width := sp.width
	sci := false
	switch sp.conv {
	case 'f':
		if prec == -1 {
			prec = 6
		}
		digits, decExp = roundDigits(digits, decExp, decExp+prec)
	case 'e':
		if prec == -1 {
			prec = 6
		}
		sci = true
	case 'g':
		if prec == -1 {
			prec = 6
		} else if prec == 0 {
			prec = 1
		}
		if a == 0 {
			prec--
			break
		}
		d, e := roundDigits(digits, decExp, prec)
		if e-1 < -4 || e-1 >= prec {
			sci = true
			prec--
		} else {
			digits, decExp = d, e
			prec -= e
		}
	}
	var mant, exp string
	if sci {
		digits, decExp = roundDigits(digits, decExp, prec+1)
		mant = placeDigits(digits, 1, prec)
		e := decExp - 1
		if a == 0 {
			e = 0
		}
		exp = exponentText(e)
		if width != -1 {
			width -= len(exp) + 1
		}
	} else {
		mant = placeDigits(digits, decExp, prec)
	}
	if sp.has(fAlt) && prec == 0 {
		mant += "."
	}
	sp.magnitude(num, 0, mant, sp.adjustWidth(width, neg))
	if sci {
		if sp.has(fUpper) {
			num.WriteByte('E')
		} else {
			num.WriteByte('e')
		}
		num.WriteString(exp)
	}
}
