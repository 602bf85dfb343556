// Package jsonpath evaluates JSONPath exactly as Jayway JsonPath 2.0.0 does
// over json-smart values, which is what API Gateway's $input.path and
// $input.json use.
//
// Documents are jsonvalue values (see jsonvalue.Parse). Compile a path once
// and Read it against any number of documents. A definite path (only
// properties and single indexes) reads one value; any other path reads a
// *jsonvalue.List (a JSON array) of every match, possibly empty. A definite
// path that matches nothing, and a few indefinite ones that Jayway gives up
// on, return ErrNotFound, which API Gateway renders as null.
//
// The quirks of 2.0.0 are kept on purpose: $.a[-1] matches nothing while
// $.a[-1:] works, a path without "$" is relative to the root ("a.b" is
// "$.a.b", ".a" is "$..a"), filters only know == != < <= > >= =~ && ||, a
// leading ! for existence, and compare numbers with literals written
// without quotes, a missing property after a wildcard over an object or
// after an index list aborts the whole read, and an index applied to an
// object is an error rather than a miss.
package jsonpath

import (
	"errors"
	"strconv"
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
	e := evaluator{path: p, root: doc, collect: !p.definite}
	if err := e.eval(p.tokens, 0, doc); err != nil {
		return nil, err
	}
	if !p.definite {
		return e.list(), nil
	}
	if e.n == 0 {
		return nil, ErrNotFound
	}
	return e.first, nil
}
