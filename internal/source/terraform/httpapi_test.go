package terraform

import (
	"os"
	"strings"
	"testing"

	"archway/internal/model"
)

// notServed is the warning every loaded HTTP API gets.
const notServed = "is loaded and validated but not served yet"

// onlyNotServed fails unless the warnings are exactly one "not served yet"
// per API, at the given locations.
func onlyNotServed(t *testing.T, ws []model.Warning, at ...string) {
	t.Helper()
	if len(ws) != len(at) {
		t.Fatalf("warnings %v, want %d", ws, len(at))
	}
	for i, w := range ws {
		if !strings.HasPrefix(w.String(), at[i]) || !strings.Contains(w.Message, notServed) {
			t.Errorf("warning %q, want one at %s saying it %s", w, at[i], notServed)
		}
	}
}

// httpAPIExample is seed 003's awscc example, as examples/ serves it.
const httpAPIExample = "../../../examples/terraform-httpapi"

func TestHTTPAPIAWSCC(t *testing.T) {
	res, err := Load(httpAPIExample, Options{})
	if err != nil {
		t.Fatal(err)
	}
	onlyNotServed(t, res.Warnings, httpAPIExample+`/main.tf:25: awscc_apigatewayv2_api.greetings: HTTP API "greetings-api"`)
	if res.API != nil || len(res.HTTPAPIs) != 1 {
		t.Fatalf("rest api %v, http apis %v", res.API, res.HTTPAPIs)
	}
	a := res.HTTPAPIs[0]
	if a.Name != "greetings-api" || a.ProtocolType != model.ProtocolHTTP || len(a.ID) != 10 ||
		a.RouteSelectionExpression != model.HTTPRouteSelectionExpression || len(a.Integrations) != 1 || len(a.Routes) != 1 {
		t.Fatalf("api %+v", a)
	}
	in := a.Integrations[0]
	if in.Type != model.IntegrationAWSProxy || in.URI != "arn:aws:lambda:us-east-1:123456789012:function:greeter" ||
		in.Method != "POST" || in.PayloadFormatVersion != "2.0" || in.TimeoutInMillis != 10000 ||
		in.Description != "Lambda greeter" || in.ConnectionType != model.ConnectionInternet || len(in.ID) != 7 {
		t.Errorf("integration %+v", in)
	}
	if r := a.Route("GET /hello/{name}"); r == nil || r.Target != "integrations/"+in.ID || r.AuthorizationType != model.AuthNone {
		t.Errorf("routes %+v", a.Routes)
	}
	st := a.Stage("live")
	if st == nil || !st.AutoDeploy || len(st.StageVariables) != 2 || st.StageVariables[0].Key != "audience" {
		t.Errorf("stages %+v", a.Stages)
	}
	if len(res.Functions) != 1 || res.Functions[0].Name != "greeter" {
		t.Errorf("functions %v", res.Functions)
	}
}

func TestHTTPAPIAWSProvider(t *testing.T) {
	res, err := Load("testdata/httpapi_aws", Options{})
	if err != nil {
		t.Fatal(err)
	}
	onlyNotServed(t, res.Warnings, `testdata/httpapi_aws/main.tf:4: aws_apigatewayv2_api.shop: HTTP API "shop"`)
	a := res.HTTPAPIs[0]
	if a.Description != "shop front" || a.CorsConfiguration == nil || *a.CorsConfiguration.MaxAge != 300 ||
		len(a.CorsConfiguration.AllowMethods) != 2 || a.CorsConfiguration.AllowOrigins[0] != "https://shop.example" {
		t.Fatalf("api %+v", a)
	}
	orders, catalog := a.Integrations[0], a.Integrations[1]
	if orders.PayloadFormatVersion != "2.0" || orders.TimeoutInMillis != model.DefaultHTTPAPITimeoutInMillis ||
		!strings.HasSuffix(orders.URI, ":function:orders/invocations") {
		t.Errorf("orders %+v", orders)
	}
	if catalog.ConnectionType != model.ConnectionVPCLink || len(catalog.ConnectionID) != 7 || catalog.Method != "ANY" ||
		catalog.PayloadFormatVersion != "1.0" || catalog.TLSConfig == nil || catalog.TLSConfig.ServerNameToVerify != "catalog.internal" {
		t.Errorf("catalog %+v", catalog)
	}
	if v, _ := catalog.RequestParameters.Get("overwrite:path"); v != "$request.path.proxy" || len(catalog.RequestParameters) != 2 {
		t.Errorf("request parameters %v", catalog.RequestParameters)
	}
	if rp := catalog.ResponseParameters; len(rp) != 1 || rp[0].StatusCode != "404" || rp[0].Mappings[0] != (model.Entry{Key: "overwrite:statuscode", Value: "410"}) {
		t.Errorf("response parameters %+v", rp)
	}
	if l := catalog.Src.Field("tlsConfig"); l.Line != 46 || l.Path != "aws_apigatewayv2_integration.catalog.tls_config" {
		t.Errorf("tls_config at %v", l)
	}
	if r := a.Route("ANY /catalog/{proxy+}"); r == nil || r.AuthorizationType != model.AuthIAM || r.OperationName != "Catalog" ||
		r.Target != "integrations/"+catalog.ID {
		t.Errorf("routes %+v", a.Routes)
	}
	if st := a.Stage("prod"); st == nil || len(st.DeploymentID) != 7 || st.StageVariables[0].Value != "catalog.internal" {
		t.Errorf("stages %+v", a.Stages)
	}
}

