package pipeline_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"testing"

	"archway/internal/integration"
	"archway/internal/pipeline"
	"archway/internal/plan"
)

// Payloads of the recorded content-handling matrix (s3-request-*,
// s3-response-*): gzip bytes that are not UTF-8, their base64 text, and
// plain text.
var (
	rawPayload, _ = base64.StdEncoding.DecodeString("H4sIABRs7mMC/0vOzy0oSi0uTk1RSEksSdRRKM7IL81JUUhKVcjMK0vMyUxRCA1x07VQKC4pysxLBwC4ORBXLwAAAA==")
	encPayload    = base64.StdEncoding.EncodeToString(rawPayload)
	textPayload   = "this is a plain text payload ..."
)

// contentDoc is an HTTP integration with the given binary media types,
// request and response content handling and templates.
func contentDoc(bmt, requestHandling, requestTemplates, responseHandling, responseTemplates string) string {
	member := func(h string) string {
		if h == "" {
			return ""
		}
		return "contentHandling: " + h
	}
	list := func(v string) string {
		if v == "" {
			return "[]"
		}
		return `["` + v + `"]`
	}
	return fmt.Sprintf(`
openapi: 3.0.1
info: {title: content, version: "1"}
x-amazon-apigateway-binary-media-types: %s
paths:
  /:
    post:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: http://backend.example/
        %s
        requestTemplates: %s
        responses:
          default:
            statusCode: "200"
            %s
            responseTemplates: %s
`, list(bmt), member(requestHandling), requestTemplates, member(responseHandling), responseTemplates)
}

// backend records the integration request body and answers with a fixed
// payload and Content-Type.
type backend struct {
	recorder
	contentType string
	payload     []byte
}

func (b *backend) Invoke(ctx context.Context, req *integration.Request) (*integration.Response, error) {
	if _, err := b.recorder.Invoke(ctx, req); err != nil {
		return nil, err
	}
	return &integration.Response{Status: 200, Header: http.Header{"Content-Type": {b.contentType}}, Body: b.payload}, nil
}

// TestRequestContentHandling replays the request half of the recorded
// matrix: what the integration receives, or 500.
func TestRequestContentHandling(t *testing.T) {
	const fail = "500"
	raw := string(rawPayload)
	tests := []struct {
		name, bmt, handling, templates, contentType, body string
		wantLen                                           int
		want                                              string
	}{
		{"to binary, binary type, encoded", "image/png", "CONVERT_TO_BINARY", "{}", "image/png", encPayload, 92, ""},
		{"to binary, text type, encoded", "image/png", "CONVERT_TO_BINARY", "{}", "text/plain", encPayload, 67, ""},
		{"to binary, binary type, raw", "image/png", "CONVERT_TO_BINARY", "{}", "image/png", raw, 67, ""},
		{"to binary, text type, raw", "image/png", "CONVERT_TO_BINARY", "{}", "text/plain", raw, 0, fail},
		{"to binary, text", "image/png", "CONVERT_TO_BINARY", "{}", "text/plain", textPayload, 0, fail},
		{"to binary, no bmt, raw", "", "CONVERT_TO_BINARY", "{}", "image/png", raw, 0, fail},
		{"to binary, template not selected", "", "CONVERT_TO_BINARY", "{application/json: '{}'}", "image/png", encPayload, 67, ""},
		{"to binary, template selected", "", "CONVERT_TO_BINARY", "{application/json: '{}'}", "application/json", encPayload, 0, fail},
		{"to text, binary type, raw", "image/png", "CONVERT_TO_TEXT", "{}", "image/png", raw, 92, ""},
		{"to text, binary type, text", "image/png", "CONVERT_TO_TEXT", "{}", "image/png", textPayload, 44, ""},
		{"to text, text type, text", "image/png", "CONVERT_TO_TEXT", "{}", "text/plain", textPayload, 32, ""},
		{"to text, no bmt, raw", "", "CONVERT_TO_TEXT", "{}", "image/png", raw, 99, ""},
		{"none, binary type, encoded", "image/png", "", "{}", "image/png", encPayload, 92, ""},
		{"none, text type, raw", "image/png", "", "{}", "text/plain", raw, 99, ""},
		{"none, no bmt, raw", "", "", "{}", "image/png", raw, 99, ""},
		{"none, wildcard bmt, raw", "image/*", "", "{}", "image/png", raw, 67, ""},
		{"none, template for binary data", "image/png", "", "{image/png: 'x'}", "image/png", raw, 0, fail},
		{"to text, template sees base64", "image/png", "CONVERT_TO_TEXT", `{image/png: '$input.body'}`, "image/png", raw, 92, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be := &backend{contentType: "application/json"}
			srv, _ := serve(t, compilePlan(t, contentDoc(tc.bmt, tc.handling, tc.templates, "", "{}")), pipeline.Options{
				Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: be},
			})
			r := do(t, srv, "POST", "/dev/", tc.body, "Content-Type: "+tc.contentType)
			if tc.want == fail {
				r.check(t, 500, `{"message": "Internal server error"}`)
				return
			}
			req := be.last()
			if r.status != 200 || req == nil {
				t.Fatalf("status %d, integration called: %v", r.status, req != nil)
			}
			if len(req.Body) != tc.wantLen {
				t.Errorf("integration received %d bytes, want %d", len(req.Body), tc.wantLen)
			}
		})
	}
}

