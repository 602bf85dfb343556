package lambda

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"archway/internal/functions"
	"archway/internal/integration"
)

// Credentials of the fake AWS: the static ones the tests put in the
// environment and the ones the fake STS hands out for a role.
const (
	staticKey, staticSecret   = "AKIDSTATICEXAMPLE", "static-secret"
	sessionKey, sessionSecret = "ASIASESSIONEXAMPLE", "session-secret"
	sessionToken              = "session-token-example"
	remoteRegion              = "eu-west-2"
	testRole                  = "arn:aws:iam::123456789012:role/api-invoker"
)

// secrets maps the access keys the fakes accept to their secrets.
var secrets = map[string]string{staticKey: staticSecret, sessionKey: sessionSecret}

// authHeader parses "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
// Signature=...".
var authHeader = regexp.MustCompile(`^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$`)

// sigV4 is what a verified signature said.
type sigV4 struct {
	key, region, service string
	signedHeaders        []string
}

// verifySigV4 checks r's SigV4 signature: the credential scope, the
// signed headers, and the signature itself, recomputed over the signed
// headers and body with the secret of the access key.
func verifySigV4(r *http.Request, body []byte) (*sigV4, error) {
	m := authHeader.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return nil, fmt.Errorf("malformed Authorization %q", r.Header.Get("Authorization"))
	}
	sig := &sigV4{key: m[1], region: m[3], service: m[4], signedHeaders: strings.Split(m[5], ";")}
	secret, ok := secrets[sig.key]
	if !ok {
		return nil, fmt.Errorf("unknown access key %s", sig.key)
	}
	amzDate := r.Header.Get("X-Amz-Date")
	when, err := time.Parse("20060102T150405Z", amzDate)
	if err != nil || !strings.HasPrefix(amzDate, m[2]) {
		return nil, fmt.Errorf("X-Amz-Date %q does not match the scope date %s", amzDate, m[2])
	}
	for _, h := range []string{"host", "x-amz-date"} {
		if !contains(sig.signedHeaders, h) {
			return nil, fmt.Errorf("%s not signed: %v", h, sig.signedHeaders)
		}
	}
	// Re-sign a copy carrying only the signed headers.
	cp, err := http.NewRequest(r.Method, "http://"+r.Host+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for _, h := range sig.signedHeaders {
		if h != "host" && h != "content-length" {
			cp.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: sig.key, SecretAccessKey: secret, SessionToken: r.Header.Get("X-Amz-Security-Token")}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, cp, hex.EncodeToString(sum[:]), sig.service, sig.region, when); err != nil {
		return nil, err
	}
	if want := cp.Header.Get("Authorization"); want != r.Header.Get("Authorization") {
		return nil, fmt.Errorf("signature mismatch:\n got %s\nwant %s", r.Header.Get("Authorization"), want)
	}
	return sig, nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// fakeLambda is a loopback Lambda Invoke API: it verifies each request's
// signature and answers by function name (ok: the payload echoed, fails:
// a function error, busy: TooManyRequestsException).
type fakeLambda struct {
	mu    sync.Mutex
	calls []lambdaCall
}

type lambdaCall struct {
	sig     *sigV4
	err     error
	token   string
	traceID string
}

func (f *fakeLambda) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig, err := verifySigV4(r, body)
	f.mu.Lock()
	f.calls = append(f.calls, lambdaCall{sig: sig, err: err, token: r.Header.Get("X-Amz-Security-Token"), traceID: r.Header.Get("X-Amzn-Trace-Id")})
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Requestid", "11111111-2222-3333-4444-555555555555")
	if err != nil {
		w.Header().Set("X-Amzn-Errortype", "InvalidSignatureException")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `{"message": %q}`, err.Error())
		return
	}
	path, _ := url.PathUnescape(r.URL.EscapedPath())
	name := strings.TrimSuffix(path, "/invocations")
	name = name[strings.LastIndex(name, ":")+1:]
	switch name {
	case "ok":
		w.Header().Set("X-Amz-Executed-Version", "$LATEST")
		_, _ = w.Write(body)
	case "fails":
		w.Header().Set("X-Amz-Function-Error", "Unhandled")
		_, _ = io.WriteString(w, `{"errorMessage":"boom","errorType":"Error"}`)
	case "busy":
		w.Header().Set("X-Amzn-Errortype", "TooManyRequestsException")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}`)
	default:
		w.Header().Set("X-Amzn-Errortype", "ResourceNotFoundException")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"Type":"User","message":"Function not found"}`)
	}
}

