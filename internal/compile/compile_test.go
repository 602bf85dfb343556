package compile

import (
	"errors"
	"strings"
	"testing"

	"archway/internal/model"
	"archway/internal/plan"
	"archway/internal/source/openapi"
)

func parse(t *testing.T, doc string) *model.RestApi {
	t.Helper()
	api, _, err := openapi.Parse("api.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return api
}

const okDoc = `
openapi: 3.0.1
info: {title: t, version: "1"}
x-amazon-apigateway-gateway-responses:
  UNAUTHORIZED:
    statusCode: "418"
    responseTemplates: {application/json: '{"teapot": true}'}
  DEFAULT_5XX:
    responseParameters:
      gatewayresponse.header.X-Five: "'5'"
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: mock
        timeoutInMillis: 1000
        requestTemplates:
          application/json: '{"statusCode": 200}'
          text/plain: ''
        responses:
          "5\\d{2}": {statusCode: "500"}
          default: {statusCode: "200"}
  /b/{id}:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: mock
        responses: {default: {statusCode: "200"}}
`

func TestCompile(t *testing.T) {
	p, err := Compile(parse(t, okDoc), StageConfig{Name: "dev", Variables: model.StringMap{{Key: "k", Value: "v"}}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stage != "dev" || len(p.StageVariables) != 1 || p.DeploymentID == "" {
		t.Errorf("stage = %q, variables = %v, deployment = %q", p.Stage, p.StageVariables, p.DeploymentID)
	}
	m, ok := p.Router.Match("GET", "/a")
	if !ok {
		t.Fatal("GET /a does not match")
	}
	in := p.Resources[m.Route].Methods[m.MethodIndex].Integration
	if in.Type != plan.Mock || in.Timeout.Milliseconds() != 1000 || in.Passthrough != plan.WhenNoMatch {
		t.Errorf("integration = %+v", in)
	}
	if len(in.RequestTemplates) != 2 || in.RequestTemplates[0].Template == nil || in.RequestTemplates[1].Template != nil {
		t.Errorf("request templates = %+v, want a parsed json one and an empty text one", in.RequestTemplates)
	}
	if len(in.Responses) != 1 || in.Default == nil || in.Default.Status != 200 {
		t.Fatalf("responses = %+v, default = %+v", in.Responses, in.Default)
	}
	if got := plan.Select(in.Responses, in.Default, "503"); got.Status != 500 {
		t.Errorf("503 selects %d, want 500", got.Status)
	}
	if got := plan.Select(in.Responses, in.Default, "200"); got != in.Default {
		t.Errorf("200 selects %+v, want the default", got)
	}
	if _, ok := p.Router.Match("POST", "/b/1"); !ok {
		t.Error("POST /b/1 does not match")
	}
}

func TestGatewayResponseResolution(t *testing.T) {
	p, err := Compile(parse(t, okDoc), StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.GatewayResponses) != len(model.GatewayResponseTypes) {
		t.Errorf("%d gateway responses, want %d", len(p.GatewayResponses), len(model.GatewayResponseTypes))
	}
	tests := []struct {
		typ       string
		status    int
		def       bool
		headers   int
		templates string
	}{
		{"UNAUTHORIZED", 418, false, 0, `{"teapot": true}`},
		{"MISSING_AUTHENTICATION_TOKEN", 403, true, 0, model.DefaultGatewayTemplate},
		{"INTEGRATION_TIMEOUT", 504, false, 1, model.DefaultGatewayTemplate},
		{"API_CONFIGURATION_ERROR", 500, false, 1, model.DefaultGatewayTemplate},
		{"UNSUPPORTED_MEDIA_TYPE", 415, true, 0, model.DefaultGatewayTemplate},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			g := p.GatewayResponses[tc.typ]
			if g == nil {
				t.Fatal("missing")
			}
			if g.Status != tc.status || g.Default != tc.def || len(g.Parameters) != tc.headers {
				t.Errorf("got status %d default %v %d headers, want %d %v %d", g.Status, g.Default, len(g.Parameters), tc.status, tc.def, tc.headers)
			}
			if len(g.Templates) != 1 || g.Templates[0].Template == nil {
				t.Errorf("templates = %+v", g.Templates)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	doc := `
openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '#if($x'
        responses:
          "5\\d{2}": {statusCode: "500"}
          default: {statusCode: "200"}
`
	api := parse(t, doc)
	// Sources validate selection patterns; compile still refuses one that
	// reaches it unchecked (e.g. from the control plane).
	api.ResourceByPath("/a").Method("GET").Integration.IntegrationResponses[0].SelectionPattern = "[unclosed"
	_, err := Compile(api, StageConfig{Name: "dev"})
	var errs model.Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("got %v, want 2 definition errors", err)
	}
	for i, want := range []string{
		"api.yaml:10: paths./a.get.x-amazon-apigateway-integration.requestTemplates.application/json: invalid mapping template: line 1, column 7: expected ')'",
		`invalid selection pattern "[unclosed"`,
	} {
		if !strings.Contains(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want it to contain %q", i, errs[i], want)
		}
	}
	if _, err := Compile(parse(t, okDoc), StageConfig{}); err == nil {
		t.Error("no error without a stage name")
	}
}

func TestRequiredParameters(t *testing.T) {
	got := requiredParameters(map[string]bool{
		"method.request.querystring.qs1":         true,
		"method.request.path.issuer":             true,
		"method.request.header.x-header-param":   true,
		"method.request.querystring.optional":    false,
		"method.request.multivalueheader.X-List": true,
	})
	var names []string
	for _, p := range got {
		names = append(names, p.Location+"."+p.Name)
	}
	// AWS lists them "[x-header-param, issuer, qs1]"
	// (request-validator-missing-all-required-request-params-post): sorted
	// by full name.
	want := "header.x-header-param header.X-List path.issuer querystring.qs1"
	if strings.Join(names, " ") != want {
		t.Errorf("got %v, want %s", names, want)
	}
}

func TestParseSource(t *testing.T) {
	tests := []struct {
		expr string
		kind plan.SourceKind
		name string
		ok   bool
	}{
		{"'static value'", plan.Static, "static value", true},
		{"''", plan.Static, "", true},
		{"method.request.path.id", plan.MethodRequestPath, "id", true},
		{"method.request.querystring.q", plan.MethodRequestQuery, "q", true},
		{"method.request.multivaluequerystring.q", plan.MethodRequestMultiQuery, "q", true},
		{"method.request.multivalueheader.X-List", plan.MethodRequestMultiHeader, "X-List", true},
		{"method.request.header.X-A", plan.MethodRequestHeader, "X-A", true},
		{"method.request.body", plan.MethodRequestBody, "", true},
		{"method.request.body.pets[0].name", plan.MethodRequestBody, "$.pets[0].name", true},
		{"integration.response.header.ETag", plan.IntegrationResponseHeader, "ETag", true},
		{"integration.response.body", plan.IntegrationResponseBody, "", true},
		{"integration.response.body.a", plan.IntegrationResponseBody, "$.a", true},
		{"context.identity.sourceIp", plan.Context, "identity.sourceIp", true},
		{"stageVariables.v", plan.StageVariable, "v", true},
		{"method.request.bodyx", 0, "", false},
		{"method.request.path.", 0, "", false},
		{"something.else", 0, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			m, ok := parseSource(tc.expr)
			if ok != tc.ok || ok && (m.Kind != tc.kind || m.Name != tc.name) {
				t.Errorf("got %v %v %q, want %v %v %q", ok, m.Kind, m.Name, tc.ok, tc.kind, tc.name)
			}
		})
	}
}

func TestCompileCanary(t *testing.T) {
	api := parse(t, okDoc)
	p, err := Compile(api, StageConfig{
		Name:      "dev",
		Variables: model.StringMap{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}},
		Canary: &Canary{
			PercentTraffic:         25,
			StageVariableOverrides: model.StringMap{{Key: "b", Value: "canary"}, {Key: "c", Value: "new"}},
			API:                    api,
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Canary == nil || p.Canary.PercentTraffic != 25 || p.Canary.Plan.Canary != nil {
		t.Fatalf("canary = %+v", p.Canary)
	}
	want := []plan.Variable{{Name: "a", Value: "1"}, {Name: "b", Value: "canary"}, {Name: "c", Value: "new"}}
	got := p.Canary.Plan.StageVariables
	if len(got) != len(want) {
		t.Fatalf("canary variables = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("canary variable %d = %v, want %v", i, got[i], want[i])
		}
	}
	if len(p.StageVariables) != 2 || p.StageVariables[1].Value != "2" {
		t.Errorf("stage variables changed: %v", p.StageVariables)
	}
}
