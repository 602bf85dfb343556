package vtl

import (
	"fmt"
	"strings"
)

// ErrorKind classifies a template error the way Velocity's exception
// classes do.
type ErrorKind int

// Error kinds, named after the Velocity exceptions AWS would raise.
const (
	// ParseError is a syntax error found when the template is parsed.
	ParseError ErrorKind = iota
	// MethodError is an exception thrown by a method the template called.
	MethodError
	// RuntimeError is any other failure while rendering (an index out of
	// bounds, a missing resource, a limit exceeded).
	RuntimeError
)

// Error is a template error with its position in the template.
type Error struct {
	Kind    ErrorKind
	Name    string // template name
	Line    int    // 1-based
	Col     int    // 1-based
	Message string
	Err     error // underlying cause, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	switch e.Kind {
	case ParseError:
		b.WriteString("template syntax error")
	case MethodError:
		b.WriteString("template method error")
	default:
		b.WriteString("template error")
	}
	if e.Name != "" {
		fmt.Fprintf(&b, " in %s", e.Name)
	}
	fmt.Fprintf(&b, " at line %d, column %d: %s", e.Line, e.Col, e.Message)
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// position converts a byte offset into a 1-based line and column
// (columns count runes).
func position(src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line, col = 1, 1
	for _, r := range src[:off] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
