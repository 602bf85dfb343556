package javalang

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// rng is an inclusive range of code points.
type rng struct{ lo, hi rune }

// runeSet is a set of code points: sorted, disjoint, non-adjacent ranges.
// Java character classes are computed as runeSets (unions, intersections,
// complements and case folding included) and emitted as explicit .NET
// classes, so no class syntax is left for regexp2 to read differently.
type runeSet []rng

// anySet holds every code point.
var anySet = runeSet{{0, unicode.MaxRune}}

func single(r rune) runeSet { return runeSet{{r, r}} }

// setOf builds a normalized set from arbitrary ranges.
func setOf(rs ...rng) runeSet {
	s := append(runeSet(nil), rs...)
	sort.Slice(s, func(i, j int) bool { return s[i].lo < s[j].lo })
	out := s[:0]
	for _, r := range s {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			if r.hi > out[n-1].hi {
				out[n-1].hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s runeSet) union(t runeSet) runeSet {
	if len(s) == 0 {
		return t
	}
	if len(t) == 0 {
		return s
	}
	return setOf(append(append(runeSet(nil), s...), t...)...)
}

func (s runeSet) complement() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, rng{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, rng{next, unicode.MaxRune})
	}
	return out
}

func (s runeSet) intersect(t runeSet) runeSet {
	var out runeSet
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, rng{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

func (s runeSet) contains(r rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= r })
	return i < len(s) && s[i].lo <= r
}

