package terraform

import (
	"slices"
	"strings"
	"testing"

	"archway/internal/model"
)

// routes lists "METHOD /path" for every method of api.
func routes(api *model.RestApi) []string {
	var out []string
	for _, r := range api.Resources {
		for _, m := range r.Methods {
			out = append(out, m.HTTPMethod+" "+r.Path)
		}
	}
	slices.Sort(out)
	return out
}

func TestCountAndForEach(t *testing.T) {
	tests := []struct {
		name string
		tf   string
		vars map[string]string
		want []string
	}{
		{"for_each over a map", `
locals {
  routes = {
    pets   = { method = "GET", status = "200" }
    orders = { method = "POST", status = "201" }
  }
}
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_resource" "r" {
  for_each    = local.routes
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = each.key
}
resource "aws_api_gateway_method" "m" {
  for_each      = local.routes
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.r[each.key].id
  http_method   = each.value.method
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "i" {
  for_each          = aws_api_gateway_method.m
  rest_api_id       = aws_api_gateway_rest_api.a.id
  resource_id       = each.value.resource_id
  http_method       = each.value.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": ${local.routes[each.key].status}}" }
}`, nil, []string{"GET /pets", "POST /orders"}},
		{"count over a list variable", `
variable "parts" { default = ["a", "b", "c"] }
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_resource" "r" {
  count       = length(var.parts)
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = count.index == 0 ? aws_api_gateway_rest_api.a.root_resource_id : aws_api_gateway_resource.r0.id
  path_part   = var.parts[count.index]
}
resource "aws_api_gateway_resource" "r0" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "base"
}
resource "aws_api_gateway_method" "m" {
  count         = 3
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.r[count.index].id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "i" {
  count       = length(aws_api_gateway_method.m)
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_method.m[count.index].resource_id
  http_method = "GET"
  type        = "MOCK"
}`, nil, []string{"GET /a", "GET /base/b", "GET /base/c"}},
		{"count switched off", api + integration(`type = "MOCK"`) + `
variable "with_users" { default = false }
resource "aws_api_gateway_resource" "users" {
  count       = var.with_users ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "users"
}`, nil, []string{"GET /"}},
		{"count switched on by -var", api + integration(`type = "MOCK"`) + `
variable "with_users" { default = false }
resource "aws_api_gateway_resource" "users" {
  count       = var.with_users ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "users"
}
resource "aws_api_gateway_method" "users" {
  count         = length(aws_api_gateway_resource.users)
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.users[0].id
  http_method   = "ANY"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "users" {
  count       = length(aws_api_gateway_method.users)
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.users[0].id
  http_method = "ANY"
  type        = "MOCK"
}`, map[string]string{"with_users": "true"}, []string{"ANY /users", "GET /"}},
		{"for_each over a set", `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_method" "m" {
  for_each      = toset(["GET", "DELETE"])
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_rest_api.a.root_resource_id
  http_method   = each.value
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "i" {
  for_each    = toset(["GET", "DELETE"])
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_rest_api.a.root_resource_id
  http_method = aws_api_gateway_method.m[each.key].http_method
  type        = "MOCK"
}`, nil, []string{"DELETE /", "GET /"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parse(map[string]string{"main.tf": tt.tf}, Options{Vars: tt.vars})
			if err != nil {
				t.Fatal(err)
			}
			if got := routes(res.API); !slices.Equal(got, tt.want) {
				t.Errorf("routes %v, want %v", got, tt.want)
			}
		})
	}
}

