package compile

import (
	"reflect"
	"testing"

	"archway/internal/plan"
)

func TestForbiddenMapping(t *testing.T) {
	tests := []struct {
		typ    plan.IntegrationType
		target string
		broken bool
	}{
		{plan.HTTP, "header.Content-Length", true},
		{plan.HTTPProxy, "header.transfer-encoding", true},
		{plan.HTTPProxy, "header.Authorization", false}, // header-remap-http-proxy-full
		{plan.HTTPProxy, "header.Expect", false},
		{plan.AWS, "header.Authorization", true},
		{plan.AWSProxy, "header.TE", true},
		{plan.AWS, "header.X-Custom", false},
		{plan.HTTP, "querystring.Content-Length", false},
		{plan.Mock, "header.Content-Length", false},
	}
	for _, tc := range tests {
		got := forbiddenMapping(tc.typ, []plan.Mapping{{Target: tc.target, Kind: plan.Static, Name: "0"}}) != ""
		if got != tc.broken {
			t.Errorf("%s %s: broken = %v, want %v", tc.typ, tc.target, got, tc.broken)
		}
	}
}

const connectionDoc = `
openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /linked:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://nlb.internal/x
        connectionType: VPC_LINK
        connectionId: ${stageVariables.link}
        tlsConfig: {insecureSkipVerification: true}
  /internet:
    get:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://example.com/x
        connectionId: ignored
        requestParameters:
          integration.request.header.Content-Length: "'0'"
        responses: {default: {statusCode: "200"}}
`

func TestCompileConnection(t *testing.T) {
	p, err := Compile(parse(t, connectionDoc), StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*plan.Integration{}
	for _, r := range p.Resources {
		byPath[r.Path] = r.Methods[0].Integration
	}
	linked, internet := byPath["/linked"], byPath["/internet"]
	if linked.ConnectionID != "${stageVariables.link}" || !reflect.DeepEqual(linked.TLS, &plan.TLSConfig{InsecureSkipVerification: true}) || linked.Broken != "" {
		t.Errorf("/linked: connection %q, TLS %+v, broken %q", linked.ConnectionID, linked.TLS, linked.Broken)
	}
	if internet.ConnectionID != "" || internet.TLS != nil || internet.Broken == "" {
		t.Errorf("/internet: connection %q, TLS %+v, broken %q", internet.ConnectionID, internet.TLS, internet.Broken)
	}
}

func TestLambdaMethod(t *testing.T) {
	const lambdaURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"
	tests := []struct {
		typ    plan.IntegrationType
		method string
		uri    string
		broken bool
	}{
		{plan.AWSProxy, "POST", lambdaURI, false},
		{plan.AWSProxy, "GET", lambdaURI, true}, // aws-proxy-integration-method-get-500
		{plan.AWS, "PUT", lambdaURI, true},
		{plan.AWS, "GET", "arn:aws:apigateway:us-east-1:s3:path/bucket/key", false},
		{plan.HTTP, "GET", "https://example.com", false},
	}
	for _, tc := range tests {
		got := lambdaMethod(&plan.Integration{Type: tc.typ, HTTPMethod: tc.method, URI: tc.uri}) != ""
		if got != tc.broken {
			t.Errorf("%s %s %s: broken = %v, want %v", tc.typ, tc.method, tc.uri, got, tc.broken)
		}
	}
}
