package conformance

import "strings"

// pointer is a parsed JSON Pointer: its unescaped reference tokens.
type pointer []string

// parsePointer splits an RFC 6901 pointer ("" is the whole document).
func parsePointer(s string) pointer {
	if s == "" {
		return pointer{}
	}
	parts := strings.Split(strings.TrimPrefix(s, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

// child returns p extended by one token; p itself is never modified.
func (p pointer) child(tok string) pointer {
	out := make(pointer, len(p)+1)
	copy(out, p)
	out[len(p)] = tok
	return out
}

// String renders p as an RFC 6901 pointer.
func (p pointer) String() string {
	var b strings.Builder
	for _, t := range p {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// patterns are ignore / ignore_value path patterns (FORMAT.md 8.6): JSON
// Pointers relative to the expect object whose segments match
// case-insensitively and may contain '*' (any run of characters within the
// segment).
type patterns []pointer

func parsePatterns(list []string) patterns {
	ps := make(patterns, len(list))
	for i, s := range list {
		ps[i] = parsePointer(s)
	}
	return ps
}

// match reports whether some pattern addresses exactly the node at path.
func (ps patterns) match(path pointer) bool {
	for _, p := range ps {
		if len(p) != len(path) {
			continue
		}
		ok := true
		for i := range p {
			if !globFold(p[i], path[i]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// globFold matches s against pat, where '*' matches any run of bytes, with
// ASCII case folding.
func globFold(pat, s string) bool {
	// Classic two-pointer wildcard match with one backtrack point.
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(pat) && pat[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(pat) && lowerASCII(pat[pi]) == lowerASCII(s[si]):
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pat) && pat[pi] == '*' {
		pi++
	}
	return pi == len(pat)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// resolve returns the value at p inside v.
func resolve(v any, p pointer) (any, bool) {
	for _, tok := range p {
		switch t := v.(type) {
		case *object:
			var ok bool
			if v, ok = t.get(tok); !ok {
				return nil, false
			}
		case []any:
			i, ok := arrayIndex(tok, len(t))
			if !ok {
				return nil, false
			}
			v = t[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// arrayIndex parses an RFC 6901 array index below n.
func arrayIndex(tok string, n int) (int, bool) {
	if tok == "" || (len(tok) > 1 && tok[0] == '0') {
		return 0, false
	}
	i := 0
	for _, c := range []byte(tok) {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
		if i >= n {
			return 0, false
		}
	}
	return i, true
}