// TestResponseContentHandling replays the response half of the recorded
// matrix: the method response body length, or 500.
func TestResponseContentHandling(t *testing.T) {
	const fail = -1
	raw := rawPayload
	tests := []struct {
		name, bmt, handling, payloadType, accept string
		payload                                  []byte
		wantLen                                  int
	}{
		{"none, text payload, binary accept, encoded", "image/png", "", "binary/octet-stream", "image/png", []byte(encPayload), 67},
		{"none, text payload, text accept", "image/png", "", "binary/octet-stream", "text/plain", []byte(encPayload), 92},
		{"none, binary payload, binary accept, encoded", "image/png", "", "image/png", "image/png", []byte(encPayload), 92},
		{"none, text payload, binary accept, raw", "image/png", "", "binary/octet-stream", "image/png", raw, fail},
		{"none, text payload, text accept, raw", "image/png", "", "binary/octet-stream", "text/plain", raw, 99},
		{"none, binary payload, binary accept, raw", "image/png", "", "image/png", "image/png", raw, 67},
		{"none, binary payload, text accept, raw", "image/png", "", "image/png", "text/plain", raw, 92},
		{"none, wildcard accept never binary", "image/*", "", "binary/octet-stream", "image/*", []byte(encPayload), 92},
		{"none, wildcard entry never matches accept", "*/test", "", "binary/octet-stream", "*/test", []byte(encPayload), 92},
		{"to text, binary payload", "image/png", "CONVERT_TO_TEXT", "image/png", "image/png", []byte(encPayload), 124},
		{"to text, text payload, raw", "image/png", "CONVERT_TO_TEXT", "binary/octet-stream", "image/png", raw, 99},
		{"to text, binary payload, raw", "image/png", "CONVERT_TO_TEXT", "image/png", "text/plain", raw, 92},
		{"to binary, text payload, encoded", "image/png", "CONVERT_TO_BINARY", "binary/octet-stream", "text/plain", []byte(encPayload), 67},
		{"to binary, binary payload, encoded", "image/png", "CONVERT_TO_BINARY", "image/png", "text/plain", []byte(encPayload), 92},
		{"to binary, text payload, raw", "image/png", "CONVERT_TO_BINARY", "binary/octet-stream", "text/plain", raw, fail},
		{"to binary, text", "", "CONVERT_TO_BINARY", "binary/octet-stream", "text/plain", []byte(textPayload), fail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be := &backend{contentType: tc.payloadType, payload: tc.payload}
			srv, _ := serve(t, compilePlan(t, contentDoc(tc.bmt, "", "{}", tc.handling, "{}")), pipeline.Options{
				Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: be},
			})
			r := do(t, srv, "POST", "/dev/", "{}", "Content-Type: application/json", "Accept: "+tc.accept)
			if tc.wantLen == fail {
				r.check(t, 500, `{"message": "Internal server error"}`)
				return
			}
			if r.status != 200 || len(r.body) != tc.wantLen {
				t.Errorf("got %d with %d bytes, want 200 with %d", r.status, len(r.body), tc.wantLen)
			}
		})
	}
}
