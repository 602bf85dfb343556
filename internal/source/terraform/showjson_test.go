package terraform

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"archway/internal/plan/plantest"
	"archway/internal/source/openapi"
)

// TestShowJSONSameAPI reads terraform show -json output of a plan and of
// the applied state of testdata/same: both compile to the API the
// configuration itself compiles to.
func TestShowJSONSameAPI(t *testing.T) {
	cfg, err := Load("testdata/same", Options{ParseOpenAPI: openapi.Parse})
	if err != nil {
		t.Fatal(err)
	}
	want := plantest.DevRoutes(t, cfg.API)
	tests := []struct {
		file     string
		apiID    string
		warnings []string
	}{
		{"testdata/showjson/show-state.json", "k3x9q2w7ab", nil},
		{"testdata/showjson/show-plan.json", cfg.API.ID, []string{
			"testdata/showjson/show-plan.json: the rest_api_id of 8 resources is only known after apply and set through values the plan does not record; Archway takes it to be the plan's only REST API, aws_api_gateway_rest_api.same"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if !IsShowJSON(data) {
				t.Fatal("not recognised as terraform show -json output")
			}
			res, err := ParseShowJSON(tt.file, data, Options{ParseOpenAPI: openapi.Parse})
			if err != nil {
				t.Fatal(err)
			}
			if got := plantest.DevRoutes(t, res.API); !reflect.DeepEqual(got, want) {
				t.Fatalf("got\n%q\nwant\n%q", got, want)
			}
			if res.API.ID != tt.apiID {
				t.Errorf("API id %s, want %s", res.API.ID, tt.apiID)
			}
			item := res.API.ResourceByPath("/items/{id}").Method("GET").Integration
			cfgItem := cfg.API.ResourceByPath("/items/{id}").Method("GET").Integration
			if !reflect.DeepEqual(item.RequestTemplates, cfgItem.RequestTemplates) ||
				!reflect.DeepEqual(item.IntegrationResponses[0].ResponseTemplates, cfgItem.IntegrationResponses[0].ResponseTemplates) {
				t.Errorf("templates differ:\n%+v\n%+v", item, cfgItem)
			}
			if len(res.Functions) != 1 || res.Functions[0].ARN != "arn:aws:lambda:us-east-1:123456789012:function:hello" ||
				res.Functions[0].Command[0] != "testdata/showjson/hello/bootstrap" {
				t.Errorf("functions %+v", res.Functions)
			}
			var ws []string
			for _, w := range res.Warnings {
				ws = append(ws, w.String())
			}
			if !reflect.DeepEqual(ws, tt.warnings) {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(tt.warnings, "\n"))
			}
		})
	}
}

