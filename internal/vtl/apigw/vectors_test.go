package apigw_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

// renderCheck is the "render" object of a conformance vector.
type renderCheck struct {
	Template         string                       `json:"template"`
	ResponseTemplate *string                      `json:"response_template"`
	InputBody        string                       `json:"input_body"`
	Params           map[string]map[string]string `json:"params"`
	Context          json.RawMessage              `json:"context"`
	StageVariables   map[string]string            `json:"stage_variables"`
	Vars             map[string]string            `json:"vars"`
	ExpectedOutput   string                       `json:"expected_output"`
	OutputMatch      string                       `json:"output_match"`
	Cases            []struct {
		Template       string  `json:"template"`
		InputBody      *string `json:"input_body"`
		ExpectedOutput string  `json:"expected_output"`
	} `json:"cases"`
}

type vector struct {
	ID       string       `json:"id"`
	Runnable bool         `json:"runnable"`
	Render   *renderCheck `json:"render"`
}

func orderedMap(t *testing.T, kv map[string]string) *jsonvalue.Map {
	m := jsonvalue.NewMap(len(kv))
	for k, v := range kv {
		m.Put(k, v)
	}
	return m
}

// TestConformanceRenderVectors runs the "render" checks of the
// conformance vectors recorded against AWS: the render vectors and the
// template part of the http vectors that carry one.
func TestConformanceRenderVectors(t *testing.T) {
	files, err := filepath.Glob("../../../../shared/conformance/vectors/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("conformance vectors not found beside the repository (shared/conformance/vectors): %v", err)
	}
	engine := apigw.NewEngine()
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v vector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if v.Render == nil || !v.Runnable {
			continue
		}
		r := v.Render
		cases := r.Cases
		if len(cases) == 0 {
			cases = append(cases, struct {
				Template       string  `json:"template"`
				InputBody      *string `json:"input_body"`
				ExpectedOutput string  `json:"expected_output"`
			}{r.Template, &r.InputBody, r.ExpectedOutput})
		}
		for i, c := range cases {
			body := r.InputBody
			if c.InputBody != nil {
				body = *c.InputBody
			}
			got, err := renderCase(t, engine, r, c.Template, body)
			if err == nil && r.ResponseTemplate != nil {
				got, err = renderCase(t, engine, r, *r.ResponseTemplate, got)
			}
			if err != nil {
				t.Errorf("%s case %d: %v", v.ID, i, err)
				continue
			}
			if !outputMatches(r.OutputMatch, c.ExpectedOutput, got) {
				t.Errorf("%s case %d: output differs\n  AWS:     %q\n  Archway: %q", v.ID, i, c.ExpectedOutput, got)
				continue
			}
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("only %d render checks ran; expected at least 30", checked)
	}
	t.Logf("%d render checks agree with AWS", checked)
}

func renderCase(t *testing.T, engine *apigw.Engine, r *renderCheck, tpl, body string) (string, error) {
	tm, err := vtl.Parse("vector", tpl)
	if err != nil {
		return "", err
	}
	req := &apigw.Request{
		Body: []byte(body),
		Params: apigw.Params{
			Path:        orderedMap(t, r.Params["path"]),
			QueryString: orderedMap(t, r.Params["querystring"]),
			Header:      orderedMap(t, r.Params["header"]),
		},
		StageVariables: orderedMap(t, r.StageVariables),
	}
	if len(r.Context) > 0 {
		cv, err := jsonvalue.Parse(r.Context)
		if err != nil {
			return "", err
		}
		req.Context, _ = apigw.ContextValue(cv).(*jsonvalue.Map)
	}
	req.Vars = map[string]any{}
	for k, v := range r.Vars {
		req.Vars[k] = v
	}
	out, err := engine.Render(nil, tm, req)
	return string(out), err
}

func outputMatches(mode, want, got string) bool {
	if mode != "json" {
		return want == got
	}
	var w, g any
	if json.Unmarshal([]byte(want), &w) != nil || json.Unmarshal([]byte(got), &g) != nil {
		return false
	}
	return reflect.DeepEqual(w, g)
}
