package javalang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxRepeatLength caps Repeat's result, in UTF-16 code units. Java's limit
// is about 2^31; a gateway that honoured it could be made to allocate
// gigabytes by one template, so the cap is far lower (still well above the
// 10 MB payload limit) and exceeding it is Java's OutOfMemoryError.
const MaxRepeatLength = 1 << 25

// Length is String.length(): the number of UTF-16 code units.
func Length(s string) int {
	return unitLen(s)
}

// IsEmpty is String.isEmpty().
func IsEmpty(s string) bool {
	return s == ""
}

// CharAt is String.charAt(index), returned as a string. Half of a surrogate
// pair comes back as "?".
func CharAt(s string, index int) (string, error) {
	if index >= 0 {
		off, mid := unitOffset(s, index)
		if off < len(s) {
			r, size := utf8.DecodeRuneInString(s[off:])
			if mid || r >= 0x10000 {
				return loneSurrogate, nil
			}
			return s[off : off+size], nil
		}
	}
	if isLatin1(s) {
		return "", newException(ClassStringIndexOutOfBounds, "String index out of range: "+strconv.Itoa(index))
	}
	return "", newException(ClassStringIndexOutOfBounds,
		"index "+strconv.Itoa(index)+", length "+strconv.Itoa(unitLen(s)))
}

// isLatin1 reports whether Java stores s in its compact Latin-1 form,
// which changes some exception messages.
func isLatin1(s string) bool {
	for _, r := range s {
		if r > 0xFF {
			return false
		}
	}
	return true
}

// Substring is String.substring(beginIndex).
func Substring(s string, begin int) (string, error) {
	return Substring2(s, begin, unitLen(s))
}

// Substring2 is String.substring(beginIndex, endIndex).
func Substring2(s string, begin, end int) (string, error) {
	if begin >= 0 && begin <= end && end <= len(s) && asciiPrefix(s[:end]) == end {
		return s[begin:end], nil
	}
	n := unitLen(s)
	if begin < 0 || begin > end || end > n {
		return "", beginEndError(begin, end, n)
	}
	b, bMid := unitOffset(s, begin)
	e, eMid := unitOffset(s, end)
	if !bMid && !eMid {
		return s[b:e], nil
	}
	if bMid && eMid && b == e {
		return "", nil
	}
	var sb strings.Builder
	if bMid {
		sb.WriteString(loneSurrogate)
		b += 4
	}
	if b < e {
		sb.WriteString(s[b:e])
	}
	if eMid {
		sb.WriteString(loneSurrogate)
	}
	return sb.String(), nil
}

// Concat is String.concat(str).
func Concat(s, str string) string {
	return s + str
}

// Equals is String.equals(anObject) for a String argument.
func Equals(s, other string) bool {
	return s == other
}

// Repeat is String.repeat(count) (Java 11+).
func Repeat(s string, count int) (string, error) {
	if count < 0 {
		return "", newException(ClassIllegalArgument, "count is negative: "+strconv.Itoa(count))
	}
	if count == 0 || s == "" {
		return "", nil
	}
	n := unitLen(s)
	if n > MaxRepeatLength/count {
		return "", newException(ClassOutOfMemory, "Repeating "+strconv.Itoa(n)+" bytes String "+
			strconv.Itoa(count)+" times will produce a String exceeding maximum size.")
	}
	return strings.Repeat(s, count), nil
}

// HashCode is String.hashCode(): s[0]*31^(n-1) + ... + s[n-1] over UTF-16
// code units, in 32-bit arithmetic.
func HashCode(s string) int32 {
	var h int32
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			h = 31*h + int32(s[i])
		}
		return h
	}
	forEachUnit(s, func(u uint16) { h = 31*h + int32(u) })
	return h
}
