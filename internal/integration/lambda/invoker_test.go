package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/lambdaevent"
	"archway/internal/lambdafixtures"
)

// fixtureBin is the lambda:* fixture program, built once by TestMain.
var fixtureBin string

func TestMain(m *testing.M) {
	isolateAWSEnvironment()
	dir, err := os.MkdirTemp("", "archway-lambda-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixtureBin, err = lambdafixtures.Build(context.Background(), dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// isolateAWSEnvironment keeps the AWS SDK's default chain off the
// developer's credentials, profiles and the instance metadata service:
// tests set what they use.
func isolateAWSEnvironment() {
	for _, v := range os.Environ() {
		if name, _, _ := strings.Cut(v, "="); strings.HasPrefix(name, "AWS_") {
			os.Unsetenv(name)
		}
	}
	os.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	os.Setenv("AWS_CONFIG_FILE", os.DevNull)
	os.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
}

const region, account = "us-east-1", "123456789012"

func uri(fn string) string {
	return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/arn:aws:lambda:" + region + ":" + account + ":function:" + fn + "/invocations"
}

// localFixture registers a fixture program as a local function.
func localFixture(name, fixture, args string) *functions.Function {
	return lambdafixtures.LocalFunction(name, region, account, fixtureBin, fixture, []byte(args))
}

// invokeAPI serves the Lambda Invoke REST API for in-process fixtures.
func invokeAPI(t *testing.T, fixtures map[string]lambdafixtures.Fixture) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(lambdafixtures.InvokeAPI(fixtures))
	t.Cleanup(srv.Close)
	return srv
}

func newInvoker(t testing.TB, fns ...*functions.Function) *Invoker {
	t.Helper()
	reg, err := functions.New(fns...)
	if err != nil {
		t.Fatal(err)
	}
	inv := New(reg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	t.Cleanup(func() { inv.Close() })
	return inv
}

func mustFixture(t *testing.T, name, args string) lambdafixtures.Fixture {
	t.Helper()
	f, err := lambdafixtures.New(name, []byte(args))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestInvokeLocalAndRemote(t *testing.T) {
	srv := invokeAPI(t, map[string]lambdafixtures.Fixture{
		"remote-selection": mustFixture(t, "lambda:selection", ""),
	})
	inv := newInvoker(t,
		localFixture("selection", "lambda:selection", ""),
		&functions.Function{Name: "remote-selection", Region: region,
			ARN:    "arn:aws:lambda:" + region + ":" + account + ":function:remote-selection",
			Remote: &functions.Remote{Endpoint: srv.URL}},
	)
	const msg400 = "Error: Raising four hundred from within the Lambda function"
	tests := []struct {
		status       string
		body         string
		functionErr  bool
		errorMessage string
	}{
		{"200", `"Pass"`, false, ""},
		{"400", "", true, msg400},
		{"201", `"Error Value in the json request should either be 400 or 500 to demonstrate"`, false, ""},
	}
	for _, fn := range []string{"selection", "remote-selection"} {
		for _, tt := range tests {
			t.Run(fn+"/"+tt.status, func(t *testing.T) {
				resp, err := inv.Invoke(context.Background(), &integration.Request{
					Method: "POST", URI: uri(fn), Body: []byte(`{"statusCode": "` + tt.status + `"}`),
				})
				if err != nil {
					t.Fatal(err)
				}
				if resp.Status != 200 || resp.FunctionError != tt.functionErr || resp.ErrorMessage != tt.errorMessage {
					t.Errorf("got %+v", resp)
				}
				if tt.body != "" && string(resp.Body) != tt.body {
					t.Errorf("body %s, want %s", resp.Body, tt.body)
				}
				if tt.functionErr {
					if resp.Header.Get("X-Amz-Function-Error") != "Unhandled" {
						t.Errorf("headers %v", resp.Header)
					}
					var e map[string]any
					if err := json.Unmarshal(resp.Body, &e); err != nil || e["requestId"] != resp.Header.Get("X-Amzn-Requestid") {
						t.Errorf("error payload %s (request id %s)", resp.Body, resp.Header.Get("X-Amzn-Requestid"))
					}
				}
			})
		}
	}
}

// TestProxyRoundTrip runs a recorded vector's event through the proxy-echo
// fixture process and parses its proxy response: the response body is the
// event.
func TestProxyRoundTrip(t *testing.T) {
	inv := newInvoker(t, localFixture("echo", "lambda:proxy-echo", "{}"))
	event := lambdaevent.AppendProxyEvent(nil, &lambdaevent.ProxyRequest{
		Resource: "/{proxy+}", Path: "/proxy-value/", HTTPMethod: "GET",
		Headers:        []lambdaevent.Header{{Name: "tEsT-HEADeR", Value: "aValUE"}, {Name: "Connection", Value: "keep-alive"}},
		RawQuery:       "plus=test+alias@gmail.com&email=test%2Balias@gmail.com",
		PathParameters: []lambdaevent.Param{{Name: "proxy", Value: "proxy-value/"}},
		Context:        lambdaevent.RequestContext{Path: "/stage/proxy-value/", Stage: "stage"},
	})
	resp, err := inv.Invoke(context.Background(), &integration.Request{Method: "POST", URI: uri("echo"), Body: event})
	if err != nil {
		t.Fatal(err)
	}
	proxy, err := lambdaevent.ParseProxyResponse(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got, want any
	if err := json.Unmarshal(proxy.Body, &got); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(event, &want)
	if fmt.Sprint(got) != fmt.Sprint(want) || proxy.StatusCode != 200 {
		t.Errorf("echoed event differs:\n got %v\nwant %v", got, want)
	}
	q := got.(map[string]any)["queryStringParameters"].(map[string]any)
	if q["plus"] != "test alias@gmail.com" || q["email"] != "test+alias@gmail.com" {
		t.Errorf("query %v", q)
	}
}

func TestInvokeErrors(t *testing.T) {
	srv := invokeAPI(t, nil)
	inv := newInvoker(t,
		localFixture("echo", "lambda:proxy-echo", ""),
		localFixture("broken", "lambda:nope", ""),
		&functions.Function{Name: "gone", Region: region, ARN: "arn:aws:lambda:" + region + ":" + account + ":function:gone",
			Remote: &functions.Remote{Endpoint: srv.URL}},
	)
	tests := []struct {
		name string
		req  integration.Request
		want string
	}{
		{"GET method", integration.Request{Method: "GET", URI: uri("echo")}, "httpMethod must be POST"},
		{"unknown function", integration.Request{Method: "POST", URI: uri("nope")}, "not registered"},
		{"remote 404", integration.Request{Method: "POST", URI: uri("gone"), Body: []byte(`{}`)}, "404"},
		{"too large", integration.Request{Method: "POST", URI: uri("echo"), Body: make([]byte, maxPayload+1)}, "exceeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := inv.Invoke(context.Background(), &tt.req)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := inv.Invoke(context.Background(), &integration.Request{Method: "GET", URI: uri("echo")}); !errors.Is(err, ErrIntegrationMethod) {
		t.Errorf("want ErrIntegrationMethod, got %v", err)
	}
	// A fixture that cannot initialise reports an init error: a
	// function error carrying its payload.
	resp, err := inv.Invoke(context.Background(), &integration.Request{Method: "POST", URI: uri("broken"), Body: []byte(`{}`)})
	if err != nil || !resp.FunctionError || !strings.Contains(resp.ErrorMessage, "unknown fixture") {
		t.Errorf("init error: %+v, %v", resp, err)
	}
}

func TestIntegrationTimeout(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body) // lets the server notice the client going away
		<-r.Context().Done()
	}))
	defer slow.Close()
	inv := newInvoker(t, &functions.Function{Name: "slow", Region: region,
		ARN: "arn:aws:lambda:" + region + ":" + account + ":function:slow", Remote: &functions.Remote{Endpoint: slow.URL}})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := inv.Invoke(ctx, &integration.Request{Method: "POST", URI: uri("slow"), Body: []byte(`{}`)})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("want context.DeadlineExceeded, got %v", err)
	}
}

func TestCheckAndErrorMessage(t *testing.T) {
	inv := newInvoker(t, localFixture("echo", "lambda:proxy-echo", ""))
	if err := inv.Check(uri("echo")); err != nil {
		t.Error(err)
	}
	if err := inv.Check(uri("other")); err == nil {
		t.Error("unknown function accepted")
	}
	for payload, want := range map[string]string{
		`{"errorMessage": "boom", "errorType": "E"}`: "boom",
		`{"errorType": "E"}`:                         "",
		`"text"`:                                     "",
		`{"errorMessage": 1}`:                        "",
	} {
		if got := ErrorMessage([]byte(payload)); got != want {
			t.Errorf("ErrorMessage(%s) = %q, want %q", payload, got, want)
		}
	}
}