// TestHTTPAPIBroken breaks the awscc example one way at a time: each gives
// one error, with its file, line and argument.
func TestHTTPAPIBroken(t *testing.T) {
	data, err := os.ReadFile(httpAPIExample + "/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	const in = "main.tf:%d: awscc_apigatewayv2_integration.greeter."
	tests := []struct {
		name, old, new, want string
	}{
		{"integration type", `integration_type = "AWS_PROXY"`, `integration_type = "LAMBDA"`,
			"main.tf:37: awscc_apigatewayv2_integration.greeter.integration_type: Invalid integration type specified: LAMBDA. " +
				"Valid values are AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"},
		{"not a proxy", `integration_type = "AWS_PROXY"`, `integration_type = "AWS"`,
			"main.tf:37: awscc_apigatewayv2_integration.greeter.integration_type: Currently, an API with a protocol type of HTTP " +
				"may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)"},
		{"missing api_id", "  api_id           = awscc_apigatewayv2_api.greetings.id\n  integration_type", "  integration_type",
			`main.tf:35: awscc_apigatewayv2_integration.greeter.api_id: Missing required argument: The argument "api_id" is required`},
		{"timeout", "timeout_in_millis      = 10000", "timeout_in_millis      = 30001",
			"main.tf:42: awscc_apigatewayv2_integration.greeter.timeout_in_millis: Timeout should be between 50 ms and 30000 ms"},
		{"payload format", `payload_format_version = "2.0"`, "",
			"main.tf:35: awscc_apigatewayv2_integration.greeter.payload_format_version: PayloadFormatVersion is required for integrations of HTTP APIs"},
		{"unknown integration", `target    = "integrations/${awscc_apigatewayv2_integration.greeter.integration_id}"`,
			`target    = "integrations/abc1234"`,
			"main.tf:50: awscc_apigatewayv2_route.hello.target: Invalid target integrations/abc1234: the API has no integration abc1234"},
		{"composite id as target", "greeter.integration_id}", "greeter.id}",
			"main.tf:50: awscc_apigatewayv2_route.hello.target: Invalid target integrations/"},
		{"route key", `route_key = "GET /hello/{name}"`, `route_key = "GET hello"`,
			"main.tf:49: awscc_apigatewayv2_route.hello.route_key: Invalid route key GET hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tf := strings.Replace(string(data), tt.old, tt.new, 1)
			if tf == string(data) {
				t.Fatalf("%q is not in the example", tt.old)
			}
			res, err := parse(map[string]string{"main.tf": tf}, Options{})
			es, ok := err.(model.Errors)
			if !ok || len(es) != 1 || !strings.HasPrefix(es[0].Error(), tt.want) {
				t.Fatalf("got %v, want one error %q", err, tt.want)
			}
			if len(res.HTTPAPIs) != 0 || res.API != nil {
				t.Errorf("a broken configuration gave APIs")
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, notServed) {
					t.Errorf("a broken API is announced as valid: %s", w)
				}
			}
		})
	}
}

