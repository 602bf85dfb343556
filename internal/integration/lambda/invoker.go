// Package lambda is the integration.Invoker for API Gateway integrations
// that target Lambda: AWS_PROXY (the pipeline encodes the proxy event with
// internal/lambdaevent and parses the answer with
// lambdaevent.ParseProxyResponse) and AWS (non-proxy: the request template
// output is the payload, a function error is matched against
// selectionPattern through Response.ErrorMessage).
//
// Functions are resolved through an internal/functions registry: local
// handlers run as processes under the embedded Runtime API host
// (internal/integration/lambda/runtime), remote ones are called through
// the Lambda Invoke REST API.
//
// Wiring:
//
//	reg, _ := functions.Load("functions.yaml")
//	inv := lambda.New(reg, lambda.Options{Logger: log})
//	defer inv.Close()
//	// register inv for plan.AWSProxy and for plan.AWS integrations whose
//	// URI is arn:aws:apigateway:{region}:lambda:path/...; check each such
//	// URI at load time with inv.Check(uri) (skip those with
//	// ${stageVariables.*}: functions.HasStageVariables).
//
// Per request, Invoke takes integration.Request{Method, URI (stage
// variables substituted), Body (the payload), TraceID, Timeout} and
// returns integration.Response{Status: 200, Header (the Invoke API
// headers: Content-Type, X-Amz-Executed-Version, X-Amzn-Requestid and
// X-Amz-Function-Error when the function failed), Body (the result or
// error payload), FunctionError, ErrorMessage}. Errors: ErrIntegrationMethod
// (httpMethod other than POST: AWS answers 500), errors wrapping
// context.DeadlineExceeded (the integration timeout: 504), and any other
// error (unknown function, unreachable endpoint: 500).
package lambda

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda/runtime"
)

// ErrIntegrationMethod is returned for an integration whose httpMethod is
// not POST: the Lambda Invoke API only accepts POST, and API Gateway
// answers such calls with 500 (aws-proxy-integration-method-get-500).
var ErrIntegrationMethod = errors.New("lambda: integration httpMethod must be POST")

// maxPayload is the synchronous Invoke request limit.
const maxPayload = 6 * 1024 * 1024

// Options tunes an Invoker.
type Options struct {
	// Logger receives function output and lifecycle events; slog.Default()
	// when nil.
	Logger *slog.Logger
	// Client calls remote endpoints; http.DefaultClient when nil.
	Client *http.Client
	// Sign, when set, signs each remote Invoke request (SigV4 with the
	// caller's credential chain; role is the integration's credentials
	// ARN, "" for none). Without it requests are sent unsigned, which
	// suits local Lambda-compatible endpoints.
	Sign func(ctx context.Context, req *http.Request, payload []byte, region, role string) error
}

// Invoker invokes registered functions. It is safe for concurrent use.
type Invoker struct {
	reg  *functions.Registry
	opts Options
	log  *slog.Logger

	// resolved caches integration URI → function (URIs are few and the
	// registry is immutable).
	resolved sync.Map

	mu     sync.Mutex
	pools  map[string]*runtime.Pool
	closed bool
}

var _ integration.Invoker = (*Invoker)(nil)

// New returns an Invoker for the functions of reg. Local processes start
// on first use.
func New(reg *functions.Registry, opts Options) *Invoker {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Client == nil {
		opts.Client = http.DefaultClient
	}
	return &Invoker{reg: reg, opts: opts, log: opts.Logger, pools: map[string]*runtime.Pool{}}
}

// Check reports whether an integration URI resolves to a registered
// function (the load-time check).
func (inv *Invoker) Check(uri string) error {
	_, err := inv.reg.Resolve(uri)
	return err
}

// Invoke calls the function the integration URI names with req.Body as the
// payload.
func (inv *Invoker) Invoke(ctx context.Context, req *integration.Request) (*integration.Response, error) {
	if req.Method != "" && req.Method != http.MethodPost {
		return nil, fmt.Errorf("%w, got %s", ErrIntegrationMethod, req.Method)
	}
	fn, err := inv.resolve(req.URI)
	if err != nil {
		return nil, err
	}
	payload := req.Body
	if req.BodyStream != nil {
		if payload, err = io.ReadAll(io.LimitReader(req.BodyStream, maxPayload+1)); err != nil {
			return nil, fmt.Errorf("lambda: reading the payload: %w", err)
		}
	}
	if len(payload) > maxPayload {
		return nil, fmt.Errorf("lambda: payload of %d bytes exceeds the %d-byte Invoke limit", len(payload), maxPayload)
	}
	res, err := inv.InvokeFunction(ctx, fn, payload, req.TraceID, req.Credentials)
	if err != nil {
		return nil, err
	}
	return toResponse(res), nil
}

