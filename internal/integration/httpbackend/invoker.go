package httpbackend

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
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
	cfg Config

	transports sync.Map // tlsKey → *http.Transport
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
	serverName := ""
	if req.TLS != nil {
		serverName = req.TLS.ServerNameToVerify
	}
	host := u.Host
	if req.ConnectionID != "" {
		target, err := inv.cfg.VPCLinks.resolve(req.ConnectionID)
		if err != nil {
			return nil, err
		}
		if serverName == "" && target.Scheme == "https" {
			serverName = u.Hostname()
		}
		u.Scheme, u.Host = target.Scheme, target.Host
	}
	var body io.Reader = http.NoBody
	stream := req.BodyStream != nil && req.ContentLength > 0
	switch {
	case stream:
		body = req.BodyStream
	case len(req.Body) > 0:
		body = bytes.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.Method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%w %q: %v", ErrInvalidEndpoint, req.URI, err)
	}
	if stream {
		hr.ContentLength = req.ContentLength
	}
	hr.Host = host
	writeHeader(hr, req.Header)
	key := tlsKey{serverName: serverName}
	if req.TLS != nil {
		key.insecure = req.TLS.InsecureSkipVerification
	}
	resp, err := inv.transport(key).RoundTrip(hr)
	if err != nil {
		return nil, fmt.Errorf("httpbackend: %s %s: %w", req.Method, redact(u), err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > MaxPayload {
		return nil, fmt.Errorf("httpbackend: the response of %s exceeds %d bytes", redact(u), MaxPayload)
	}
	p, err := readPayload(resp.Body, resp.ContentLength)
	if err != nil {
		return nil, fmt.Errorf("httpbackend: reading the response of %s: %w", redact(u), err)
	}
	if p.Len() > MaxPayload {
		p.release()
		return nil, fmt.Errorf("httpbackend: the response of %s exceeds %d bytes", redact(u), MaxPayload)
	}
	out := &integration.Response{Status: resp.StatusCode, Header: resp.Header}
	if req.StreamResponse {
		out.BodyStream, out.ContentLength = p, int64(p.Len())
		return out, nil
	}
	out.Body = bytes.Clone(p.buf.Bytes())
	p.release()
	return out, nil
}

// Close closes the idle connections of every transport.
func (inv *Invoker) Close() {
	inv.transports.Range(func(_, t any) bool {
		t.(*http.Transport).CloseIdleConnections()
		return true
	})
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

// connectionHeaders are headers that describe the gateway's own connection
// to the backend, which it manages itself: mapped values are not sent
// (AWS did not deliver them either: header-remap-http-proxy-full). An
// Expect header, in particular, would make the backend wait or refuse
// (417), although the whole body is sent at once.
var connectionHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Connection": true, "Te": true, "Expect": true,
}

// writeHeader copies the integration request headers onto hr. A Host
// header sets hr.Host; connectionHeaders are left out. net/http never
// writes a Trailer header it was given under its canonical name, so it
// goes under the lower-case name, which net/http writes as is (AWS sends
// a mapped Trailer header: header-remap-http-proxy-full). A missing
// User-Agent is not replaced by net/http's default.
func writeHeader(hr *http.Request, h http.Header) {
	for name, values := range h {
		switch {
		case connectionHeaders[textproto.CanonicalMIMEHeaderKey(name)]:
		case strings.EqualFold(name, "Host"):
			if len(values) > 0 && values[0] != "" {
				hr.Host = values[0]
			}
		case strings.EqualFold(name, "Trailer"):
			hr.Header["trailer"] = values
		default:
			hr.Header[name] = values
		}
	}
	if _, ok := hr.Header["User-Agent"]; !ok {
		hr.Header["User-Agent"] = []string{""}
	}
}

// redact returns u without user information and query, for errors.
func redact(u *url.URL) string {
	c := *u
	c.User, c.RawQuery = nil, ""
	return c.String()
}