// tableSet converts unicode range tables to a set.
func tableSet(tables ...*unicode.RangeTable) runeSet {
	var rs []rng
	for _, t := range tables {
		for _, r := range t.R16 {
			rs = appendStride(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			rs = appendStride(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return setOf(rs...)
}

func appendStride(rs []rng, lo, hi, stride rune) []rng {
	if stride == 1 {
		return append(rs, rng{lo, hi})
	}
	for r := lo; r <= hi; r += stride {
		rs = append(rs, rng{r, r})
	}
	return rs
}

// category returns the set of a Java general category or category group
// name ("Lu", "L", "LC", ...), or nil.
func category(name string) runeSet {
	switch name {
	case "Cn":
		return assigned().complement()
	case "C":
		return tableSet(unicode.C).union(assigned().complement())
	case "LC":
		return tableSet(unicode.Lu, unicode.Ll, unicode.Lt)
	case "LD":
		return tableSet(unicode.L, unicode.Nd)
	case "L1":
		return runeSet{{0, 0xFF}}
	case "all":
		return anySet
	}
	if t, ok := unicode.Categories[name]; ok && len(name) <= 2 {
		return tableSet(t)
	}
	return nil
}

// assigned is every code point with a general category other than Cn.
func assigned() runeSet {
	return tableSet(unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C)
}

// cased is Lu, Ll and Lt: Java's case-insensitive stand-in for any of them.
func cased() runeSet { return tableSet(unicode.Lu, unicode.Ll, unicode.Lt) }

func javaLower() runeSet {
	return tableSet(unicode.Ll, unicode.Other_Lowercase)
}

func javaUpper() runeSet {
	return tableSet(unicode.Lu, unicode.Other_Uppercase)
}

func alphabetic() runeSet {
	return tableSet(unicode.L, unicode.Nl, unicode.Other_Alphabetic)
}

// whiteSpace is CharPredicates.WHITE_SPACE: Zs, Zl, Zp, U+0009..U+000D and
// U+0085.
func whiteSpace() runeSet {
	return tableSet(unicode.Zs, unicode.Zl, unicode.Zp).union(setOf(rng{9, 0xD}, rng{0x85, 0x85}))
}

// wordSet is CharPredicates.WORD, \w under UNICODE_CHARACTER_CLASS.
func wordSet() runeSet {
	return alphabetic().union(tableSet(unicode.Mn, unicode.Me, unicode.Mc, unicode.Nd, unicode.Pc)).
		union(runeSet{{0x200C, 0x200D}})
}

func identifierIgnorable() runeSet {
	return setOf(rng{0, 8}, rng{0xE, 0x1B}, rng{0x7F, 0x9F}).union(tableSet(unicode.Cf))
}

// ASCII POSIX classes (java.util.regex.ASCII ctype).
var (
	asciiDigit  = runeSet{{'0', '9'}}
	asciiAlpha  = runeSet{{'A', 'Z'}, {'a', 'z'}}
	asciiAlnum  = runeSet{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}
	asciiWord   = runeSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	asciiSpace  = runeSet{{'\t', '\r'}, {' ', ' '}}
	asciiPunct  = runeSet{{0x21, 0x2F}, {0x3A, 0x40}, {0x5B, 0x60}, {0x7B, 0x7E}}
	asciiXDigit = runeSet{{'0', '9'}, {'A', 'F'}, {'a', 'f'}}
	lineTerms   = runeSet{{'\n', '\n'}, {'\r', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}}
	horizSpace  = runeSet{{'\t', '\t'}, {' ', ' '}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x180E, 0x180E},
		{0x2000, 0x200A}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}}
	vertSpace = runeSet{{'\n', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}}
)

// posixProperty is CharPredicates.forProperty for the ASCII POSIX and
// java.lang.Character names.
func posixProperty(name string, caseIns bool) (runeSet, bool) {
	switch name {
	case "ASCII":
		return runeSet{{0, 0x7F}}, true
	case "Alnum":
		return asciiAlnum, true
	case "Alpha":
		return asciiAlpha, true
	case "Blank":
		return runeSet{{'\t', '\t'}, {' ', ' '}}, true
	case "Cntrl":
		return runeSet{{0, 0x1F}, {0x7F, 0x7F}}, true
	case "Digit":
		return asciiDigit, true
	case "Graph":
		return runeSet{{0x21, 0x7E}}, true
	case "Lower":
		if caseIns {
			return asciiAlpha, true
		}
		return runeSet{{'a', 'z'}}, true
	case "Print":
		return runeSet{{0x20, 0x7E}}, true
	case "Punct":
		return asciiPunct, true
	case "Space":
		return asciiSpace, true
	case "Upper":
		if caseIns {
			return asciiAlpha, true
		}
		return runeSet{{'A', 'Z'}}, true
	case "XDigit":
		return asciiXDigit, true
	case "javaLowerCase":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt)), true
		}
		return javaLower(), true
	case "javaUpperCase":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt)), true
		}
		return javaUpper(), true
	case "javaTitleCase":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt)), true
		}
		return tableSet(unicode.Lt), true
	case "javaAlphabetic":
		return alphabetic(), true
	case "javaIdeographic":
		return tableSet(unicode.Ideographic), true
	case "javaDigit":
		return tableSet(unicode.Nd), true
	case "javaDefined":
		return assigned(), true
	case "javaLetter":
		return tableSet(unicode.L), true
	case "javaLetterOrDigit":
		return tableSet(unicode.L, unicode.Nd), true
	case "javaJavaIdentifierStart":
		return tableSet(unicode.L, unicode.Nl, unicode.Sc, unicode.Pc), true
	case "javaJavaIdentifierPart":
		return tableSet(unicode.L, unicode.Sc, unicode.Pc, unicode.Nd, unicode.Nl, unicode.Mc, unicode.Mn).
			union(identifierIgnorable()), true
	case "javaUnicodeIdentifierStart":
		return tableSet(unicode.L, unicode.Nl, unicode.Other_ID_Start), true
	case "javaUnicodeIdentifierPart":
		return tableSet(unicode.L, unicode.Pc, unicode.Nd, unicode.Nl, unicode.Mc, unicode.Mn,
			unicode.Other_ID_Start, unicode.Other_ID_Continue).union(identifierIgnorable()), true
	case "javaIdentifierIgnorable":
		return identifierIgnorable(), true
	case "javaSpaceChar":
		return tableSet(unicode.Zs, unicode.Zl, unicode.Zp), true
	case "javaWhitespace":
		return tableSet(unicode.Zs, unicode.Zl, unicode.Zp).
			intersect(runeSet{{0xA0, 0xA0}, {0x2007, 0x2007}, {0x202F, 0x202F}}.complement()).
			union(setOf(rng{9, 0xD}, rng{0x1C, 0x1F})), true
	case "javaISOControl":
		return runeSet{{0, 0x1F}, {0x7F, 0x9F}}, true
	}
	return nil, false
}

