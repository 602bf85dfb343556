package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Load reads every vectors/*.json file of dir (dir itself may be the
// vectors directory or the conformance directory holding it), validates it
// and returns the vectors sorted by id. Errors name the file.
func Load(dir string) ([]*Vector, error) {
	if st, err := os.Stat(filepath.Join(dir, "vectors")); err == nil && st.IsDir() {
		dir = filepath.Join(dir, "vectors")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("conformance: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("conformance: no *.json vectors in %s", dir)
	}
	// Ids are unique because each must equal its file name.
	var errs []error
	vectors := make([]*Vector, 0, len(files))
	for _, f := range files {
		v, err := LoadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		vectors = append(vectors, v)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(vectors, func(i, j int) bool { return vectors[i].ID < vectors[j].ID })
	return vectors, nil
}

// LoadFile reads and validates one vector file; its id must equal the file
// name without ".json".
func LoadFile(path string) (*Vector, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("conformance: %w", err)
	}
	v, err := decodeVector(data)
	if err != nil {
		return nil, fmt.Errorf("conformance: %s: %w", path, err)
	}
	if want := strings.TrimSuffix(filepath.Base(path), ".json"); v.ID != want {
		return nil, fmt.Errorf("conformance: %s: id %q does not match the file name", path, v.ID)
	}
	return v, nil
}

// decodeVector decodes and validates a vector. Unknown members are errors,
// so a format change cannot go unnoticed.
func decodeVector(data []byte) (*Vector, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	v := &Vector{}
	if err := dec.Decode(v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the vector object")
	}
	v.raw = data
	if err := v.validate(); err != nil {
		return nil, err
	}
	return v, nil
}

// validate checks the rules of FORMAT.md sections 2-9 that a runner relies
// on.
func (v *Vector) validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if v.Format != Format {
		bad("format %q, want %q", v.Format, Format)
	}
	if v.ID == "" {
		bad("missing id")
	}
	switch v.Kind {
	case KindHTTP, KindRender, KindTestInvoke, KindControlPlane, KindDocumentation:
	default:
		bad("unknown kind %q", v.Kind)
	}
	if !v.Runnable && v.NotRunnableReason == "" {
		bad("runnable is false without not_runnable_reason")
	}
	if v.Runnable && v.Kind == KindDocumentation {
		bad("a documentation vector cannot be runnable")
	}
	for _, t := range v.Requires {
		if !knownTags[t] {
			bad("unknown requires tag %q", t)
		}
	}
	for _, p := range v.Placeholders {
		if !knownRoles[p.Role] {
			bad("placeholder %q: unknown role %q", p.Token, p.Role)
		}
	}
	if v.Runnable {
		errs = append(errs, v.validateRunnable()...)
	}
	return errors.Join(errs...)
}

// validateRunnable checks that a runnable vector has what its kind needs.
func (v *Vector) validateRunnable() []error {
	var errs []error
	need := func(ok bool, member string) {
		if !ok {
			errs = append(errs, fmt.Errorf("runnable %s vector without %s", v.Kind, member))
		}
	}
	switch v.Kind {
	case KindHTTP:
		need(v.API != nil, "api")
		need(v.Stage != nil, "stage")
		need(v.Backend != nil, "backend")
		need(v.Request != nil, "request")
		need(v.Expect != nil, "expect")
	case KindTestInvoke:
		need(v.API != nil, "api")
		need(v.Backend != nil, "backend")
		need(v.Request != nil, "request")
		need(v.Expect != nil, "expect")
	case KindControlPlane:
		need(v.Request != nil, "request")
		need(v.Expect != nil, "expect")
	case KindRender:
		need(v.Render != nil, "render")
	}
	if v.Expect != nil {
		errs = append(errs, v.Expect.validate("expect")...)
	}
	for i, c := range v.SetupCalls {
		if c.Expect != nil {
			errs = append(errs, c.Expect.validate(fmt.Sprintf("setup_calls[%d].expect", i))...)
		}
	}
	if v.Render != nil {
		switch v.Render.OutputMatch {
		case MatchExact, MatchJSON:
		default:
			errs = append(errs, fmt.Errorf("render: output_match %q is not comparable", v.Render.OutputMatch))
		}
	}
	return errs
}

// validate checks the modes and operators of an expectation.
func (e *Expect) validate(where string) []error {
	var errs []error
	if e.Status != nil && e.StatusClass != "" {
		errs = append(errs, fmt.Errorf("%s: both status and status_class", where))
	}
	if e.StatusClass != "" && !validStatusClass(e.StatusClass) {
		errs = append(errs, fmt.Errorf("%s: status_class %q, want e.g. \"2xx\"", where, e.StatusClass))
	}
	switch e.BodyMatch {
	case "", MatchExact, MatchBytes, MatchJSON, MatchJSONSubset, MatchJSONKeys, MatchXMLEquivalent:
	default:
		errs = append(errs, fmt.Errorf("%s: body_match %q is not comparable", where, e.BodyMatch))
	}
	if e.BodyMatch == MatchBytes && e.BodyBase64 == nil {
		errs = append(errs, fmt.Errorf("%s: body_match bytes without body_base64", where))
	}
	switch e.ResponseMatch {
	case "", MatchJSON:
	default:
		errs = append(errs, fmt.Errorf("%s: response_match %q is not supported", where, e.ResponseMatch))
	}
	for name, as := range e.HeaderAssertions {
		for _, a := range as {
			switch a.Op {
			case OpContains, OpSegmentEquals, OpSegmentNotEquals:
			default:
				errs = append(errs, fmt.Errorf("%s: header_assertions %q: unknown op %q", where, name, a.Op))
			}
		}
	}
	for _, p := range append(append([]string{}, e.Ignore...), e.IgnoreValue...) {
		if !strings.HasPrefix(p, "/") {
			errs = append(errs, fmt.Errorf("%s: ignore pattern %q is not a JSON Pointer", where, p))
		}
	}
	if b := e.BackendReceived; b != nil {
		for _, m := range []struct{ name, mode string }{
			{"body_match", b.BodyMatch}, {"lambda_event_match", b.LambdaEventMatch},
		} {
			switch m.mode {
			case "", MatchExact, MatchJSON, MatchJSONSubset:
			default:
				errs = append(errs, fmt.Errorf("%s: backend_received.%s %q is not supported", where, m.name, m.mode))
			}
		}
	}
	return errs
}

// validStatusClass reports whether s is "Nxx" with N in 1-5.
func validStatusClass(s string) bool {
	return len(s) == 3 && s[0] >= '1' && s[0] <= '5' && s[1:] == "xx"
}
