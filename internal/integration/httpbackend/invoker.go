package httpbackend

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"archway/internal/integration"
)

// MaxPayload is the largest backend response accepted: API Gateway's
// 10 MB payload limit.
const MaxPayload = 10 << 20

// Config configures an Invoker.
type Config struct {
	// RootCAs are the authorities backend certificates are verified
	// against; nil means the system's.
	RootCAs *x509.CertPool
	// VPCLinks resolve the connectionId of VPC_LINK integrations to the
	// target that stands for the link's network load balancer.
	VPCLinks VPCLinks
	// DialTimeout bounds connecting to a backend; 10 seconds when 0. The
	// integration timeout bounds the whole call in any case.
	DialTimeout time.Duration
}

// Invoker calls HTTP backends. It is safe for concurrent use.
type Invoker struct {
	cfg   Config
	pools sync.Map // poolKey → *connPool
}

var _ integration.Invoker = (*Invoker)(nil)

// New returns an Invoker.
func New(cfg Config) *Invoker {
	if cfg.DialTimeout == 0 {
		cfg.DialTimeout = 10 * time.Second
	}
	return &Invoker{cfg: cfg}
}

// ErrInvalidEndpoint is returned for an integration URI that is not an
// absolute http or https URL with a host.
var ErrInvalidEndpoint = errors.New("httpbackend: invalid endpoint address")

// Invoke sends req and reads the backend's response. req.URI is the full
// endpoint URL; req.Query is appended to its query string. A mapped Host
// header becomes the request's Host. The call ends with ctx.
//
// The response body is read whole before Invoke returns, as API Gateway
// buffers it: ctx's deadline covers the body too, so a backend that
// stalls after its headers makes a timeout error (errors.Is
// context.DeadlineExceeded), not a response cut short. A body above
// MaxPayload is an error. With req.StreamResponse, the body is returned
// as Response.BodyStream, a pooled buffer the caller closes; else as
// Response.Body.
func (inv *Invoker) Invoke(ctx context.Context, req *integration.Request) (*integration.Response, error) {
	u, err := endpoint(req.URI, req.Query)
	if err != nil {
		return nil, err
	}
	o := outgoing{method: req.Method, target: u.RequestURI(), host: u.Host, header: req.Header}
	if h := mappedHost(req.Header); h != "" {
		o.host = h
	}
	if err := o.check(); err != nil {
		return nil, fmt.Errorf("httpbackend: %s %s: %w", req.Method, redact(u), err)
	}
	switch {
	case req.BodyStream != nil && req.ContentLength > 0:
		o.stream, o.length = req.BodyStream, req.ContentLength
	default:
		o.body, o.length = req.Body, int64(len(req.Body))
	}
	key := poolKey{https: u.Scheme == "https"}
	if req.TLS != nil {
		key.tls = tlsKey{insecure: req.TLS.InsecureSkipVerification, serverName: req.TLS.ServerNameToVerify}
	}
	if key.tls.serverName == "" {
		key.tls.serverName = u.Hostname()
	}
	if req.ConnectionID != "" {
		target, err := inv.cfg.VPCLinks.resolve(req.ConnectionID)
		if err != nil {
			return nil, err
		}
		// The URI's host is verified on the link's target.
		key.https = target.Scheme == "https"
		u.Scheme, u.Host = target.Scheme, target.Host
	}
	if !key.https {
		key.tls = tlsKey{}
	}
	key.addr = hostPort(u)
	h, p, err := inv.roundTrip(ctx, inv.pool(key), &o)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, fmt.Errorf("httpbackend: the response of %s exceeds %d bytes", redact(u), MaxPayload)
	case err != nil:
		return nil, fmt.Errorf("httpbackend: %s %s: %w", req.Method, redact(u), err)
	}
	out := &integration.Response{Status: h.status, Header: h.header}
	if req.StreamResponse {
		out.BodyStream, out.ContentLength = p, int64(p.Len())
		return out, nil
	}
	out.Body = bytes.Clone(p.buf.Bytes())
	p.release()
	return out, nil
}

// Close closes the idle connections to every backend.
func (inv *Invoker) Close() {
	inv.pools.Range(func(_, p any) bool {
		p.(*connPool).closeIdle()
		return true
	})
}

// hostPort returns the host:port u's requests go to, with the scheme's
// port when u has none.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	port := "80"
	if u.Scheme == "https" {
		port = "443"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// endpoint parses an integration URI and appends the mapped query
// parameters to its query string.
func endpoint(uri string, query url.Values) (*url.URL, error) {
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, fmt.Errorf("%w %q", ErrInvalidEndpoint, uri)
	}
	if len(query) > 0 {
		q := query.Encode()
		if u.RawQuery != "" {
			q = u.RawQuery + "&" + q
		}
		u.RawQuery = q
	}
	u.ForceQuery = false
	return u, nil
}

// mappedHost returns the first value of a Host header of the integration
// request, "" when there is none.
func mappedHost(h http.Header) string {
	for name, values := range h {
		if len(name) == len("Host") && strings.EqualFold(name, "Host") && len(values) > 0 {
			return values[0]
		}
	}
	return ""
}

// redact returns u without user information and query, for errors.
func redact(u *url.URL) string {
	c := *u
	c.User, c.RawQuery = nil, ""
	return c.String()
}
