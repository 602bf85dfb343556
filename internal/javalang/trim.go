package javalang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Trim is String.trim(): it removes every character <= U+0020 from both
// ends.
func Trim(s string) string {
	i, j := 0, len(s)
	for i < j && s[i] <= ' ' {
		i++
	}
	for j > i && s[j-1] <= ' ' {
		j--
	}
	return s[i:j]
}

// isJavaWhitespace is Character.isWhitespace: space separators other than
// the no-break spaces, line and paragraph separators, and U+0009..U+000D,
// U+001C..U+001F.
func isJavaWhitespace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || (r >= 0x09 && r <= 0x0D) || (r >= 0x1C && r <= 0x1F)
	}
	switch r {
	case 0x00A0, 0x2007, 0x202F:
		return false
	}
	return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// Strip is String.strip() (Java 11+): it removes Character.isWhitespace
// characters from both ends.
func Strip(s string) string {
	return StripTrailing(StripLeading(s))
}

// StripLeading is String.stripLeading() (Java 11+).
func StripLeading(s string) string {
	return strings.TrimLeftFunc(s, isJavaWhitespace)
}

// StripTrailing is String.stripTrailing() (Java 11+).
func StripTrailing(s string) string {
	return strings.TrimRightFunc(s, isJavaWhitespace)
}

// IsBlank is String.isBlank() (Java 11+): empty or only whitespace.
func IsBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !isJavaWhitespace(r) }) < 0
}
