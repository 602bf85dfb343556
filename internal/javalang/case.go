package javalang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// upperSpecial holds the unconditional multi-character upper-case mappings
// of Unicode's SpecialCasing.txt, which String.toUpperCase applies and
// Character.toUpperCase cannot.
var upperSpecial = map[rune]string{
	0x00DF: "SS", 0x0149: "\u02BCN", 0x01F0: "J\u030C", 0x0390: "\u0399\u0308\u0301",
	0x03B0: "\u03A5\u0308\u0301", 0x0587: "\u0535\u0552", 0x1E96: "H\u0331", 0x1E97: "T\u0308",
	0x1E98: "W\u030A", 0x1E99: "Y\u030A", 0x1E9A: "A\u02BE", 0x1F50: "\u03A5\u0313",
	0x1F52: "\u03A5\u0313\u0300", 0x1F54: "\u03A5\u0313\u0301", 0x1F56: "\u03A5\u0313\u0342",
	0x1FB2: "\u1FBA\u0399", 0x1FB3: "\u0391\u0399", 0x1FB4: "\u0386\u0399", 0x1FB6: "\u0391\u0342",
	0x1FB7: "\u0391\u0342\u0399", 0x1FBC: "\u0391\u0399", 0x1FC2: "\u1FCA\u0399", 0x1FC3: "\u0397\u0399",
	0x1FC4: "\u0389\u0399", 0x1FC6: "\u0397\u0342", 0x1FC7: "\u0397\u0342\u0399", 0x1FCC: "\u0397\u0399",
	0x1FD2: "\u0399\u0308\u0300", 0x1FD3: "\u0399\u0308\u0301", 0x1FD6: "\u0399\u0342",
	0x1FD7: "\u0399\u0308\u0342", 0x1FE2: "\u03A5\u0308\u0300", 0x1FE3: "\u03A5\u0308\u0301",
	0x1FE4: "\u03A1\u0313", 0x1FE6: "\u03A5\u0342", 0x1FE7: "\u03A5\u0308\u0342", 0x1FF2: "\u1FFA\u0399",
	0x1FF3: "\u03A9\u0399", 0x1FF4: "\u038F\u0399", 0x1FF6: "\u03A9\u0342", 0x1FF7: "\u03A9\u0342\u0399",
	0x1FFC: "\u03A9\u0399", 0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL", 0xFB03: "FFI", 0xFB04: "FFL",
	0xFB05: "ST", 0xFB06: "ST", 0xFB13: "\u0544\u0546", 0xFB14: "\u0544\u0535", 0xFB15: "\u0544\u053B",
	0xFB16: "\u054E\u0546", 0xFB17: "\u0544\u053D",
}

// newerCased lists the cased letters Unicode added after version 13.0,
// the version OpenJDK 17 implements: Java leaves them unchanged.
var newerCased = runeSet{{0x2C2F, 0x2C2F}, {0x2C5F, 0x2C5F}, {0xA7C0, 0xA7C1}, {0xA7D0, 0xA7D1},
	{0xA7D6, 0xA7D9}, {0x10570, 0x105BC}}

// javaToUpper and javaToLower are Character.toUpperCase/toLowerCase.
func javaToUpper(r rune) rune {
	if newerCased.contains(r) {
		return r
	}
	return unicode.ToUpper(r)
}

func javaToLower(r rune) rune {
	if newerCased.contains(r) {
		return r
	}
	return unicode.ToLower(r)
}

// upperGreekIota returns the upper case of U+1F80..U+1FAF (Greek letters
// with ypogegrammeni or prosgegrammeni): the capital without it, then IOTA.
func upperGreekIota(r rune) (string, bool) {
	if r < 0x1F80 || r > 0x1FAF {
		return "", false
	}
	d := r - 0x1F80
	base := [3]rune{0x1F08, 0x1F28, 0x1F68}[d>>4] + d&7
	return string(base) + "\u0399", true
}

// ToUpperCase is String.toUpperCase() in a locale other than Turkish,
// Azeri or Lithuanian: full case mapping, so "ß" becomes "SS".
func ToUpperCase(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('a' <= c && c <= 'z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:i])
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			sb.WriteByte(byte(r))
			continue
		}
		if m, ok := upperSpecial[r]; ok {
			sb.WriteString(m)
		} else if m, ok := upperGreekIota(r); ok {
			sb.WriteString(m)
		} else {
			sb.WriteRune(javaToUpper(r))
		}
	}
	return sb.String()
}

// ToLowerCase is String.toLowerCase() in a locale other than Turkish,
// Azeri or Lithuanian: "İ" becomes "i̇" and a word-final capital sigma
// becomes "ς".
func ToLowerCase(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:i])
	for j, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			sb.WriteByte(byte(r))
		case r == 0x130:
			sb.WriteString("i\u0307")
		case r == 0x3A3 && isFinalSigma(s, i+j):
			sb.WriteRune(0x3C2)
		default:
			sb.WriteRune(javaToLower(r))
		}
	}
	return sb.String()
}

// isCased is Unicode's Cased property as Java's ConditionalSpecialCasing
// tests it.
func isCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// wordChar reports the characters that continue a word for Java's word
// BreakIterator: letters, digits, connectors and (ignored) marks and
// format characters.
func wordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r) ||
		unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r)
}

// midWord reports the characters that join two word characters when they
// stand alone between them: dashes, soft hyphen, hyphenation point,
// quotes and period.
func midWord(r rune) bool {
	return unicode.Is(unicode.Pd, r) || r == 0xAD || r == 0x2027 || r == '"' || r == '\'' || r == '.'
}

// isFinalSigma reports whether the capital sigma at byte offset at ends a
// word (Java's ConditionalSpecialCasing): a cased letter precedes it in
// the same word and none follows it there.
func isFinalSigma(s string, at int) bool {
	before := false
	for k := at; k > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if !wordChar(r) {
			p, _ := utf8.DecodeLastRuneInString(s[:k-size])
			if !midWord(r) || k-size == 0 || !wordChar(p) {
				break
			}
		} else if isCased(r) {
			before = true
			break
		}
		k -= size
	}
	if !before {
		return false
	}
	for k := at + 2; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !wordChar(r) {
			n, _ := utf8.DecodeRuneInString(s[k+size:])
			if !midWord(r) || k+size == len(s) || !wordChar(n) {
				break
			}
		} else if isCased(r) {
			return false
		}
		k += size
	}
	return true
}