// planForEach is terraform show -json output of a plan whose resources
// use for_each, before anything exists: ids are known only after apply.
const planForEach = `{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_api_gateway_rest_api.a", "mode": "managed", "type": "aws_api_gateway_rest_api", "name": "a",
     "values": {"name": "a", "body": null}},
    {"address": "aws_api_gateway_resource.r[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_resource", "name": "r", "index": "pets",
     "values": {"path_part": "pets"}},
    {"address": "aws_api_gateway_resource.r[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_resource", "name": "r", "index": "toys",
     "values": {"path_part": "toys"}},
    {"address": "aws_api_gateway_method.m[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_method", "name": "m", "index": "pets",
     "values": {"authorization": "NONE", "http_method": "GET"}},
    {"address": "aws_api_gateway_method.m[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_method", "name": "m", "index": "toys",
     "values": {"authorization": "NONE", "http_method": "GET"}},
    {"address": "aws_api_gateway_integration.i[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_integration", "name": "i", "index": "pets",
     "values": {"http_method": "GET", "type": "MOCK", "request_templates": {"application/json": "{\"statusCode\": 200}"}}},
    {"address": "aws_api_gateway_integration.i[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_integration", "name": "i", "index": "toys",
     "values": {"http_method": "GET", "type": "MOCK", "request_templates": {"application/json": "{\"statusCode\": 200}"}}}
  ]}},
  "resource_changes": [
    {"address": "aws_api_gateway_rest_api.a", "mode": "managed", "type": "aws_api_gateway_rest_api", "name": "a",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "root_resource_id": true, "description": true}}},
    {"address": "aws_api_gateway_resource.r[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_resource", "name": "r", "index": "pets",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "parent_id": true, "rest_api_id": true, "path": true}}},
    {"address": "aws_api_gateway_resource.r[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_resource", "name": "r", "index": "toys",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "parent_id": true, "rest_api_id": true, "path": true}}},
    {"address": "aws_api_gateway_method.m[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_method", "name": "m", "index": "pets",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "resource_id": true, "rest_api_id": true}}},
    {"address": "aws_api_gateway_method.m[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_method", "name": "m", "index": "toys",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "resource_id": true, "rest_api_id": true}}},
    {"address": "aws_api_gateway_integration.i[\"pets\"]", "mode": "managed", "type": "aws_api_gateway_integration", "name": "i", "index": "pets",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "resource_id": true, "rest_api_id": true}}},
    {"address": "aws_api_gateway_integration.i[\"toys\"]", "mode": "managed", "type": "aws_api_gateway_integration", "name": "i", "index": "toys",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "resource_id": true, "rest_api_id": true}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_api_gateway_rest_api.a", "mode": "managed", "type": "aws_api_gateway_rest_api", "name": "a",
     "expressions": {"name": {"constant_value": "a"}}},
    {"address": "aws_api_gateway_resource.r", "mode": "managed", "type": "aws_api_gateway_resource", "name": "r",
     "expressions": {"parent_id": {"references": ["aws_api_gateway_rest_api.a.root_resource_id", "aws_api_gateway_rest_api.a"]},
                     "path_part": {"references": ["each.key"]},
                     "rest_api_id": {"references": ["aws_api_gateway_rest_api.a.id", "aws_api_gateway_rest_api.a"]}}},
    {"address": "aws_api_gateway_method.m", "mode": "managed", "type": "aws_api_gateway_method", "name": "m",
     "expressions": {"authorization": {"constant_value": "NONE"}, "http_method": {"constant_value": "GET"},
                     "resource_id": {"references": ["aws_api_gateway_resource.r", "each.key"]},
                     "rest_api_id": {"references": ["aws_api_gateway_rest_api.a.id", "aws_api_gateway_rest_api.a"]}}},
    {"address": "aws_api_gateway_integration.i", "mode": "managed", "type": "aws_api_gateway_integration", "name": "i",
     "expressions": {"http_method": {"constant_value": "GET"}, "type": {"constant_value": "MOCK"},
                     "resource_id": {"references": ["aws_api_gateway_method.m", "each.key"]},
                     "rest_api_id": {"references": ["aws_api_gateway_rest_api.a.id", "aws_api_gateway_rest_api.a"]}}}
  ]}}
}`

func TestShowJSONIndexedReferences(t *testing.T) {
	res, err := ParseShowJSON("plan.json", []byte(planForEach), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := routes(res.API); !reflect.DeepEqual(got, []string{"GET /pets", "GET /toys"}) {
		t.Errorf("routes %v", got)
	}
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.String())
	}
	want := []string{
		`plan.json:11: aws_api_gateway_method.m["pets"].resource_id: the value is only known after apply; Archway reads it as aws_api_gateway_resource.r["pets"].id`,
		`plan.json:13: aws_api_gateway_method.m["toys"].resource_id: the value is only known after apply; Archway reads it as aws_api_gateway_resource.r["toys"].id`,
		`plan.json:15: aws_api_gateway_integration.i["pets"].resource_id: the value is only known after apply; Archway reads it as aws_api_gateway_method.m["pets"].resource_id`,
		`plan.json:17: aws_api_gateway_integration.i["toys"].resource_id: the value is only known after apply; Archway reads it as aws_api_gateway_method.m["toys"].resource_id`,
	}
	if !reflect.DeepEqual(ws, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(want, "\n"))
	}
}

func TestShowJSONErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"not JSON", `{"format_version": "1.2", "planned_values": `, "plan.json: reading terraform show -json output of a plan: "},
		{"future format", `{"format_version": "2.0", "values": {"root_module": {}}}`, "plan.json: reading terraform show -json output of a state: "},
		{"no resources", `{"format_version": "1.0"}`, "plan.json: the file holds no resources"},
		{"unresolvable", strings.Replace(planForEach, `"references": ["aws_api_gateway_rest_api.a.root_resource_id", "aws_api_gateway_rest_api.a"]`, `"references": ["var.parent"]`, 1),
			`plan.json:7: aws_api_gateway_resource.r["pets"].parent_id: the value is only known after apply`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ParseShowJSON("plan.json", []byte(tt.json), Options{})
			if err == nil || res.API != nil {
				t.Fatalf("loaded: %v", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err\n%v\nwant prefix\n%s", err, tt.want)
			}
		})
	}
}
