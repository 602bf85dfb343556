// Package integration defines the one small interface every backend
// (MOCK, HTTP, Lambda, AWS services) implements for the request pipeline:
// the pipeline builds an integration request, an Invoker answers it.
package integration

import (
	"context"
	"io"
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
	// BodyStream, when not nil, is the payload instead of Body: a
	// passed-through request body nothing else reads, ContentLength bytes
	// long, read once while the call is made.
	BodyStream    io.Reader
	ContentLength int64
	// StreamResponse asks for the response payload as a stream
	// (Response.BodyStream) over a buffer the integration pools: the
	// payload is read whole within the timeout, as API Gateway buffers
	// it, and the buffer goes back to the pool when the caller closes
	// the stream after copying it to the client.
	StreamResponse bool
	// Timeout bounds the call; the caller's context carries it too.
	Timeout time.Duration
	// TraceID is the request's X-Amzn-Trace-Id, for integrations that
	// forward it.
	TraceID string
	// TLS tunes the TLS connection to an HTTPS backend; nil for the
	// defaults (verification against the trusted roots, SNI from the URI).
	TLS *TLSConfig
	// ConnectionID is the VPC link of a VPC_LINK integration, "" for a
	// backend reached over the internet.
	ConnectionID string
}

// TLSConfig is an integration's tlsConfig.
type TLSConfig struct {
	// InsecureSkipVerification accepts any server certificate.
	InsecureSkipVerification bool
	// ServerNameToVerify, when not empty, is sent as SNI and checked
	// against the certificate instead of the URI's host.
	ServerNameToVerify string
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
	// BodyStream, when not nil, is the backend payload still to be read,
	// ContentLength bytes long, instead of Body; the caller closes it.
	BodyStream    io.ReadCloser
	ContentLength int64
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
