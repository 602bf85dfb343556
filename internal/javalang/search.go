package javalang

import "strings"

// IndexOf is String.indexOf(str): the UTF-16 index of the first occurrence
// of sub, or -1.
func IndexOf(s, sub string) int {
	i := strings.Index(s, sub)
	if i <= 0 {
		return i
	}
	return unitIndex(s, i)
}

// IndexOfFrom is String.indexOf(str, fromIndex). A negative fromIndex
// searches from 0; one past the end finds only "".
func IndexOfFrom(s, sub string, from int) int {
	if from <= 0 {
		return IndexOf(s, sub)
	}
	n := unitLen(s)
	if from >= n {
		if sub == "" {
			return n
		}
		return -1
	}
	if sub == "" {
		return from
	}
	off, mid := unitOffset(s, from)
	if mid {
		// A match cannot start on a low surrogate.
		off += 4
		from++
	}
	i := strings.Index(s[off:], sub)
	if i < 0 {
		return -1
	}
	return from + unitIndex(s[off:], i)
}

// LastIndexOf is String.lastIndexOf(str).
func LastIndexOf(s, sub string) int {
	i := strings.LastIndex(s, sub)
	if i <= 0 {
		return i
	}
	return unitIndex(s, i)
}

// LastIndexOfFrom is String.lastIndexOf(str, fromIndex): the last
// occurrence starting at or before fromIndex, or -1.
func LastIndexOfFrom(s, sub string, from int) int {
	n := unitLen(s)
	if right := n - unitLen(sub); from > right {
		from = right
	}
	if from < 0 {
		return -1
	}
	if sub == "" {
		return from
	}
	off, _ := unitOffset(s, from)
	end := off + len(sub)
	if end > len(s) {
		end = len(s)
	}
	i := strings.LastIndex(s[:end], sub)
	if i <= 0 {
		return i
	}
	return unitIndex(s, i)
}

// Contains is String.contains(s).
func Contains(s, sub string) bool {
	return strings.Contains(s, sub)
}

// StartsWith is String.startsWith(prefix).
func StartsWith(s, prefix string) bool {
	return strings.HasPrefix(s, prefix)
}

// StartsWithFrom is String.startsWith(prefix, toffset).
func StartsWithFrom(s, prefix string, toffset int) bool {
	if toffset < 0 || toffset > unitLen(s)-unitLen(prefix) {
		return false
	}
	if prefix == "" {
		return true
	}
	off, mid := unitOffset(s, toffset)
	return !mid && strings.HasPrefix(s[off:], prefix)
}

// EndsWith is String.endsWith(suffix).
func EndsWith(s, suffix string) bool {
	return strings.HasSuffix(s, suffix)
}