// unicodePredicate is CharPredicates.forUnicodeProperty: binary properties
// and, failing those, the Unicode flavour of the POSIX names. name is
// upper-cased.
func unicodePredicate(name string, caseIns bool) runeSet {
	switch name {
	case "ALPHABETIC", "ALPHA":
		return alphabetic()
	case "ASSIGNED":
		return assigned()
	case "CONTROL", "CNTRL":
		return tableSet(unicode.Cc)
	case "HEXDIGIT", "HEX_DIGIT", "XDIGIT":
		return tableSet(unicode.Nd).union(setOf(rng{'0', '9'}, rng{'A', 'F'}, rng{'a', 'f'},
			rng{0xFF10, 0xFF19}, rng{0xFF21, 0xFF26}, rng{0xFF41, 0xFF46}))
	case "IDEOGRAPHIC":
		return tableSet(unicode.Ideographic)
	case "JOINCONTROL", "JOIN_CONTROL":
		return runeSet{{0x200C, 0x200D}}
	case "LETTER":
		return tableSet(unicode.L)
	case "LOWERCASE", "LOWER":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt))
		}
		return javaLower()
	case "UPPERCASE", "UPPER":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt))
		}
		return javaUpper()
	case "TITLECASE":
		if caseIns {
			return javaLower().union(javaUpper()).union(tableSet(unicode.Lt))
		}
		return tableSet(unicode.Lt)
	case "NONCHARACTERCODEPOINT", "NONCHARACTER_CODE_POINT":
		var rs []rng
		for p := rune(0); p <= unicode.MaxRune; p += 0x10000 {
			rs = append(rs, rng{p + 0xFFFE, p + 0xFFFF})
		}
		return setOf(append(rs, rng{0xFDD0, 0xFDEF})...)
	case "PUNCTUATION", "PUNCT":
		return tableSet(unicode.P)
	case "WHITESPACE", "WHITE_SPACE", "SPACE":
		return whiteSpace()
	case "WORD":
		return wordSet()
	case "ALNUM":
		return alphabetic().union(tableSet(unicode.Nd))
	case "DIGIT":
		return tableSet(unicode.Nd)
	case "BLANK":
		return tableSet(unicode.Zs).union(single('\t'))
	case "GRAPH":
		return graphSet()
	case "PRINT":
		return graphSet().union(tableSet(unicode.Zs).union(single('\t'))).
			intersect(tableSet(unicode.Cc).complement())
	}
	return nil
}

// graphSet is everything but space separators, line and paragraph
// separators, controls, surrogates and unassigned code points.
func graphSet() runeSet {
	return tableSet(unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc, unicode.Cs).
		union(assigned().complement()).complement()
}

// posixUnicodeOnly lists the names forPOSIXName resolves under
// UNICODE_CHARACTER_CLASS.
var posixUnicodeOnly = map[string]bool{
	"ALPHA": true, "LOWER": true, "UPPER": true, "SPACE": true, "PUNCT": true, "XDIGIT": true,
	"ALNUM": true, "CNTRL": true, "DIGIT": true, "BLANK": true, "GRAPH": true, "PRINT": true,
}

// script returns the set of a Unicode script named as Java's
// Character.UnicodeScript.forName accepts it (case-insensitive, with
// underscores), or nil.
func script(name string) runeSet {
	up := strings.ToUpper(name)
	for goName, t := range unicode.Scripts {
		if strings.ToUpper(goName) == up {
			return tableSet(t)
		}
	}
	return nil
}

// casedRunes lists the code points with a case mapping, for Unicode case
// folding of ranges.
var casedRunes = sync.OnceValue(func() []rune {
	var rs []rune
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			rs = append(rs, r)
		}
	}
	return rs
})

// foldOrbit returns the code points x with lower(upper(x)) equal to that
// of r: Java's UNICODE_CASE single-character match.
func foldOrbit(r rune) runeSet {
	key := unicode.ToLower(unicode.ToUpper(r))
	rs := []rng{{r, r}}
	for _, start := range []rune{r, key} {
		for x := unicode.SimpleFold(start); x != start; x = unicode.SimpleFold(x) {
			if unicode.ToLower(unicode.ToUpper(x)) == key {
				rs = append(rs, rng{x, x})
			}
		}
	}
	return setOf(rs...)
}

// asciiPartner returns the other case of an ASCII letter, or -1.
func asciiPartner(r rune) rune {
	switch {
	case 'a' <= r && r <= 'z':
		return r - 32
	case 'A' <= r && r <= 'Z':
		return r + 32
	}
	return -1
}
