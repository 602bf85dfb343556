package mock

import (
	"context"
	"testing"

	"archway/internal/integration"
)

func TestStatus(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		want    int
	}{
		{"json", `{"statusCode": 200}`, 200},
		{"other status", `{"statusCode":404}`, 404},
		{"non-JSON template output", `{statusCode: 500}`, 500},
		{"string status", `{"statusCode": "201"}`, 201},
		{"empty", ``, 200},
		{"no statusCode", `{"a": 1}`, 200},
		{"not an object", `[1, 2]`, 200},
		{"plain text", `hello`, 200},
		{"fraction", `{"statusCode": 200.5}`, 200},
		{"out of range", `{"statusCode": 99}`, 200},
		{"garbage", `{"statusCode": "x"}`, 200},
		{"whitespace", "\n    {\n      \"statusCode\": 202\n    }\n", 202},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Status([]byte(tc.payload)); got != tc.want {
				t.Errorf("Status(%q) = %d, want %d", tc.payload, got, tc.want)
			}
		})
	}
}

func TestInvoke(t *testing.T) {
	resp, err := Invoker{}.Invoke(context.Background(), &integration.Request{Body: []byte(`{"statusCode": 418}`)})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 418 || len(resp.Body) != 0 {
		t.Errorf("got status %d body %q, want 418 and no body", resp.Status, resp.Body)
	}
}

// TestPlainStatusAgrees checks the fast path against the full parse: for
// every payload it accepts, the status is the one the JSON reading gives.
func TestPlainStatusAgrees(t *testing.T) {
	payloads := []string{
		`{"statusCode": 200}`, `{"statusCode":404}`, " \t{ \"statusCode\" :\r\n 503 } \n", `{"statusCode": 700}`,
		`{"statusCode": 099}`, `{"statusCode": 0200}`, `{"statusCode": 2000}`, `{"statusCode": 20}`,
		`{"statusCode": 200,}`, `{"statusCode": 200} x`, `{"statusCode": 200 }}`, `{"statuscode": 200}`,
		`{ "statusCode": 1e2}`, `{"statusCode": -200}`, `{"statusCode": 200.0}`, `x{"statusCode": 200}`,
	}
	accepted := 0
	for _, p := range payloads {
		fast, ok := plainStatus([]byte(p))
		if !ok {
			continue
		}
		accepted++
		if full := parsedStatus([]byte(p)); fast != full {
			t.Errorf("%q: fast path %d, JSON reading %d", p, fast, full)
		}
	}
	if accepted != 4 {
		t.Errorf("fast path took %d payloads, want 4", accepted)
	}
}
