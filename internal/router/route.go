package router

import (
	"errors"
	"fmt"
	"strings"
)

// Route is one resource: its path template and the methods defined on it.
type Route struct {
	// Path is the resource path, e.g. "/", "/pets/{petId}" or "/{proxy+}".
	Path string
	// Methods lists the HTTP methods defined on the resource: GET, POST, PUT,
	// DELETE, PATCH, HEAD, OPTIONS and ANY, in upper case. A Match reports
	// the index of the matched method in this slice.
	Methods []string
}

// Errors returned (wrapped) by New. Test them with errors.Is.
var (
	// ErrBadPath reports a path that is not "/" followed by valid path parts.
	ErrBadPath = errors.New("invalid resource path")
	// ErrBadPathPart reports a path part AWS would refuse.
	ErrBadPathPart = errors.New("invalid path part")
	// ErrGreedyNotLast reports a greedy variable with children.
	ErrGreedyNotLast = errors.New("greedy path variable must be the last path part")
	// ErrDuplicatePath reports two routes with the same path.
	ErrDuplicatePath = errors.New("duplicate resource path")
	// ErrDuplicateParam reports a variable name used twice in one path.
	ErrDuplicateParam = errors.New("duplicate path variable")
	// ErrSiblingVariable reports two different variable parts under one
	// parent, e.g. /{a} and /{b}, or /{id} and /{proxy+}.
	ErrSiblingVariable = errors.New("only one variable path part is allowed among siblings")
	// ErrBadMethod reports a method AWS does not support.
	ErrBadMethod = errors.New("unsupported method")
	// ErrDuplicateMethod reports a method listed twice on one route.
	ErrDuplicateMethod = errors.New("duplicate method")
)

// partKind classifies one path part of a resource path.
type partKind uint8

const (
	partLiteral partKind = iota
	partParam
	partGreedy
)

// part is one parsed path part; name is the literal text or the variable
// name without braces and '+'.
type part struct {
	kind partKind
	name string
}

// String renders the part as written in a resource path.
func (p part) String() string {
	switch p.kind {
	case partParam:
		return "{" + p.name + "}"
	case partGreedy:
		return "{" + p.name + "+}"
	}
	return p.name
}

// parsePath splits a resource path into validated parts. The root "/" has
// no parts.
func parsePath(path string) ([]part, error) {
	if path == "" || path[0] != '/' {
		return nil, fmt.Errorf("%w: must start with '/'", ErrBadPath)
	}
	if path == "/" {
		return nil, nil
	}
	raw := strings.Split(path[1:], "/")
	parts := make([]part, 0, len(raw))
	for i, s := range raw {
		p, err := parsePart(s)
		if err != nil {
			return nil, err
		}
		if p.kind == partGreedy && i != len(raw)-1 {
			return nil, fmt.Errorf("%w: %s", ErrGreedyNotLast, p)
		}
		for _, q := range parts {
			if p.kind != partLiteral && q.kind != partLiteral && p.name == q.name {
				return nil, fmt.Errorf("%w: %q", ErrDuplicateParam, p.name)
			}
		}
		parts = append(parts, p)
	}
	return parts, nil
}

// parsePart validates one path part with AWS's rule: "Resource's path part
// only allow a-zA-Z0-9._-: and curly braces at the beginning and the end and
// an optional plus sign before the closing brace."
func parsePart(s string) (part, error) {
	if s == "" {
		return part{}, fmt.Errorf("%w: empty path part (a '//' or a trailing '/')", ErrBadPath)
	}
	p := part{kind: partLiteral, name: s}
	if s[0] == '{' || s[len(s)-1] == '}' {
		if len(s) < 3 || s[0] != '{' || s[len(s)-1] != '}' {
			return part{}, fmt.Errorf("%w: %q: a variable is written {name} or {name+}", ErrBadPathPart, s)
		}
		p = part{kind: partParam, name: s[1 : len(s)-1]}
		if strings.HasSuffix(p.name, "+") {
			p = part{kind: partGreedy, name: p.name[:len(p.name)-1]}
		}
	}
	if p.name == "" {
		return part{}, fmt.Errorf("%w: %q: empty variable name", ErrBadPathPart, s)
	}
	for i := 0; i < len(p.name); i++ {
		if !partChar(p.name[i]) {
			return part{}, fmt.Errorf("%w: %q: only a-zA-Z0-9._-: are allowed, with curly braces at the beginning and the end and an optional '+' before the closing brace", ErrBadPathPart, s)
		}
	}
	return p, nil
}

// partChar reports whether c may appear in a literal part or variable name.
func partChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return c == '.' || c == '_' || c == '-' || c == ':'
}
