package conformance

import (
	"errors"
	"fmt"
	"strings"
)

// SplitTestInvokeLog rewrites a TestInvokeMethod output object so that its
// "log" string becomes an object of lines "line00", "line01", ... (the
// pieces of the log split on "\n", the piece after the last newline
// included), the shape expect.response compares (FORMAT.md 4.7).
func SplitTestInvokeLog(output []byte) ([]byte, error) {
	v, err := parseJSON(output)
	if err != nil {
		return nil, fmt.Errorf("conformance: TestInvokeMethod output: %w", err)
	}
	o, ok := v.(*object)
	if !ok {
		return nil, errors.New("conformance: TestInvokeMethod output is not an object")
	}
	for i, m := range o.members {
		s, isString := m.value.(string)
		if m.name != "log" || !isString {
			continue
		}
		lines := &object{}
		for n, line := range strings.Split(s, "\n") {
			lines.members = append(lines.members, member{fmt.Sprintf("line%02d", n), line})
		}
		o.members[i].value = lines
	}
	return encodeJSON(o), nil
}

// CompareOutput checks a rendered template output against a render check's
// expected_output (FORMAT.md 4.6): mode exact compares bytes, json compares
// structurally (8.4).
func CompareOutput(mode, expected string, output []byte) []Mismatch {
	r := &run{c: NewComparer()}
	path := pointer{"expected_output"}
	switch mode {
	case MatchExact:
		if string(output) != expected {
			r.fail(path, "got %s, want %s", show(string(output)), show(expected))
		}
	case MatchJSON:
		want, err := parseJSON([]byte(expected))
		if err != nil {
			r.fail(path, "invalid expected JSON: %v", err)
			break
		}
		got, err := parseJSON(output)
		if err != nil {
			r.fail(path, "got %s, which is not JSON (%v)", show(string(output)), err)
			break
		}
		r.structured(MatchJSON, want, got, path)
	default:
		r.fail(pointer{"output_match"}, "%q is not comparable", mode)
	}
	return r.out
}
