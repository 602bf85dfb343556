package lambdaevent

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// TestEventDecodesWithAWSLambdaGo checks the encoded event against the
// aws-lambda-go request type handlers decode it with.
func TestEventDecodesWithAWSLambdaGo(t *testing.T) {
	req := &ProxyRequest{
		Resource: "/items/{id}", Path: "/items/42", HTTPMethod: "POST",
		Headers:        []Header{{"Content-Type", "application/octet-stream"}, {"X-Multi", "a"}, {"X-Multi", "b"}},
		RawQuery:       "q=1&q=2",
		PathParameters: []Param{{"id", "42"}},
		StageVariables: []Param{{"env", "dev"}},
		Body:           []byte{0, 1, 2},
		Binary:         true,
		Context: RequestContext{AccountID: "123456789012", APIID: "abc", Stage: "dev", RequestID: "r-1",
			ResourcePath: "/items/{id}", HTTPMethod: "POST", Path: "/dev/items/42", RequestTimeEpoch: 1700000000000,
			Identity: Identity{SourceIP: "198.51.100.7", UserAgent: "curl/8"}},
	}
	var ev events.APIGatewayProxyRequest
	if err := json.Unmarshal(AppendProxyEvent(nil, req), &ev); err != nil {
		t.Fatal(err)
	}
	switch {
	case ev.Resource != "/items/{id}" || ev.Path != "/items/42" || ev.HTTPMethod != "POST":
		t.Errorf("request line: %+v", ev)
	case ev.Headers["X-Multi"] != "b" || len(ev.MultiValueHeaders["X-Multi"]) != 2:
		t.Errorf("headers: %v %v", ev.Headers, ev.MultiValueHeaders)
	case ev.QueryStringParameters["q"] != "2" || len(ev.MultiValueQueryStringParameters["q"]) != 2:
		t.Errorf("query: %v %v", ev.QueryStringParameters, ev.MultiValueQueryStringParameters)
	case ev.PathParameters["id"] != "42" || ev.StageVariables["env"] != "dev":
		t.Errorf("params: %v %v", ev.PathParameters, ev.StageVariables)
	case ev.Body != "AAEC" || !ev.IsBase64Encoded:
		t.Errorf("body: %q %v", ev.Body, ev.IsBase64Encoded)
	case ev.RequestContext.Identity.SourceIP != "198.51.100.7" || ev.RequestContext.RequestTimeEpoch != 1700000000000 ||
		ev.RequestContext.Stage != "dev" || ev.RequestContext.Path != "/dev/items/42":
		t.Errorf("requestContext: %+v", ev.RequestContext)
	}
}
