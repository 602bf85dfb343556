package javalang

import (
	"strings"
	"unicode/utf8"
)

// Matches is String.matches(regex): whether the whole string matches.
func Matches(s, regex string) (bool, error) {
	p, err := cachedPattern(regex)
	if err != nil {
		return false, err
	}
	return p.Matches(s)
}

// ReplaceAll is String.replaceAll(regex, replacement).
func ReplaceAll(s, regex, replacement string) (string, error) {
	p, err := cachedPattern(regex)
	if err != nil {
		return "", err
	}
	if regex == "" {
		// The empty regex matches between every two UTF-16 code units,
		// splitting supplementary characters as Java does.
		parts, err := p.parseReplacement(replacement)
		if err != nil {
			return "", err
		}
		var lit strings.Builder
		for _, part := range parts {
			lit.WriteString(part.text) // group 0 is always empty here
		}
		return Replace(s, "", lit.String()), nil
	}
	return p.ReplaceAll(s, replacement)
}

// ReplaceFirst is String.replaceFirst(regex, replacement).
func ReplaceFirst(s, regex, replacement string) (string, error) {
	p, err := cachedPattern(regex)
	if err != nil {
		return "", err
	}
	return p.ReplaceFirst(s, replacement)
}

// Split is String.split(regex): SplitLimit with limit 0, so trailing empty
// strings are removed.
func Split(s, regex string) ([]string, error) {
	return SplitLimit(s, regex, 0)
}

// SplitLimit is String.split(regex, limit).
func SplitLimit(s, regex string, limit int) ([]string, error) {
	if sep, ok := splitFastPath(regex); ok {
		return splitLiteral(s, sep, limit), nil
	}
	p, err := cachedPattern(regex)
	if err != nil {
		return nil, err
	}
	if regex == "" {
		return splitUnits(s, limit), nil
	}
	return p.Split(s, limit)
}

// splitFastPath recognises the regexes String.split handles without a
// Pattern: one character that is not a metacharacter, or a backslash and
// one character that is not a letter or digit.
func splitFastPath(regex string) (string, bool) {
	r, size := utf8.DecodeRuneInString(regex)
	switch {
	case size == len(regex) && size > 0 && r != utf8.RuneError && r < 0x10000:
		return regex, !strings.ContainsRune(".$|()[{^?*+\\", r)
	case len(regex) > 1 && regex[0] == '\\':
		r, size = utf8.DecodeRuneInString(regex[1:])
		ok := 1+size == len(regex) && r != utf8.RuneError && r < 0x10000 && !(r < utf8.RuneSelf && isASCIIAlnum(byte(r)))
		return regex[1:], ok
	}
	return "", false
}

// splitLiteral splits on a literal separator with Java's split rules.
func splitLiteral(s, sep string, limit int) []string {
	var list []string
	off := 0
	for {
		i := strings.Index(s[off:], sep)
		if i < 0 {
			break
		}
		if limit > 0 && len(list) == limit-1 {
			list = append(list, s[off:])
			off = len(s)
			break
		}
		list = append(list, s[off:off+i])
		off += i + len(sep)
	}
	return finishSplit(s, list, off, limit)
}

// splitUnits is split("") in UTF-16 terms: the empty regex matches at
// every code unit boundary, so a supplementary character splits into two
// "?".
func splitUnits(s string, limit int) []string {
	n := unitLen(s)
	piece := func(a, b int) string {
		p, _ := Substring2(s, a, b)
		return p
	}
	var list []string
	index := 0
	for k := 1; k <= n; k++ {
		if limit > 0 && len(list) == limit-1 {
			list = append(list, piece(index, n))
			index = k
			break
		}
		list = append(list, piece(index, k))
		index = k
	}
	if index == 0 {
		return []string{s}
	}
	if limit <= 0 || len(list) < limit {
		list = append(list, piece(index, n))
	}
	if limit == 0 {
		for len(list) > 0 && list[len(list)-1] == "" {
			list = list[:len(list)-1]
		}
	}
	return list
}
