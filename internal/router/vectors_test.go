package router

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// vectorsDir holds the conformance vectors recorded against AWS.
const vectorsDir = "../../../shared/conformance/vectors"

// vectorFile is the part of a conformance vector the router can check.
type vectorFile struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Runnable bool   `json:"runnable"`
	API      struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	} `json:"api"`
	Request struct {
		Method string `json:"method"`
		Path   string `json:"path"`
	} `json:"request"`
	Expect struct {
		Headers map[string]string `json:"headers"`
		Body    json.RawMessage   `json:"body"`
		Backend struct {
			LambdaEvent json.RawMessage `json:"lambda_event"`
		} `json:"backend_received"`
	} `json:"expect"`
}

// proxyEvent is what an AWS_PROXY event says about routing.
type proxyEvent struct {
	Resource       *string           `json:"resource"`
	PathParameters map[string]string `json:"pathParameters"`
}

// TestVectors builds every recorded API's routes and checks that each HTTP
// vector's request matches unless AWS answered Missing Authentication Token,
// and that the resource and pathParameters recorded in Lambda proxy events
// are the ones Match reports.
func TestVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(vectorsDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no conformance vectors under %s", vectorsDir)
	}
	checkedEvents := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v vectorFile
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if v.Kind != "http" || !v.Runnable {
			continue
		}
		routes := vectorRoutes(v)
		r, err := New(routes)
		if err != nil {
			t.Errorf("%s: New: %v", v.ID, err)
			continue
		}
		m, ok := r.Match(v.Request.Method, v.Request.Path)
		missingToken := v.Expect.Headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
		if ok == missingToken {
			t.Errorf("%s: Match(%s %q) ok = %v, but AWS answered MissingAuthenticationToken = %v", v.ID, v.Request.Method, v.Request.Path, ok, missingToken)
			continue
		}
		ev, found := recordedEvent(v)
		if !found || !ok {
			continue
		}
		checkedEvents++
		if m.Resource != *ev.Resource {
			t.Errorf("%s: resource = %q, AWS reported %q", v.ID, m.Resource, *ev.Resource)
		}
		got := map[string]string{}
		for _, p := range m.Params {
			got[p.Name] = p.Value
		}
		want := ev.PathParameters
		if want == nil {
			want = map[string]string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: params = %v, AWS reported %v", v.ID, got, want)
		}
	}
	if checkedEvents < 5 {
		t.Errorf("only %d vectors carried a proxy event; expected the aws-proxy-event-* ones", checkedEvents)
	}
}

// vectorRoutes turns the vector's OpenAPI paths into routes.
func vectorRoutes(v vectorFile) []Route {
	var routes []Route
	for path, ops := range v.API.Paths {
		rt := Route{Path: path}
		for op := range ops {
			switch {
			case op == "x-amazon-apigateway-any-method":
				rt.Methods = append(rt.Methods, "ANY")
			case strings.HasPrefix(op, "x-") || op == "parameters":
			default:
				rt.Methods = append(rt.Methods, strings.ToUpper(op))
			}
		}
		routes = append(routes, rt)
	}
	return routes
}

// recordedEvent returns the proxy event the vector recorded, if any.
func recordedEvent(v vectorFile) (proxyEvent, bool) {
	for _, raw := range []json.RawMessage{v.Expect.Backend.LambdaEvent, v.Expect.Body} {
		if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
			continue
		}
		var ev proxyEvent
		if json.Unmarshal(raw, &ev) == nil && ev.Resource != nil {
			return ev, true
		}
	}
	return proxyEvent{}, false
}