// resolve returns the function an integration URI names, caching
// successful lookups.
func (inv *Invoker) resolve(uri string) (*functions.Function, error) {
	if fn, ok := inv.resolved.Load(uri); ok {
		return fn.(*functions.Function), nil
	}
	fn, err := inv.reg.Resolve(uri)
	if err != nil {
		return nil, fmt.Errorf("lambda: %w", err)
	}
	inv.resolved.Store(uri, fn)
	return fn, nil
}

// InvokeFunction invokes fn synchronously. role is the credentials ARN for
// remote calls.
func (inv *Invoker) InvokeFunction(ctx context.Context, fn *functions.Function, payload []byte, traceID, role string) (*runtime.Result, error) {
	if fn.Remote != nil {
		return inv.invokeRemote(ctx, fn, payload, traceID, role)
	}
	pool, err := inv.pool(fn)
	if err != nil {
		return nil, err
	}
	res, err := pool.Invoke(ctx, payload, runtime.InvokeOptions{TraceID: traceID})
	if err != nil {
		return nil, fmt.Errorf("lambda: %w", err)
	}
	return res, nil
}

// pool returns the process pool of a local function, creating it once.
func (inv *Invoker) pool(fn *functions.Function) (*runtime.Pool, error) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.closed {
		return nil, runtime.ErrClosed
	}
	if p, ok := inv.pools[fn.Name]; ok {
		return p, nil
	}
	l := fn.Local
	p, err := runtime.NewPool(runtime.Config{
		Name: fn.Name, ARN: fn.ARN, Region: fn.Region,
		Command: l.Command, Dir: l.Dir, Env: l.Env, Handler: l.Handler, Runtime: l.Runtime,
		MemoryMB: l.MemoryMB, Timeout: l.Timeout, Concurrency: l.Concurrency, IdleTimeout: l.IdleTimeout,
		Logger: inv.log,
	})
	if err != nil {
		return nil, fmt.Errorf("lambda: %w", err)
	}
	inv.pools[fn.Name] = p
	return p, nil
}

// Close stops every local process. Invoke fails afterwards.
func (inv *Invoker) Close() error {
	inv.mu.Lock()
	pools := inv.pools
	inv.pools = map[string]*runtime.Pool{}
	inv.closed = true
	inv.mu.Unlock()
	for _, p := range pools {
		p.Close()
	}
	return nil
}

// invokeRemote calls POST {endpoint}/2015-03-31/functions/{name}/invocations.
func (inv *Invoker) invokeRemote(ctx context.Context, fn *functions.Function, payload []byte, traceID, role string) (*runtime.Result, error) {
	endpoint := fn.Remote.Endpoint
	if endpoint == "" {
		endpoint = "https://lambda." + fn.Region + ".amazonaws.com"
	}
	name := fn.Remote.FunctionName
	if name == "" {
		name = fn.ARN
	}
	u := strings.TrimSuffix(endpoint, "/") + "/2015-03-31/functions/" + url.PathEscape(name) + "/invocations"
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("lambda: %s: %w", fn.Name, err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("X-Amz-Invocation-Type", "RequestResponse")
	if traceID != "" {
		hreq.Header.Set("X-Amzn-Trace-Id", traceID)
	}
	if inv.opts.Sign != nil {
		if err := inv.opts.Sign(ctx, hreq, payload, fn.Region, role); err != nil {
			return nil, fmt.Errorf("lambda: %s: signing: %w", fn.Name, err)
		}
	}
	resp, err := inv.opts.Client.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("lambda: %s: %w", fn.Name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, runtime.MaxResponseSize+1))
	if err != nil {
		return nil, fmt.Errorf("lambda: %s: reading the response: %w", fn.Name, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("lambda: %s: Invoke answered %s: %s", fn.Name, resp.Status, truncate(body, 200))
	}
	return &runtime.Result{
		RequestID:     resp.Header.Get("X-Amzn-Requestid"),
		Payload:       body,
		FunctionError: resp.Header.Get("X-Amz-Function-Error"),
	}, nil
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// toResponse maps an invocation result to the integration response, with
// the headers the Lambda Invoke API answers with.
func toResponse(res *runtime.Result) *integration.Response {
	h := http.Header{
		"Content-Type":           {"application/json"},
		"X-Amz-Executed-Version": {"$LATEST"},
	}
	if res.RequestID != "" {
		h["X-Amzn-Requestid"] = []string{res.RequestID}
	}
	out := &integration.Response{Status: http.StatusOK, Header: h, Body: res.Payload}
	if res.FunctionError != "" {
		h["X-Amz-Function-Error"] = []string{res.FunctionError}
		out.FunctionError = true
		out.ErrorMessage = ErrorMessage(res.Payload)
	}
	return out
}

// ErrorMessage returns the errorMessage member of a function error
// payload, or "" when it has none.
func ErrorMessage(payload []byte) string {
	var e struct {
		ErrorMessage json.RawMessage `json:"errorMessage"`
	}
	if json.Unmarshal(payload, &e) != nil {
		return ""
	}
	var s string
	if json.Unmarshal(e.ErrorMessage, &s) != nil {
		return ""
	}
	return s
}
