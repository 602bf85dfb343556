package jsonvalue

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzParse checks that any input parses or fails with a *SyntaxError,
// that standard JSON within the nesting limit parses unless a number is
// out of BigDecimal's range (as in Java), and that the result serialises
// to something that parses again (numbers aside).
func FuzzParse(f *testing.F) {
	for _, c := range goldenBodies() {
		f.Add(c.Body)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := Parse([]byte(in))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): %T %v", in, err, err)
			}
			if json.Valid([]byte(in)) && strings.Count(in, "[")+strings.Count(in, "{") <= maxDepth &&
				!strings.HasPrefix(se.Msg, "malformed number") {
				t.Fatalf("Parse(%q) rejects valid JSON: %v", in, err)
			}
			return
		}
		out := AppendJSON(nil, v)
		// A BigDecimal may print an exponent beyond what it parses back.
		var se *SyntaxError
		if _, err := Parse(out); err != nil && !(errors.As(err, &se) && strings.HasPrefix(se.Msg, "malformed number")) {
			t.Fatalf("Parse(AppendJSON(Parse(%q))) = %v on %s", in, err, out)
		}
		_ = ToString(v)
	})
}