func TestHTTPAPIComputedAttributes(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": `
resource "aws_apigatewayv2_api" "ws" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.ws.id
  name        = "prod"
  description = join(" ", [aws_apigatewayv2_api.ws.api_endpoint, aws_apigatewayv2_api.ws.arn, aws_apigatewayv2_api.ws.execution_arn])
}
resource "aws_apigatewayv2_stage" "dev" {
  api_id      = aws_apigatewayv2_api.ws.id
  name        = "dev"
  description = join(" ", [aws_apigatewayv2_stage.prod.id, aws_apigatewayv2_stage.prod.invoke_url, aws_apigatewayv2_stage.prod.execution_arn])
}
resource "awscc_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "awscc_apigatewayv2_integration" "i" {
  api_id                 = awscc_apigatewayv2_api.h.api_id
  integration_type       = "HTTP_PROXY"
  integration_method     = "GET"
  integration_uri        = awscc_apigatewayv2_api.h.api_endpoint
  payload_format_version = "1.0"
}
resource "awscc_apigatewayv2_route" "r" {
  api_id         = awscc_apigatewayv2_api.h.id
  route_key      = "$default"
  target         = "integrations/${awscc_apigatewayv2_integration.i.integration_id}"
  operation_name = awscc_apigatewayv2_integration.i.id
}`}, Options{Region: "eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}
	ws, h := res.HTTPAPIs[0], res.HTTPAPIs[1]
	id := ws.ID
	want := "wss://" + id + ".execute-api.eu-west-1.amazonaws.com arn:aws:apigateway:eu-west-1::/apis/" + id +
		" arn:aws:execute-api:eu-west-1:123456789012:" + id
	if got := ws.Stage("prod").Description; got != want {
		t.Errorf("api attributes\n got %s\nwant %s", got, want)
	}
	want = "prod https://" + id + ".execute-api.eu-west-1.amazonaws.com/prod arn:aws:execute-api:eu-west-1:123456789012:" + id + "/prod"
	if got := ws.Stage("dev").Description; got != want {
		t.Errorf("stage attributes\n got %s\nwant %s", got, want)
	}
	in := h.Integrations[0]
	if in.URI != "https://"+h.ID+".execute-api.eu-west-1.amazonaws.com" || h.Routes[0].OperationName != h.ID+"|"+in.ID {
		t.Errorf("awscc attributes: uri %s, composite id %s", in.URI, h.Routes[0].OperationName)
	}
	onlyNotServed(t, res.Warnings, `main.tf:2: aws_apigatewayv2_api.ws: WebSocket API "chat"`, `main.tf:17: awscc_apigatewayv2_api.h: HTTP API "h"`)
}

func TestHTTPAPIQuickCreateAndBody(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": `
resource "aws_apigatewayv2_api" "quick" {
  name          = "quick"
  protocol_type = "HTTP"
  target        = "arn:aws:lambda:us-east-1:123456789012:function:f"
  route_key     = "GET /items"
}
resource "aws_apigatewayv2_api" "proxy" {
  name          = "proxy"
  protocol_type = "HTTP"
  target        = "https://backend.example"
}
resource "awscc_apigatewayv2_api" "openapi" {
  body = jsonencode({ openapi = "3.0.1", info = { title = "from-body", version = "1" }, paths = {} })
}`}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	quick, proxy, body := res.HTTPAPIs[0], res.HTTPAPIs[1], res.HTTPAPIs[2]
	in := quick.Integrations[0]
	if in.Type != model.IntegrationAWSProxy || in.PayloadFormatVersion != "2.0" || quick.Route("GET /items") == nil ||
		quick.Route("GET /items").Target != "integrations/"+in.ID || quick.Stage("$default") == nil || !quick.Stage("$default").AutoDeploy {
		t.Errorf("lambda quick create %+v %+v", quick, in)
	}
	if in := proxy.Integrations[0]; in.Type != model.IntegrationHTTPProxy || in.Method != "ANY" || proxy.Route("$default") == nil {
		t.Errorf("http quick create %+v", in)
	}
	if body.ProtocolType != model.ProtocolHTTP || body.Name != "openapi" {
		t.Errorf("api with a body %+v", body)
	}
	var bodyWarned bool
	for _, w := range res.Warnings {
		bodyWarned = bodyWarned || w.Loc.Path == "awscc_apigatewayv2_api.openapi.body" && w.Loc.Line == 14
	}
	if !bodyWarned {
		t.Errorf("no warning that the body is not read: %v", res.Warnings)
	}
}

func TestHTTPAPIAWSCCObjects(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": `
resource "awscc_apigatewayv2_api" "a" {
  name          = "a"
  protocol_type = "HTTP"
  cors_configuration = { allow_origins = ["*"], max_age = 600 }
}
resource "awscc_apigatewayv2_integration" "i" {
  api_id                 = awscc_apigatewayv2_api.a.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  integration_uri        = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"
  connection_type        = "VPC_LINK"
  connection_id          = "vl1234"
  payload_format_version = "1.0"
  tls_config             = { server_name_to_verify = "svc.internal" }
  response_parameters = {
    "500" = { response_parameters = [{ destination = "overwrite:statuscode", source = "503" },
                                     { destination = "append:header.x-error", source = "yes" }] }
  }
}`}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.HTTPAPIs[0]
	in := a.Integrations[0]
	if a.CorsConfiguration == nil || *a.CorsConfiguration.MaxAge != 600 || a.CorsConfiguration.AllowOrigins[0] != "*" {
		t.Errorf("cors %+v", a.CorsConfiguration)
	}
	if in.TLSConfig == nil || in.TLSConfig.ServerNameToVerify != "svc.internal" {
		t.Errorf("tls %+v", in.TLSConfig)
	}
	rp := in.ResponseParameters
	if len(rp) != 1 || rp[0].StatusCode != "500" || len(rp[0].Mappings) != 2 || rp[0].Mappings[1].Key != "append:header.x-error" {
		t.Errorf("response parameters %+v", rp)
	}
}

func TestHTTPAPIErrors(t *testing.T) {
	const api = `