func (f *fakeLambda) last() lambdaCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[len(f.calls)-1]
}

// fakeSTS is a loopback STS answering AssumeRole with session
// credentials, after checking the static credentials' signature.
type fakeSTS struct {
	mu    sync.Mutex
	roles []string
	errs  []error
}

func (f *fakeSTS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig, err := verifySigV4(r, body)
	if err == nil && (sig.key != staticKey || sig.service != "sts") {
		err = fmt.Errorf("STS call signed by %s for %s", sig.key, sig.service)
	}
	form, _ := url.ParseQuery(string(body))
	f.mu.Lock()
	f.roles = append(f.roles, form.Get("RoleArn"))
	if err != nil {
		f.errs = append(f.errs, err)
	}
	f.mu.Unlock()
	if err != nil || form.Get("Action") != "AssumeRole" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLE:%[1]s</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/api-invoker/%[1]s</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>%[2]s</AccessKeyId>
      <SecretAccessKey>%[3]s</SecretAccessKey>
      <SessionToken>%[4]s</SessionToken>
      <Expiration>%[5]s</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`, form.Get("RoleSessionName"), sessionKey, sessionSecret, sessionToken,
		time.Now().Add(time.Hour).UTC().Format(time.RFC3339))
}

// remoteFunction registers name in remoteRegion behind endpoint.
func remoteFunction(name, endpoint string) *functions.Function {
	return &functions.Function{Name: name, Region: remoteRegion,
		ARN:    "arn:aws:lambda:" + remoteRegion + ":" + account + ":function:" + name,
		Remote: &functions.Remote{Endpoint: endpoint}}
}

func remoteURI(name string) string {
	return "arn:aws:apigateway:" + remoteRegion + ":lambda:path/2015-03-31/functions/arn:aws:lambda:" +
		remoteRegion + ":" + account + ":function:" + name + "/invocations"
}

// TestRemoteInvoke calls a loopback Lambda Invoke API through the AWS SDK
// with the standard credential chain (static keys in the environment),
// assumed roles through a loopback STS, and checks every request's
// SigV4 signature and the mapping of the answers.
func TestRemoteInvoke(t *testing.T) {
	lam, sts := &fakeLambda{}, &fakeSTS{}
	lamSrv, stsSrv := httptest.NewServer(lam), httptest.NewServer(sts)
	t.Cleanup(lamSrv.Close)
	t.Cleanup(stsSrv.Close)
	t.Setenv("AWS_ACCESS_KEY_ID", staticKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", staticSecret)
	t.Setenv("AWS_ENDPOINT_URL_STS", stsSrv.URL)
	logs := &syncBuffer{}
	reg, err := functions.New(remoteFunction("ok", lamSrv.URL), remoteFunction("fails", lamSrv.URL), remoteFunction("busy", lamSrv.URL))
	if err != nil {
		t.Fatal(err)
	}
	inv := New(reg, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	t.Cleanup(func() { inv.Close() })

	const traceID = "Root=1-5e1b4151-5ac6c58f5b5dbd6a3e4f0a1b"
	tests := []struct {
		name        string
		fn          string
		credentials string
		wantKey     string
		wantErr     error
		functionErr bool
	}{
		{"static credentials", "ok", "", staticKey, nil, false},
		{"assumed role", "ok", testRole, sessionKey, nil, false},
		{"assumed role cached", "ok", testRole, sessionKey, nil, false},
		{"caller identity", "ok", CallerIdentity, staticKey, nil, false},
		{"function error", "fails", "", staticKey, nil, true},
		{"throttled", "busy", testRole, sessionKey, ErrTooManyRequests, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			payload := `{"test":"` + tt.name + `"}`
			resp, err := inv.Invoke(context.Background(), &integration.Request{Method: "POST", URI: remoteURI(tt.fn),
				Body: []byte(payload), Credentials: tt.credentials, TraceID: traceID})
			call := lam.last()
			if call.err != nil {
				t.Fatalf("signature: %v", call.err)
			}
			if s := call.sig; s.key != tt.wantKey || s.region != remoteRegion || s.service != "lambda" {
				t.Errorf("credential scope %s/%s/%s, want %s/%s/lambda", s.key, s.region, s.service, tt.wantKey, remoteRegion)
			}
			if tt.wantKey == sessionKey && (call.token != sessionToken || !contains(call.sig.signedHeaders, "x-amz-security-token")) {
				t.Errorf("session token %q not sent or not signed (%v)", call.token, call.sig.signedHeaders)
			}
			if call.traceID != traceID {
				t.Errorf("X-Amzn-Trace-Id %q", call.traceID)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("want %v, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.FunctionError != tt.functionErr || resp.Header.Get("X-Amzn-Requestid") != "11111111-2222-3333-4444-555555555555" {
				t.Errorf("response %+v", resp)
			}
			switch {
			case tt.functionErr && (resp.ErrorMessage != "boom" || resp.Header.Get("X-Amz-Function-Error") != "Unhandled"):
				t.Errorf("function error: %+v", resp)
			case !tt.functionErr && string(resp.Body) != payload:
				t.Errorf("body %s, want %s", resp.Body, payload)
			}
		})
	}
	sts.mu.Lock()
	defer sts.mu.Unlock()
	if len(sts.errs) > 0 || len(sts.roles) != 1 || sts.roles[0] != testRole {
		t.Errorf("AssumeRole calls %v (want one, for %s), errors %v", sts.roles, testRole, sts.errs)
	}
	if !strings.Contains(logs.String(), "caller's IAM identity") {
		t.Errorf("no warning for %s:\n%s", CallerIdentity, logs)
	}
}

// TestCredentialsValues checks the credentials values Invoke accepts for
// remote and local functions, and the warning CallerIdentity gives.
func TestCredentialsValues(t *testing.T) {
	lamSrv := httptest.NewServer(&fakeLambda{})
	t.Cleanup(lamSrv.Close)
	cfg := aws.Config{Credentials: aws.AnonymousCredentials{}}
	reg, err := functions.New(remoteFunction("ok", lamSrv.URL), localFixture("local", "lambda:fixed", `{"body":"{}"}`))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	inv := New(reg, Options{AWSConfig: &cfg, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	t.Cleanup(func() { inv.Close() })
	tests := []struct {
		fn, creds, wantErr string
	}{
		{"ok", "arn:aws:iam::123456789012:user/alice", "expected an IAM role ARN"},
		{"ok", "admin", "expected an IAM role ARN"},
		{"ok", "arn:aws:iam::*:role/*", "expected an IAM role ARN"},
		{"local", "admin", "expected an IAM role ARN"},
		{"local", CallerIdentity, ""},
		{"local", testRole, ""},
	}
	for _, tt := range tests {
		req := &integration.Request{Method: "POST", URI: uri(tt.fn), Body: []byte(`{}`), Credentials: tt.creds}
		if tt.fn == "ok" {
			req.URI = remoteURI(tt.fn)
		}
		_, err := inv.Invoke(context.Background(), req)
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s with %q: got %v, want %q", tt.fn, tt.creds, err, tt.wantErr)
		}
	}
	if !strings.Contains(logs.String(), "the local function runs without one") {
		t.Errorf("no warning for %s on a local function:\n%s", CallerIdentity, logs)
	}
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestVerifySigV4 checks the fakes' verifier: it accepts a request the
// SDK signed and rejects it once tampered with.
func TestVerifySigV4(t *testing.T) {
	body := []byte(`{"a":1}`)
	sign := func() *http.Request {
		r := httptest.NewRequest("POST", "http://127.0.0.1:9001/2015-03-31/functions/f/invocations", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		sum := sha256.Sum256(body)
		creds := aws.Credentials{AccessKeyID: staticKey, SecretAccessKey: staticSecret}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "lambda", remoteRegion, time.Now()); err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name   string
		tamper func(r *http.Request) []byte
		ok     bool
	}{
		{"intact", func(*http.Request) []byte { return body }, true},
		{"body", func(*http.Request) []byte { return []byte(`{"a":2}`) }, false},
		{"signed header", func(r *http.Request) []byte { r.Header.Set("Content-Type", "text/plain"); return body }, false},
		{"path", func(r *http.Request) []byte { r.URL.Path = "/2015-03-31/functions/g/invocations"; return body }, false},
		{"unknown key", func(r *http.Request) []byte {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), staticKey, "AKIDOTHER", 1))
			return body
		}, false},
	}
	for _, tt := range tests {
		r := sign()
		b := tt.tamper(r)
		if _, err := verifySigV4(r, b); (err == nil) != tt.ok {
			t.Errorf("%s: verify = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
