package lambdafixtures

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestInvokeAPI(t *testing.T) {
	sel, err := New("lambda:selection", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(InvokeAPI(map[string]Fixture{"sel": sel}))
	defer srv.Close()
	tests := []struct {
		path, body string
		status     int
		fnErr      string
		want       string
	}{
		{"/2015-03-31/functions/sel/invocations", `{"statusCode": "200"}`, 200, "", `"Pass"`},
		{"/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Asel/invocations", `{"statusCode": "400"}`, 200, "Unhandled", `{"errorMessage": "Error: Raising four hundred`},
		{"/2015-03-31/functions/1:function:sel:$LATEST/invocations", `{"statusCode": "200"}`, 200, "", `"Pass"`},
		{"/2015-03-31/functions/other/invocations", `{}`, 404, "", `{"Type":"User"`},
	}
	for _, tt := range tests {
		resp, err := http.Post(srv.URL+tt.path, "application/json", strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || resp.Header.Get("X-Amz-Function-Error") != tt.fnErr || !strings.HasPrefix(string(body), tt.want) {
			t.Errorf("%s: %d %q %s", tt.path, resp.StatusCode, resp.Header.Get("X-Amz-Function-Error"), body)
		}
		if tt.fnErr != "" && !strings.Contains(string(body), `"requestId": "`+resp.Header.Get("x-amzn-RequestId")+`"`) {
			t.Errorf("requestId does not match the header: %s", body)
		}
	}
}

func TestLocalFunction(t *testing.T) {
	f := LocalFunction("fx", "us-east-1", "123456789012", "/bin/fixture", "lambda:fixed", []byte(`{"result": 1}`))
	if f.ARN != "arn:aws:lambda:us-east-1:123456789012:function:fx" || f.Local.Command[0] != "/bin/fixture" ||
		f.Local.Env[0] != "ARCHWAY_FIXTURE=lambda:fixed" || f.Local.Env[1] != `ARCHWAY_FIXTURE_ARGS={"result": 1}` {
		t.Errorf("got %+v %+v", f, f.Local)
	}
}
