// Package jsonpath evaluates JSONPath exactly as Jayway JsonPath 2.0.0 does
// over json-smart values, which is what API Gateway's $input.path and
// $input.json use.
//
// Documents are jsonvalue values (see jsonvalue.Parse). Compile a path once
// and Read it against any number of documents. A definite path (only
// properties and single indexes) reads one value; any other path reads a
// *jsonvalue.List (a JSON array) of every match, possibly empty. A definite
// path that matches nothing, and some indefinite ones Jayway gives up on,
// return ErrNotFound, which API Gateway renders as null.
//
// The quirks of 2.0.0 are kept on purpose:
//
//   - $.a[-1] matches nothing while $.a[-1:] works;
//   - a path without "$" is relative to the root: "a.b" is "$.a.b" and
//     ".a" is "$..a";
//   - filters know only == != < <= > >= =~ (with /re/ or /re/i), && and
//     ||, existence ([?(@.a)], [?(!@.a)]) and @ or $ paths; there are no
//     functions, in, nin, size or empty;
//   - an unquoted literal is a string that is read as a number, a boolean
//     or null only when compared with one, and a number compared with a
//     word is an error;
//   - a value that lacks the last property of the path (or is not an
//     object) aborts the whole read when it was reached through a wildcard
//     over an object, a deep scan, an index list, a slice or a filter;
//     through a wildcard over an array it only skips the item;
//   - an index applied to an object or a string, and a filter applied to a
//     string, are errors rather than misses.
package jsonpath

import (
	"errors"
	"strconv"

	"archway/internal/jsonvalue"
)

// ErrNotFound is returned by Read when the path matches nothing in a way
// Jayway reports as PathNotFoundException; API Gateway renders it as null.
var ErrNotFound = errors.New("jsonpath: no results for path")

// Path is a compiled JSONPath. It is safe for concurrent use.
type Path struct {
	src      string
	tokens   []token
	definite bool
	// rootPath is false for a path that started with '@': inside a filter
	// it is evaluated against the current item.
	rootPath bool
}

// CompileError reports a path Jayway rejects (InvalidPathException).
type CompileError struct {
	Path   string // the path as given
	Reason string // what is wrong with it
}

// Error describes the invalid path.
func (e *CompileError) Error() string {
	return "jsonpath: invalid path " + strconv.Quote(e.Path) + ": " + e.Reason
}

// EvalError reports a failure while reading a path that Jayway raises as
// an exception other than PathNotFoundException, such as an index applied
// to an object, a filter applied to a string, a bare [?] or a filter that
// compares a number with a word. API Gateway fails the template on it.
type EvalError struct {
	Path   string // the path being read
	Reason string // what went wrong
}

// Error describes the failed read.
func (e *EvalError) Error() string {
	return "jsonpath: reading " + strconv.Quote(e.Path) + ": " + e.Reason
}

// Compile parses path as Jayway 2.0.0's PathCompiler does. Leading and
// trailing blanks are ignored; a path that does not start with "$" or "@"
// is taken relative to the root.
func Compile(path string) (*Path, error) {
	p, reason := compilePath(path)
	if reason != "" {
		return nil, &CompileError{Path: path, Reason: reason}
	}
	return p, nil
}

// String returns the path as given to Compile.
func (p *Path) String() string { return p.src }

// IsDefinite reports whether the path names at most one value: it has no
// deep scan, wildcard, filter, index list or slice. Read then returns the
// value itself rather than a list.
func (p *Path) IsDefinite() bool { return p.definite }

// Read evaluates the path against doc. It returns the matched value for a
// definite path and a *jsonvalue.List with JSON set for any other path.
// The error is ErrNotFound when Jayway would report no results, or an
// *EvalError; a nil document (a body that is just null) is an error.
func (p *Path) Read(doc any) (any, error) {
	if doc == nil {
		return nil, &EvalError{Path: p.src, Reason: "root can not be null"}
	}
	if p.definite {
		return p.readDefinite(doc, false)
	}
	e := evaluator{path: p, root: doc}
	if err := e.eval(p.tokens, 0, doc); err != nil {
		return nil, err
	}
	return e.list(), nil
}

// readDefinite follows a path of properties and single indexes. Every
// token is definite, so any miss ends the read; require (existence checks
// in filters) also makes a missing name in ['a','b'] a miss.
func (p *Path) readDefinite(model any, require bool) (any, error) {
	for i := range p.tokens {
		t := &p.tokens[i]
		switch t.kind {
		case tokProperty:
			m, ok := model.(*jsonvalue.Map)
			if !ok {
				return nil, ErrNotFound
			}
			if len(t.names) != 1 {
				if i != len(p.tokens)-1 {
					return nil, &EvalError{Path: p.src, Reason: "multi properties can only be used as path leafs"}
				}
				return selectNames(m, t.names, require)
			}
			if model, ok = m.Lookup(t.names[0]); !ok {
				return nil, ErrNotFound
			}
		case tokIndex, tokLengthIndex:
			if model == nil {
				return nil, ErrNotFound
			}
			l, ok := model.(*jsonvalue.List)
			if !ok {
				return nil, &EvalError{Path: p.src, Reason: "array index applied to " + describe(model)}
			}
			idx := t.nums[0]
			if t.kind == tokLengthIndex {
				idx += len(l.Items)
			}
			if idx < 0 || idx >= len(l.Items) {
				return nil, ErrNotFound
			}
			model = l.Items[idx]
		}
	}
	return model, nil
}
