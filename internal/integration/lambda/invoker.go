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
// the Lambda Invoke API with github.com/aws/aws-sdk-go-v2/service/lambda:
// SigV4-signed with the standard credential chain (Options.AWSConfig), in
// the region of the function's ARN, at the registry's endpoint URL or
// AWS's regional one. The integration's credentials choose the identity:
// an IAM role ARN is assumed with STS (credentials cached per role);
// CallerIdentity (arn:aws:iam::*:user/*) would pass the caller's IAM
// identity, which Archway does not have since it does not authenticate
// callers with IAM: it invokes with its own credentials and logs a
// warning once per function. A custom endpoint is called unsigned (with
// a warning) when the chain finds no credentials. Local functions run
// without an IAM identity: a role is not assumed for them, and
// CallerIdentity logs the same warning.
//
// Throttling: a local function running Concurrency invocations (after
// its bounded Queue) and a remote TooManyRequestsException both give an
// error wrapping ErrTooManyRequests. API Gateway does not forward a
// Lambda 429, for AWS_PROXY or AWS: it answers 500
// {"message": "Internal server error"} through the INTEGRATION_FAILURE
// gateway response (AWS knowledge center "api-gateway-internal-server-error":
// a throttled backend gives Internal server error; a Lambda 429 maps to
// INTEGRATION_FAILURE), which is what the pipeline does with any Invoke
// error other than a timeout.
//
// Wiring:
//
//	reg, _ := functions.Load("functions.yaml")
//	inv := lambda.New(reg, lambda.Options{Logger: log})
//	defer inv.Close()
//	// register inv for plan.AWSProxy and for plan.AWS integrations whose
//	// URI is arn:aws:apigateway:{region}:lambda:path/...; check each such
//	// URI at load time with inv.Check(uri) (skip those with
//	// ${stageVariables.*}: functions.HasStageVariables), and its
//	// credentials with lambda.CheckCredentials.
//
// Per request, Invoke takes integration.Request{Method, URI (stage
// variables substituted), Body (the payload), Credentials, TraceID,
// Timeout} and
// returns integration.Response{Status: 200, Header (the Invoke API
// headers: Content-Type, X-Amz-Executed-Version, X-Amzn-Requestid and
// X-Amz-Function-Error when the function failed), Body (the result or
// error payload), FunctionError, ErrorMessage}. Errors: ErrIntegrationMethod
// (httpMethod other than POST: AWS answers 500), errors wrapping
// context.DeadlineExceeded (the integration timeout: 504), errors
// wrapping ErrTooManyRequests (throttled: 500), and any other error
// (unknown function, unreachable endpoint, signing: 500).
package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda/runtime"
)

// ErrIntegrationMethod is returned for an integration whose httpMethod is
// not POST: the Lambda Invoke API only accepts POST, and API Gateway
// answers such calls with 500 (aws-proxy-integration-method-get-500).
var ErrIntegrationMethod = errors.New("lambda: integration httpMethod must be POST")

// ErrTooManyRequests is wrapped by Invoke when the function is throttled:
// a local one at its concurrency limit with a full queue, or a remote one
// whose Invoke API answered TooManyRequestsException (HTTP 429).
var ErrTooManyRequests = runtime.ErrTooManyRequests

// maxPayload is the synchronous Invoke request limit.
const maxPayload = 6 * 1024 * 1024

// Options tunes an Invoker.
type Options struct {
	// Logger receives function output and lifecycle events; slog.Default()
	// when nil.
	Logger *slog.Logger
	// AWSConfig is the base configuration of remote invocations
	// (credentials, HTTP client, endpoint overrides). When nil it is
	// loaded on the first remote invocation by config.LoadDefaultConfig:
	// the standard credential chain (environment, shared files, SSO,
	// container and instance roles) and the AWS_ENDPOINT_URL_* variables.
	AWSConfig *aws.Config
}

// Invoker invokes registered functions. It is safe for concurrent use.
type Invoker struct {
	reg  *functions.Registry
	opts Options
	log  *slog.Logger

	// resolved caches integration URI → function (URIs are few and the
	// registry is immutable).
	resolved sync.Map

	// remotes holds the state of remote invocations.
	remotes remotes

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

// InvokeFunction invokes fn synchronously. creds is the integration's
// credentials (an IAM role ARN, CallerIdentity or ""), which only remote
// invocations use.
func (inv *Invoker) InvokeFunction(ctx context.Context, fn *functions.Function, payload []byte, traceID, creds string) (*runtime.Result, error) {
	if err := inv.checkCredentials(fn, creds); err != nil {
		return nil, err
	}
	if fn.Remote != nil {
		return inv.invokeRemote(ctx, fn, payload, traceID, creds)
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
		MemoryMB: l.MemoryMB, Timeout: l.Timeout, Concurrency: l.Concurrency, Queue: l.Queue, IdleTimeout: l.IdleTimeout,
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
