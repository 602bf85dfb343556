package openapi

import (
	"fmt"
	"strings"
	"testing"
)

// midSizedDocument is an OpenAPI 3 document of 100 paths with three
// methods each, every one with an integration, templates, mappings and
// responses: about 5,000 lines of YAML.
func midSizedDocument() []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo: {title: bench, version: '1'}\npaths:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  /things%d/{id}:\n    parameters:\n      - {name: id, in: path, required: true, schema: {type: string}}\n", i)
		for _, method := range []string{"get", "put", "delete"} {
			fmt.Fprintf(&b, `    %s:
      parameters:
        - {name: q, in: query, schema: {type: string}}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        "200":
          description: ok
          headers:
            X-Id: {schema: {type: string}}
        "404": {description: missing}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: %s
        uri: https://backend.example.com/things/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
          integration.request.querystring.q: method.request.querystring.q
          integration.request.header.X-Trace: method.request.header.X-Trace
        requestTemplates:
          application/json: |
            {"id": "$input.params('id')", "body": $input.json('$')}
        responses:
          "4\\d{2}":
            statusCode: "404"
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.X-Id: integration.response.header.X-Id
            responseTemplates:
              application/json: $input.json('$.data')
`, method, strings.ToUpper(method))
		}
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	data := midSizedDocument()
	if _, _, err := Parse("bench.yaml", data); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("bench.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
