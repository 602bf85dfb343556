package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// vectorsDir holds the conformance vectors recorded against AWS.
const vectorsDir = "../../../shared/conformance/vectors"

// controlPlaneVector is the part of a control_plane vector this package
// replays (FORMAT.md section 4.8).
type controlPlaneVector struct {
	ID           string            `json:"id"`
	Kind         string            `json:"kind"`
	Placeholders map[string]string `json:"placeholders"`
	SetupCalls   []vectorCall      `json:"setup_calls"`
	Request      vectorCall        `json:"request"`
	Expect       vectorExpect      `json:"expect"`
}

type vectorCall struct {
	Operation string         `json:"operation"`
	Input     map[string]any `json:"input"`
	Expect    *vectorExpect  `json:"expect"`
}

type vectorExpect struct {
	Response   any               `json:"response"`
	SortArrays map[string]string `json:"sort_arrays"`
	Error      *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// placeholderValues are the values this test supplies for the vectors'
// placeholder roles (FORMAT.md section 5).
var placeholderValues = map[string]string{
	"region":               "us-east-1",
	"account_id":           "123456789012",
	"role_name":            "apigw-invoke",
	"lambda_function_name": "fixture",
	"lambda_function_arn":  "arn:aws:lambda:us-east-1:123456789012:function:fixture",
	"http_backend_origin":  "http://127.0.0.1:8080",
	"http_backend_host":    "127.0.0.1:8080",
	"restapi_id":           "abcdef1234",
	"root_resource_id":     "root000001",
}

// TestControlPlaneVectors replays every control_plane vector against the
// model: PutIntegration/PutIntegrationResponse inputs become model objects,
// get defaults and validation, and must produce AWS's recorded message or
// AWS's recorded stored shape.
func TestControlPlaneVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(vectorsDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("conformance vectors not found in %s", vectorsDir)
	}
	ran := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v controlPlaneVector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if v.Kind != "control_plane" {
			continue
		}
		ran++
		t.Run(v.ID, func(t *testing.T) {
			s := newSimulation()
			for i, c := range v.SetupCalls {
				got, err := s.call(substitute(c.Input, v.Placeholders), c.Operation)
				if c.Expect == nil {
					if err != nil {
						t.Fatalf("setup call %d %s: %v", i, c.Operation, err)
					}
					continue
				}
				checkExpect(t, c.Operation, *c.Expect, got, err)
			}
			got, err := s.call(substitute(v.Request.Input, v.Placeholders), v.Request.Operation)
			checkExpect(t, v.Request.Operation, v.Expect, got, err)
		})
	}
	if ran == 0 {
		t.Fatal("no control_plane vectors found")
	}
}

