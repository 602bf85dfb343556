package model

import (
	"cmp"
	"slices"
	"strings"
)

// Error is one definition error: where, and AWS's message for it.
type Error struct {
	Loc     Loc
	Message string
}

// Error formats the error as "file:line: path: message".
func (e *Error) Error() string {
	if l := e.Loc.String(); l != "" {
		return l + ": " + e.Message
	}
	return e.Message
}

// Errors is every definition error found, in the order they were found. It
// is an error itself, printing one error per line.
type Errors []*Error

// Error prints one error per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns es as an error, or nil when es is empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Unique drops repeated errors, keeping the first of each: a value read
// twice (a stage name that is both a reference and a property) reports its
// problem once.
func (es Errors) Unique() Errors {
	seen := make(map[string]bool, len(es))
	var out Errors
	for _, e := range es {
		if s := e.Error(); !seen[s] {
			seen[s] = true
			out = append(out, e)
		}
	}
	return out
}

// Sort orders the errors by file and line, keeping the order of errors on
// the same line.
func (es Errors) Sort() {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return compareLoc(a.Loc, b.Loc)
	})
}

// Warning reports something in a definition that Archway reads but does not
// honour (yet), or that AWS would treat differently than the author may
// expect. Warnings never stop a definition from loading.
type Warning struct {
	Loc     Loc
	Message string
}

// String formats the warning as "file:line: path: message".
func (w Warning) String() string {
	if l := w.Loc.String(); l != "" {
		return l + ": " + w.Message
	}
	return w.Message
}

// SortWarnings orders warnings by file and line, keeping the order of
// warnings on the same line.
func SortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		return compareLoc(a.Loc, b.Loc)
	})
}

func compareLoc(a, b Loc) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	return cmp.Compare(a.Line, b.Line)
}
