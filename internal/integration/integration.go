// Package integration defines the one small interface every backend
// (MOCK, HTTP, Lambda, AWS services) implements for the request pipeline:
// the pipeline builds an integration request, an Invoker answers it.
package integration

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Request is the integration request the pipeline built: the transformed
// payload and the mapped parameters.
type Request struct {
	// Method is the integration HTTP method.
	Method string
	// URI is the integration URI with stage variables and path parameters
	// expanded.
	URI string
	// Credentials is the IAM role ARN to assume, or "" for none.
	Credentials string
	// Header holds the mapped integration request headers.
	Header http.Header
	// Query holds the mapped integration request query string parameters.
	Query url.Values
	// Body is the payload after template rendering or passthrough.
	Body []byte
	// Timeout bounds the call; the caller's context carries it too.
	Timeout time.Duration
	// TraceID is the request's X-Amzn-Trace-Id, for integrations that
	// forward it.
	TraceID string
}

// Response is what the backend answered.
type Response struct {
	// Status is the backend status code (for MOCK, the one the request
	// template chose).
	Status int
	// Header holds the backend response headers.
	Header http.Header
	// Body is the backend payload.
	Body []byte
	// FunctionError is set when a Lambda function failed (non-proxy AWS
	// integrations); ErrorMessage is then its errorMessage, which
	// selection patterns are matched against instead of the status.
	FunctionError bool
	ErrorMessage  string
}

// Invoker calls one kind of backend. Implementations are safe for
// concurrent use. An error means the backend could not be reached or
// answered with something unusable; the pipeline turns it into a gateway
// response.
type Invoker interface {
	Invoke(ctx context.Context, req *Request) (*Response, error)
}

// InvokerFunc adapts a function to Invoker.
type InvokerFunc func(ctx context.Context, req *Request) (*Response, error)

// Invoke calls f.
func (f InvokerFunc) Invoke(ctx context.Context, req *Request) (*Response, error) {
	return f(ctx, req)
}

var _ Invoker = InvokerFunc(nil)
