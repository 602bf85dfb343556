package terraform

import (
	"strings"
	"testing"

	"archway/internal/model"
	"archway/internal/source/openapi"
)

// api is a small valid configuration the tests below extend.
const api = `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_rest_api.a.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
`

// integration is an aws_api_gateway_integration on GET / with the given
// arguments.
func integration(args string) string {
	return `
resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_rest_api.a.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
` + args + `
}
`
}

func parse(files map[string]string, opts Options) (*Result, error) {
	data := map[string][]byte{}
	for n, s := range files {
		data[n] = []byte(s)
	}
	return Parse(".", data, opts)
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		tf   string
		want []string
	}{
		{"unknown resource", api + integration(`type = "HTTP"
  integration_http_method = "GET"
  uri = aws_lambda_function.nope.invoke_arn`),
			[]string{`main.tf:18: aws_api_gateway_integration.get.uri: Reference to undeclared resource: a managed resource "aws_lambda_function" "nope" has not been declared`}},
		{"circular", api + `
resource "aws_api_gateway_resource" "x" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_resource.y.id
  path_part   = "x"
}
resource "aws_api_gateway_resource" "y" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_resource.x.id
  path_part   = "y"
}
` + integration(`type = "MOCK"`),
			[]string{"main.tf:19: aws_api_gateway_resource.y: Cycle: aws_api_gateway_resource.x → aws_api_gateway_resource.y → aws_api_gateway_resource.x"}},
		{"missing argument", api + integration("") + `
resource "aws_api_gateway_integration_response" "r" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_rest_api.a.root_resource_id
  http_method = "GET"
  status_code = "200"
}`,
			[]string{`main.tf:12: aws_api_gateway_integration.get.type: Missing required argument: The argument "type" is required, but no definition was found.`}},
		{"unknown function", api + integration(`type = "MOCK"
  uri = md5("x")`),
			[]string{`main.tf:17: aws_api_gateway_integration.get.uri: Call to unknown function: There is no function named "md5".`}},
		{"aws validation", api + integration(`type = "HTTP"
  timeout_milliseconds = 10`),
			[]string{"main.tf:12: aws_api_gateway_integration.get.integration_http_method: Enumeration value for HttpMethod must be non-empty",
				"main.tf:12: aws_api_gateway_integration.get.uri: Invalid HTTP endpoint specified for URI",
				"main.tf:17: aws_api_gateway_integration.get.timeout_milliseconds: Timeout should be between 50 ms and 29000 ms"}},
		{"undeclared method", api + `
resource "aws_api_gateway_method_response" "r" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_rest_api.a.root_resource_id
  http_method = "POST"
  status_code = "200"
}`,
			[]string{"main.tf:15: aws_api_gateway_method_response.r.http_method: Invalid Method identifier specified"}},
		{"required variable", `variable "v" {}` + api,
			[]string{"main.tf:1: var.v: No value for required variable"}},
		{"syntax", `resource "x" {`, []string{"main.tf:1: Unclosed configuration block"}},
		{"no api", `resource "aws_s3_bucket" "b" {}`,
			[]string{"main.tf:1: the configuration defines no REST API (aws_api_gateway_rest_api)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parse(map[string]string{"main.tf": tt.tf}, Options{})
			es, ok := err.(model.Errors)
			if !ok || res.API != nil {
				t.Fatalf("err %v", err)
			}
			if len(es) != len(tt.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(es), len(tt.want), es)
			}
			for _, w := range tt.want {
				found := false
				for _, e := range es {
					found = found || strings.HasPrefix(e.Error(), w)
				}
				if !found {
					t.Errorf("missing %q in\n%v", w, es)
				}
			}
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	_, err := parse(map[string]string{
		"a.tf": api + integration(`type = "MOCKY"`),
		"b.tf": `resource "aws_api_gateway_stage" "s" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}`,
	}, Options{})
	es, _ := err.(model.Errors)
	if len(es) != 3 || es[0].Loc.File != "a.tf" || es[1].Loc.File != "b.tf" {
		t.Fatalf("errors %v", err)
	}
}

func TestVariables(t *testing.T) {
	tf := `
variable "name" { default = "from-default" }
variable "stage" { default = "dev" }
variable "timeout" { default = 50 }
locals {
  greeting = format("%s-%s", lower(var.name), var.stage)
}
` + api + integration(`type = "MOCK"
  timeout_milliseconds = var.timeout
  request_templates = {
    "application/json" = jsonencode({ name = local.greeting, parts = join("/", ["a", "b"]) })
    "text/plain"       = replace(upper(" ${var.stage} "), " ", "")
  }`)
	tests := []struct {
		name  string
		files map[string]string
		vars  map[string]string
		want  string
	}{
		{"defaults", map[string]string{"main.tf": tf}, nil, `{"name":"from-default-dev","parts":"a/b"}`},
		{"tfvars", map[string]string{"main.tf": tf, "terraform.tfvars": `name = "TFVARS"`}, nil, `{"name":"tfvars-dev","parts":"a/b"}`},
		{"auto tfvars win", map[string]string{"main.tf": tf, "terraform.tfvars": `name = "a"`, "x.auto.tfvars": `name = "b"`}, nil,
			`{"name":"b-dev","parts":"a/b"}`},
		{"-var wins", map[string]string{"main.tf": tf, "terraform.tfvars": `name = "a"`}, map[string]string{"name": "Cli"},
			`{"name":"cli-dev","parts":"a/b"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parse(tt.files, Options{Vars: tt.vars})
			if err != nil {
				t.Fatal(err)
			}
			in := res.API.RootResource().Method("GET").Integration
			if got, _ := in.RequestTemplates.Get("application/json"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if got, _ := in.RequestTemplates.Get("text/plain"); got != "DEV" {
				t.Errorf("text/plain: %q", got)
			}
			if in.TimeoutInMillis != 50 || in.RequestTemplates.Keys()[0] != "application/json" {
				t.Errorf("integration %+v", in)
			}
		})
	}
}

func TestEveryIntegrationArgument(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`
  type                    = "HTTP"
  integration_http_method = "POST"
  uri                     = "https://example.com/{id}"
  connection_type         = "VPC_LINK"
  connection_id           = "abc123"
  credentials             = "arn:aws:iam::*:user/*"
  request_parameters      = { "integration.request.header.X" = "'static'" }
  request_templates       = { "application/json" = "{}" }
  passthrough_behavior    = "NEVER"
  content_handling        = "CONVERT_TO_TEXT"
  timeout_milliseconds    = 1000
  cache_namespace         = "ns"
  cache_key_parameters    = ["method.request.header.X"]
  tls_config {
    insecure_skip_verification = true
  }`)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := res.API.RootResource().Method("GET").Integration
	if in.Type != model.IntegrationHTTP || in.HTTPMethod != "POST" || in.URI != "https://example.com/{id}" ||
		in.ConnectionType != model.ConnectionVPCLink || in.ConnectionID != "abc123" || in.Credentials != "arn:aws:iam::*:user/*" ||
		in.PassthroughBehavior != model.PassthroughNever || in.ContentHandling != model.ConvertToText ||
		in.TimeoutInMillis != 1000 || in.CacheNamespace != "ns" || len(in.CacheKeyParameters) != 1 ||
		in.TLSConfig == nil || !in.TLSConfig.InsecureSkipVerification {
		t.Fatalf("integration %+v", in)
	}
	if v, _ := in.RequestParameters.Get("integration.request.header.X"); v != "'static'" {
		t.Errorf("request parameters %v", in.RequestParameters)
	}
	if l := in.Src.Field("timeoutInMillis"); l.Line != 27 || l.Path != "aws_api_gateway_integration.get.timeout_milliseconds" {
		t.Errorf("location %v", l)
	}
}

func TestLegacyMapBlock(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`type = "MOCK"
  # 0.11 wrote maps as blocks
  request_templates {
    "application/xml" = "{\"statusCode\": 200}"
  }`)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := res.API.RootResource().Method("GET").Integration
	if !in.RequestTemplates.Has("application/xml") || len(res.Warnings) != 1 || res.Warnings[0].Loc.Line != 18 {
		t.Fatalf("templates %v warnings %v", in.RequestTemplates, res.Warnings)
	}
}

func TestBody(t *testing.T) {
	tf := `
resource "aws_api_gateway_rest_api" "a" {
  name = "from-terraform"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "from-body", version = "1" }
    paths = {
      "/pets" = {
        get = {
          "x-amazon-apigateway-integration" = {
            type             = "MOCK"
            requestTemplates = { "application/json" = "{\"statusCode\": 200}" }
            responses        = { default = { statusCode = "200" } }
          }
        }
      }
    }
  })
}
resource "aws_api_gateway_resource" "extra" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "extra"
}`
	res, err := parse(map[string]string{"main.tf": tf}, Options{ParseOpenAPI: openapi.Parse})
	if err != nil {
		t.Fatal(err)
	}
	a := res.API
	if a.Name != "from-terraform" || a.ResourceByPath("/pets").Method("GET").Integration.Type != model.IntegrationMock ||
		a.ResourceByPath("/extra") == nil || a.ResourceByPath("/extra").ParentID != a.RootResource().ID {
		t.Fatalf("api %+v", a)
	}
	if _, err := parse(map[string]string{"main.tf": tf}, Options{}); err == nil {
		t.Fatal("a body without an OpenAPI reader loaded")
	}
}

func TestStages(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`type = "MOCK"`) + `
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "old"
  variables   = { from = "deployment" }
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = "prod"
  variables     = { b = "2", a = "1" }
}`}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	old, prod := res.API.Stage("old"), res.API.Stage("prod")
	if old == nil || prod == nil || prod.DeploymentID != old.DeploymentID {
		t.Fatalf("stages %+v", res.API.Stages)
	}
	if v, _ := old.Variables.Get("from"); v != "deployment" || len(prod.Variables) != 2 || prod.Variables[0].Key != "b" {
		t.Errorf("variables %v %v", old.Variables, prod.Variables)
	}
}

func TestDeprecatedAndUnsupportedIntegrationArguments(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`type = "HTTP_PROXY"
  integration_http_method = "GET"
  uri = "http://example.com/{id}"
  request_parameters = { "integration.request.header.X-A" = "'a'" }
  request_parameters_in_json = jsonencode({ "integration.request.header.X-B" = "'b'" })
  response_transfer_mode = "STREAM"`)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := res.API.RootResource().Method("GET").Integration
	if a, _ := in.RequestParameters.Get("integration.request.header.X-A"); a != "'a'" {
		t.Errorf("request_parameters %v", in.RequestParameters)
	}
	if b, _ := in.RequestParameters.Get("integration.request.header.X-B"); b != "'b'" {
		t.Errorf("request_parameters_in_json not read: %v", in.RequestParameters)
	}
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.String())
	}
	for _, want := range []string{
		"main.tf:20: aws_api_gateway_integration.get.request_parameters_in_json: request_parameters_in_json is deprecated: use request_parameters",
		"main.tf:21: aws_api_gateway_integration.get.response_transfer_mode: response_transfer_mode STREAM is not supported yet",
	} {
		found := false
		for _, w := range ws {
			found = found || strings.HasPrefix(w, want)
		}
		if !found {
			t.Errorf("missing warning %q in\n%s", want, strings.Join(ws, "\n"))
		}
	}
}
