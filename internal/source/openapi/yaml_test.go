package openapi

import (
	"testing"

	"archway/internal/model"
)

// TestYAMLAnchorsAndMerges checks that aliases and merge keys read like the
// values they stand for, and that a circular document is an error, not a
// hang.
func TestYAMLAnchorsAndMerges(t *testing.T) {
	doc := `openapi: 3.0.1
x-defaults: &mock
  type: mock
  requestTemplates:
    application/json: '{"statusCode": 200}'
paths:
  /a:
    get:
      x-amazon-apigateway-integration: *mock
  /b:
    get:
      x-amazon-apigateway-integration:
        <<: *mock
        passthroughBehavior: never
        type: http_proxy
        httpMethod: GET
        uri: http://backend.example
`
	api, _, err := Parse("api.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	a := api.ResourceByPath("/a").Method("GET").Integration
	b := api.ResourceByPath("/b").Method("GET").Integration
	if a.Type != model.IntegrationMock || !a.RequestTemplates.Has("application/json") {
		t.Errorf("alias: %+v", a)
	}
	if b.Type != model.IntegrationHTTPProxy || b.PassthroughBehavior != model.PassthroughNever || !b.RequestTemplates.Has("application/json") {
		t.Errorf("merge: %+v", b)
	}
}

func TestCircularDocuments(t *testing.T) {
	tests := []string{
		"openapi: 3.0.1\npaths:\n  /a: &a\n    <<: *a\n",
		"openapi: 3.0.1\ncomponents:\n  schemas:\n    A: &a\n      items: [*a]\n",
		"openapi: 3.0.1\npaths:\n  /a:\n    $ref: '#/paths/~1a'\n",
	}
	for _, doc := range tests {
		if _, _, err := Parse("api.yaml", []byte(doc)); err == nil {
			t.Errorf("no error for\n%s", doc)
		}
	}
}