// TestInstanceIDs checks that instances get distinct ids, stable across
// loads, and that problems name the instance's address.
func TestInstanceIDs(t *testing.T) {
	tf := api + integration(`type = "MOCK"`) + `
resource "aws_api_gateway_resource" "r" {
  for_each    = toset(["x", "y"])
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = each.key
}`
	var first []string
	for range 2 {
		res, err := parse(map[string]string{"main.tf": tf}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range res.API.Resources {
			ids = append(ids, r.ID)
		}
		if len(ids) != 3 || ids[1] == ids[2] {
			t.Fatalf("ids %v", ids)
		}
		if first != nil && !slices.Equal(first, ids) {
			t.Errorf("ids changed between loads: %v, %v", first, ids)
		}
		first = ids
	}
	_, err := parse(map[string]string{"main.tf": strings.Replace(tf, "path_part   = each.key", `path_part   = each.key == "y" ? "{bad" : each.key`, 1)}, Options{})
	if err == nil || !strings.Contains(err.Error(), `aws_api_gateway_resource.r["y"]`) {
		t.Errorf("err %v, want one naming the instance", err)
	}
}

func TestCountAndForEachErrors(t *testing.T) {
	resource := func(meta, part string) string {
		return api + integration(`type = "MOCK"`) + `
resource "aws_api_gateway_resource" "r" {
  ` + meta + `
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = ` + part + `
}`
	}
	tests := []struct {
		name, tf, want string
	}{
		{"both", resource("count = 1\n  for_each = toset([\"a\"])", `"a"`),
			`main.tf:21: aws_api_gateway_resource.r.for_each: Invalid combination of "count" and "for_each"`},
		{"negative count", resource("count = -1", `"a"`),
			`main.tf:20: aws_api_gateway_resource.r.count: Invalid count argument`},
		{"fractional count", resource("count = 1.5", `"a"`),
			`main.tf:20: aws_api_gateway_resource.r.count: Invalid count argument`},
		{"string count", resource(`count = "two"`, `"a"`),
			`main.tf:20: aws_api_gateway_resource.r.count: Invalid count argument: the given "count" argument value is unsuitable: a number is required`},
		{"list for_each", resource(`for_each = ["a", "b"]`, "each.key"),
			`main.tf:20: aws_api_gateway_resource.r.for_each: Invalid for_each argument: the given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type tuple`},
		{"null for_each", resource(`for_each = null`, "each.key"),
			`main.tf:20: aws_api_gateway_resource.r.for_each: Invalid for_each argument: the given "for_each" argument value is null`},
		{"count.index without count", resource("", "count.index"),
			`main.tf:23: aws_api_gateway_resource.r.path_part: Reference to "count" in non-counted context`},
		{"each in a counted resource", resource("count = 1", "each.key"),
			`main.tf:23: aws_api_gateway_resource.r[0].path_part: Reference to "each" in context without for_each`},
		{"self-referencing count", resource("count = length(aws_api_gateway_resource.r)", `"a"`),
			`main.tf:20: aws_api_gateway_resource.r.count: Cycle: aws_api_gateway_resource.r.count refers to aws_api_gateway_resource.r itself`},
		{"out of range", resource("count = 1", `"a"`) + `
resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_resource.r[3].id
  http_method   = "GET"
  authorization = "NONE"
}`, `main.tf:27: aws_api_gateway_method.m.resource_id: Invalid index`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parse(map[string]string{"main.tf": tt.tf}, Options{})
			if err == nil || res.API != nil {
				t.Fatalf("loaded: %v", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err\n%v\nwant prefix\n%s", err, tt.want)
			}
		})
	}
}

func TestUnknownArguments(t *testing.T) {
	res, err := parse(map[string]string{"main.tf": api + integration(`type = "MOCK"
  pasthrough_behavior = "NEVER"
  tls_config {
    insecure_skip_verify = true
  }
  retry {
  }`)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		`main.tf:17: aws_api_gateway_integration.get.pasthrough_behavior: Unsupported argument: an argument named "pasthrough_behavior" is not expected here (did you mean "passthrough_behavior"?), Archway ignores it`,
		`main.tf:19: aws_api_gateway_integration.get.tls_config.insecure_skip_verify: Unsupported argument: an argument named "insecure_skip_verify" is not expected here, Archway ignores it`,
		`main.tf:21: aws_api_gateway_integration.get.retry: Unsupported block type: blocks of type "retry" are not expected here, Archway ignores it`,
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing warning\n%s\nin\n%s", w, strings.Join(got, "\n"))
		}
	}
}