resource "aws_apigatewayv2_api" "a" {
  name          = "a"
  protocol_type = "HTTP"
}
`
	tests := []struct {
		name, tf string
		want     []string
	}{
		{"websocket members", api + `
resource "aws_apigatewayv2_integration" "i" {
  api_id               = aws_apigatewayv2_api.a.id
  integration_type     = "HTTP_PROXY"
  integration_method   = "GET"
  integration_uri      = "https://backend.example"
  passthrough_behavior = "NEVER"
  timeout_milliseconds = 10
}`, []string{
			"main.tf:12: aws_apigatewayv2_integration.i.passthrough_behavior: passthroughBehavior is supported only for WebSocket APIs",
			"main.tf:13: aws_apigatewayv2_integration.i.timeout_milliseconds: Timeout should be between 50 ms and 30000 ms"}},
		{"response parameters", api + `
resource "aws_apigatewayv2_integration" "i" {
  api_id             = aws_apigatewayv2_api.a.id
  integration_type   = "HTTP_PROXY"
  integration_method = "GET"
  integration_uri    = "https://backend.example"
  response_parameters {
    status_code = 700
    mappings    = { "overwrite:body" = "x" }
  }
}`, []string{
			"main.tf:13: aws_apigatewayv2_integration.i.response_parameters.status_code: Invalid status code 700",
			"main.tf:14: aws_apigatewayv2_integration.i.response_parameters.mappings.overwrite:body: Invalid parameter mapping overwrite:body"}},
		{"stage", api + `
resource "aws_apigatewayv2_stage" "s" {
  api_id          = aws_apigatewayv2_api.a.id
  name            = "my stage"
  stage_variables = { "a-b" = "c" }
}`, []string{
			"main.tf:9: aws_apigatewayv2_stage.s.name: Stage name only allows a-zA-Z0-9_- (or $default for HTTP APIs)",
			"main.tf:10: aws_apigatewayv2_stage.s.stage_variables.a-b: Stage variable names can only contain alphanumeric characters and underscores: a-b"}},
		{"required arguments", `
resource "aws_apigatewayv2_api" "a" {
  name = "a"
}`, []string{`main.tf:2: aws_apigatewayv2_api.a.protocol_type: Missing required argument: The argument "protocol_type" is required`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(map[string]string{"main.tf": tt.tf}, Options{})
			es, _ := err.(model.Errors)
			if len(es) != len(tt.want) {
				t.Fatalf("got %v, want %d errors", err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(es[i].Error(), w) {
					t.Errorf("error %d\n got %s\nwant %s", i, es[i], w)
				}
			}
		})
	}
}

func TestHTTPAPIBesideRESTAPI(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`type = "MOCK"`) + `
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = "someotherapi"
  route_key = "$default"
}`}, Options{})
	if err != nil || res.API == nil || len(res.HTTPAPIs) != 1 {
		t.Fatalf("api %v, http apis %v, err %v", res.API, res.HTTPAPIs, err)
	}
	want := []string{
		"main.tf:19: aws_apigatewayv2_api.h: HTTP API \"h\" " + notServed,
		"main.tf:24: aws_apigatewayv2_route.r.api_id: aws_apigatewayv2_route.r belongs to an API this configuration does not define and is not read",
	}
	if len(res.Warnings) != len(want) {
		t.Fatalf("warnings %v", res.Warnings)
	}
	for i, w := range want {
		if !strings.HasPrefix(res.Warnings[i].String(), w) {
			t.Errorf("warning %d\n got %s\nwant %s", i, res.Warnings[i], w)
		}
	}
}
