package runner

import (
	"fmt"
	"sort"

	"archway/internal/conformance"
	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

// runRender executes a render check (FORMAT.md 4.6).
func runRender(r *conformance.Render) ([]string, error) {
	if r == nil {
		return nil, fmt.Errorf("render vector without a render object")
	}
	engine := apigw.NewEngine()
	cases := r.Cases
	if len(cases) == 0 {
		want := ""
		if r.ExpectedOutput != nil {
			want = *r.ExpectedOutput
		}
		cases = []conformance.RenderCase{{Template: r.Template, ExpectedOutput: want}}
	}
	var out []string
	for i, c := range cases {
		body := ""
		if r.InputBody != nil {
			body = *r.InputBody
		}
		if c.InputBody != nil {
			body = *c.InputBody
		}
		got, err := render(engine, r, c.Template, []byte(body))
		if err == nil && r.ResponseTemplate != nil {
			got, err = render(engine, r, *r.ResponseTemplate, got)
		}
		if err != nil {
			return nil, fmt.Errorf("case %d: %w", i, err)
		}
		for _, m := range conformance.CompareOutput(r.OutputMatch, c.ExpectedOutput, got) {
			out = append(out, fmt.Sprintf("case %d: %s", i, m))
		}
	}
	return out, nil
}

// render renders one template with the check's inputs.
func render(engine *apigw.Engine, r *conformance.Render, src string, body []byte) ([]byte, error) {
	t, err := vtl.Parse("render", src)
	if err != nil {
		return nil, err
	}
	req := &apigw.Request{
		Body: body,
		Params: apigw.Params{
			Path:        stringMap(r.Params["path"]),
			QueryString: stringMap(r.Params["querystring"]),
			Header:      stringMap(r.Params["header"]),
		},
		StageVariables: stringMap(r.StageVariables),
	}
	if len(r.Context) > 0 {
		v, err := jsonvalue.Parse(r.Context)
		if err != nil {
			return nil, fmt.Errorf("context: %w", err)
		}
		req.Context, _ = apigw.ContextValue(v).(*jsonvalue.Map)
	}
	if len(r.Vars) > 0 {
		v, err := jsonvalue.Parse(r.Vars)
		if err != nil {
			return nil, fmt.Errorf("vars: %w", err)
		}
		if m, ok := apigw.PlainValue(v).(*jsonvalue.Map); ok {
			req.Vars = map[string]any{}
			for i := 0; i < m.Len(); i++ {
				k, val := m.At(i)
				req.Vars[jsonvalue.ToString(k)] = val
			}
		}
	}
	return engine.Render(nil, t, req)
}

// stringMap returns m as an ordered map, keys sorted (vectors give them
// as a JSON object whose order the decoder does not keep).
func stringMap(m map[string]string) *jsonvalue.Map {
	out := jsonvalue.NewMap(len(m))
	for _, k := range sortedKeys(m) {
		out.Put(k, m[k])
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