func checkExpect(t *testing.T, op string, e vectorExpect, got any, err error) {
	t.Helper()
	if e.Error != nil {
		var es Errors
		if err == nil || !asErrors(err, &es) {
			t.Fatalf("%s: got no error, want %q", op, e.Error.Message)
		}
		if es[0].Message != e.Error.Message {
			t.Fatalf("%s: got error %q, want %q", op, es[0].Message, e.Error.Message)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: unexpected error: %v", op, err)
	}
	want, actual := e.Response, roundTrip(t, got)
	for ptr, key := range e.SortArrays {
		name := strings.TrimPrefix(ptr, "/")
		sortItems(want.(map[string]any)[name], key)
		sortItems(actual.(map[string]any)[name], key)
	}
	if diffs := matchJSON("", want, actual); len(diffs) > 0 {
		t.Fatalf("%s: stored shape differs from AWS:\n%s", op, strings.Join(diffs, "\n"))
	}
}

func asErrors(err error, es *Errors) bool {
	e, ok := err.(Errors)
	*es = e
	return ok && len(e) > 0
}

// simulation is a REST API with a root resource, changed the way the
// control plane operations change it.
type simulation struct {
	api  *RestApi
	root *Resource
}

func newSimulation() *simulation {
	root := &Resource{ID: placeholderValues["root_resource_id"], Path: "/"}
	return &simulation{api: &RestApi{ID: placeholderValues["restapi_id"], Resources: []*Resource{root}}, root: root}
}

func (s *simulation) call(in map[string]any, op string) (any, error) {
	m := s.root.Method(str(in, "httpMethod"))
	switch op {
	case "PutMethod":
		m = &Method{HTTPMethod: str(in, "httpMethod"), AuthorizationType: ParseAuthorizationType(str(in, "authorizationType"))}
		m.ApplyDefaults()
		s.root.Methods = append(s.root.Methods, m)
		return awsMethod(m), nil
	case "PutMethodResponse":
		m.MethodResponses = append(m.MethodResponses, MethodResponse{StatusCode: str(in, "statusCode")})
		return map[string]any{"statusCode": str(in, "statusCode")}, nil
	case "PutIntegration":
		integ := integrationInput(in)
		integ.ApplyDefaults(s.root.ID)
		if _, err := integ.Validate(m); err != nil {
			return nil, err
		}
		m.Integration = integ
		return awsIntegration(integ), nil
	case "PutIntegrationResponse":
		r := IntegrationResponse{
			StatusCode:        str(in, "statusCode"),
			SelectionPattern:  str(in, "selectionPattern"),
			ResponseTemplates: stringMapInput(in, "responseTemplates"),
		}
		m.Integration.PutIntegrationResponse(r)
		if _, err := m.Integration.Validate(m); err != nil {
			return nil, err
		}
		return awsIntegrationResponse(r), nil
	case "GetIntegrationResponse":
		return awsIntegrationResponse(*m.Integration.IntegrationResponse(str(in, "statusCode"))), nil
	case "GetMethod":
		return awsMethod(m), nil
	case "GetGatewayResponse":
		return awsGatewayResponse(s.api.GatewayResponse(GatewayResponseType(str(in, "responseType")))), nil
	case "GetGatewayResponses":
		items := []any{}
		for _, gt := range GatewayResponseTypes {
			items = append(items, awsGatewayResponse(s.api.GatewayResponse(gt)))
		}
		return map[string]any{"items": items}, nil
	}
	return nil, fmt.Errorf("operation %s is not simulated", op)
}

func integrationInput(in map[string]any) *Integration {
	integ := &Integration{
		Type:                ParseIntegrationType(str(in, "type")),
		HTTPMethod:          str(in, "integrationHttpMethod"),
		URI:                 str(in, "uri"),
		Credentials:         str(in, "credentials"),
		ConnectionType:      ParseConnectionType(str(in, "connectionType")),
		ConnectionID:        str(in, "connectionId"),
		RequestParameters:   stringMapInput(in, "requestParameters"),
		RequestTemplates:    stringMapInput(in, "requestTemplates"),
		PassthroughBehavior: ParsePassthroughBehavior(str(in, "passthroughBehavior")),
		ContentHandling:     ParseContentHandling(str(in, "contentHandling")),
		CacheNamespace:      str(in, "cacheNamespace"),
	}
	if n, ok := in["timeoutInMillis"].(float64); ok {
		integ.TimeoutInMillis = int(n)
	}
	return integ
}

func str(in map[string]any, key string) string {
	s, _ := in[key].(string)
	return s
}

// stringMapInput converts a JSON object member into a StringMap, nil when
// absent; a null value becomes "" as AWS stores it.
func stringMapInput(in map[string]any, key string) StringMap {
	obj, ok := in[key].(map[string]any)
	if !ok {
		return nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := StringMap{}
	for _, k := range keys {
		s, _ := obj[k].(string)
		m.Set(k, s)
	}
	return m
}

// The aws* functions render model objects in the shape the apigateway API
// returns them, to compare with recorded responses.

func awsMethod(m *Method) map[string]any {
	out := map[string]any{
		"httpMethod": m.HTTPMethod, "authorizationType": string(m.AuthorizationType), "apiKeyRequired": m.APIKeyRequired,
	}
	if m.Integration != nil {
		out["methodIntegration"] = awsIntegration(m.Integration)
	}
	if len(m.MethodResponses) > 0 {
		rs := map[string]any{}
		for _, r := range m.MethodResponses {
			rs[r.StatusCode] = map[string]any{"statusCode": r.StatusCode}
		}
		out["methodResponses"] = rs
	}
	return out
}

func awsIntegration(in *Integration) map[string]any {
	out := map[string]any{
		"type": string(in.Type), "passthroughBehavior": string(in.PassthroughBehavior),
		"timeoutInMillis": in.TimeoutInMillis, "cacheNamespace": in.CacheNamespace,
		"cacheKeyParameters": in.CacheKeyParameters,
	}
	optional := map[string]string{
		"httpMethod": in.HTTPMethod, "uri": in.URI, "credentials": in.Credentials,
		"connectionType": string(in.ConnectionType), "connectionId": in.ConnectionID,
		"contentHandling": string(in.ContentHandling),
	}
	for k, v := range optional {
		if v != "" {
			out[k] = v
		}
	}
	if in.RequestTemplates != nil {
		out["requestTemplates"] = awsTemplates(in.RequestTemplates)
	}
	if len(in.IntegrationResponses) > 0 {
		rs := map[string]any{}
		for _, r := range in.IntegrationResponses {
			rs[r.StatusCode] = awsIntegrationResponse(r)
		}
		out["integrationResponses"] = rs
	}
	return out
}

func awsIntegrationResponse(r IntegrationResponse) map[string]any {
	out := map[string]any{"statusCode": r.StatusCode, "selectionPattern": r.SelectionPattern}
	if r.ResponseTemplates != nil {
		out["responseTemplates"] = awsTemplates(r.ResponseTemplates)
	}
	return out
}

func awsGatewayResponse(g GatewayResponse) map[string]any {
	params := map[string]any{}
	for _, e := range g.ResponseParameters {
		params[e.Key] = e.Value
	}
	out := map[string]any{
		"responseType": string(g.ResponseType), "defaultResponse": g.DefaultResponse,
		"responseParameters": params, "responseTemplates": awsTemplates(g.ResponseTemplates),
	}
	if g.StatusCode != "" {
		out["statusCode"] = g.StatusCode
	}
	return out
}

// awsTemplates renders templates, an empty one as null like AWS.
func awsTemplates(m StringMap) map[string]any {
	out := map[string]any{}
	for _, e := range m {
		if e.Value == "" {
			out[e.Key] = nil
		} else {
			out[e.Key] = e.Value
		}
	}
	return out
}

func substitute(v any, placeholders map[string]string) map[string]any {
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case string:
			for token, role := range placeholders {
				if val, ok := placeholderValues[role]; ok {
					x = strings.ReplaceAll(x, token, val)
				}
			}
			return x
		case map[string]any:
			out := map[string]any{}
			for k, e := range x {
				out[k] = walk(e)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = walk(e)
			}
			return out
		}
		return v
	}
	out, _ := walk(v).(map[string]any)
	return out
}

