package openapi

import (
	"testing"
)

// TestSchemaJSON checks that a YAML schema becomes the JSON text AWS
// stores, whatever YAML spells its scalars like.
func TestSchemaJSON(t *testing.T) {
	tests := []struct {
		name, schema, want string
	}{
		{"order kept", "{type: object, properties: {b: {type: string}, a: {type: integer}}}",
			`{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}}`},
		{"scalars", "{nullable: True, default: null, minimum: 1_000, maximum: 0x10, multipleOf: 2.5, x: .inf, enum: [a, 'b', \"c\"]}",
			`{"nullable":true,"default":null,"minimum":1000,"maximum":16,"multipleOf":2.5,"x":".inf","enum":["a","b","c"]}`},
		{"quoted numbers stay strings", "{example: '12', format: \"3.5\"}", `{"example":"12","format":"3.5"}`},
		{"non-string keys", "{200: {type: string}, true: 1}", `{"200":{"type":"string"},"true":1}`},
		{"escapes", "{pattern: \"^a\\\"b\\\\c\\t$\"}", `{"pattern":"^a\"b\\c\t$"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "openapi: 3.0.1\ncomponents:\n  schemas:\n    M: " + tt.schema + "\n"
			api, _, err := Parse("api.yaml", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := api.Model("M").Schema; got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestInlineSchemas checks that request and response schemas that are not
// references become models of their own, referenced by the method.
func TestInlineSchemas(t *testing.T) {
	doc := `openapi: 3.0.1
paths:
  /a:
    post:
      requestBody:
        $ref: '#/components/requestBodies/Thing'
      responses:
        "200":
          $ref: '#/components/responses/Things'
      x-amazon-apigateway-integration: {type: mock}
components:
  requestBodies:
    Thing:
      content:
        application/json:
          schema: {type: object, properties: {name: {type: string}}}
  responses:
    Things:
      description: things
      headers:
        X-Count:
          $ref: '#/components/headers/Count'
      content:
        application/json:
          schema:
            type: array
            items: {$ref: '#/components/schemas/Thing'}
  headers:
    Count:
      required: true
      schema: {type: integer}
  schemas:
    Thing: {type: object}
`
	api, _, err := Parse("api.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	m := api.ResourceByPath("/a").Method("POST")
	req, _ := m.RequestModels.Get("application/json")
	if md := api.Model(req); md == nil || md.Schema != `{"type":"object","properties":{"name":{"type":"string"}}}` {
		t.Errorf("request model %q: %+v", req, md)
	}
	mr := m.MethodResponse("200")
	res, _ := mr.ResponseModels.Get("application/json")
	if md := api.Model(res); md == nil || md.Schema != `{"type":"array","items":{"$ref":"#/components/schemas/Thing"}}` {
		t.Errorf("response model %q: %+v", res, md)
	}
	if req == res || len(req) != len("MODEL")+6 {
		t.Errorf("inline model names %q %q", req, res)
	}
	if required, ok := mr.ResponseParameters["method.response.header.X-Count"]; !ok || !required {
		t.Errorf("response header: %v", mr.ResponseParameters)
	}
}

// TestReferencesIntoArrays checks JSON pointers with escapes and indexes.
func TestReferencesIntoArrays(t *testing.T) {
	doc := `openapi: 3.0.1
paths:
  /a/b:
    get:
      parameters:
        - {name: id, in: query, required: true}
      x-amazon-apigateway-integration: {type: mock}
    post:
      parameters:
        - $ref: '#/paths/~1a~1b/get/parameters/0'
      x-amazon-apigateway-integration: {type: mock}
`
	api, _, err := Parse("api.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := api.ResourceByPath("/a/b").Method("POST").RequestParameters; !got["method.request.querystring.id"] {
		t.Fatalf("got %v", got)
	}
}