func roundTrip(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func sortItems(v any, key string) {
	items, _ := v.([]any)
	sort.SliceStable(items, func(i, j int) bool {
		a, _ := items[i].(map[string]any)[key].(string)
		b, _ := items[j].(map[string]any)[key].(string)
		return a < b
	})
}

var (
	wholeToken    = regexp.MustCompile(`^<[^<>]+>$`)
	embeddedToken = regexp.MustCompile(`<[A-Za-z0-9_ -]+(?:[:-]\d+)?>`)
)

// matchJSON compares a recorded value with an actual one by the rules of
// FORMAT.md section 8.4 and 7: whole-string tokens match anything, embedded
// tokens match any text, strings starting with { are parsed.
func matchJSON(path string, want, got any) []string {
	if s, ok := want.(string); ok && wholeToken.MatchString(s) {
		return nil
	}
	if s, ok := got.(string); ok && strings.HasPrefix(s, "{") {
		if _, isStr := want.(string); !isStr {
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				got = parsed
			}
		}
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want object, got %v", path, got)}
		}
		var diffs []string
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s/%s: missing", path, k))
				continue
			}
			diffs = append(diffs, matchJSON(path+"/"+k, wv, gv)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s/%s: unexpected %v", path, k, g[k]))
			}
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, w, got)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, matchJSON(fmt.Sprintf("%s/%d", path, i), w[i], g[i])...)
		}
		return diffs
	case string:
		g, ok := got.(string)
		if ok && embeddedToken.MatchString(w) {
			parts := embeddedToken.Split(w, -1)
			for i, p := range parts {
				parts[i] = regexp.QuoteMeta(p)
			}
			if regexp.MustCompile(`(?s)^` + strings.Join(parts, "(.*?)") + `$`).MatchString(g) {
				return nil
			}
		} else if ok && g == w {
			return nil
		}
	}
	if _, isStr := want.(string); !isStr && reflect.DeepEqual(want, got) {
		return nil
	}
	return []string{fmt.Sprintf("%s: want %#v, got %#v", path, want, got)}
}
