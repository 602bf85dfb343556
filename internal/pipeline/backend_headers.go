package pipeline

import (
	"net/http"
	"net/textproto"
	"strings"

	"archway/internal/plan"
)

// proxyDroppedHeaders are client headers an HTTP_PROXY integration does not
// forward (canonical names): the hop-by-hop and framing headers, the ones
// AWS was recorded not to pass on although the client sent them
// (Content-MD5, Expect, Max-Forwards, Proxy-Authenticate, Server, TE,
// Trailer, Upgrade, Via, WWW-Authenticate: header-remap-http-proxy-no-param),
// and the ones API Gateway sets itself. Mapped headers of these names are
// sent.
var proxyDroppedHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Connection": true, "Te": true,
	"Transfer-Encoding": true, "Trailer": true, "Upgrade": true, "Content-Length": true,
	"Content-Md5": true, "Expect": true, "Max-Forwards": true, "Proxy-Authenticate": true,
	"Server": true, "Via": true, "Www-Authenticate": true, "Host": true,
	"X-Amzn-Trace-Id": true, "X-Amzn-Apigateway-Api-Id": true,
}

// backendHeaders returns the headers of an HTTP or HTTP_PROXY integration
// request before parameter mapping:
//
//   - HTTP_PROXY passes the client's headers on, but for
//     proxyDroppedHeaders and those its Connection header names, and
//     sets X-Forwarded-For (the client's, followed by its address),
//     X-Forwarded-Port and X-Forwarded-Proto, as a proxy event has them
//     (AWS-BEHAVIOR.md does not record them for HTTP_PROXY; requests seen
//     by HTTP_PROXY backends on AWS carry them, HTTP ones do not);
//   - HTTP passes none: it sends Accept: application/json (whatever the
//     client accepts), User-Agent: AmazonAPIGateway_{apiId} and the
//     Content-Type of the payload (header-remap-http-no-param,
//     http-any-method-integration-post);
//   - both add X-Amzn-Apigateway-Api-Id and X-Amzn-Trace-Id.
//
// The Host header is the URI's, unless a mapping sets one.
func (x *exchange) backendHeaders() http.Header {
	userAgent := "AmazonAPIGateway_" + x.plan.APIID
	var h http.Header
	// The values the gateway adds share one backing array, each a
	// one-element slice of it.
	vals := make([]string, 0, 6)
	add := func(name, v string) {
		vals = append(vals, v)
		h[name] = vals[len(vals)-1 : len(vals) : len(vals)]
	}
	if x.integ.Type == plan.HTTPProxy {
		h = make(http.Header, len(x.r.Header)+6)
		hop := connectionTokens(x.r.Header)
		for name, values := range x.r.Header {
			if !proxyDroppedHeaders[name] && !hop[name] {
				h[name] = values
			}
		}
		if _, ok := h["User-Agent"]; !ok {
			// AWS silent: a client without User-Agent gets the one
			// API Gateway's HTTP client uses.
			add("User-Agent", userAgent)
		}
		forwardedFor, port, proto := x.forwarded()
		add("X-Forwarded-For", forwardedFor)
		add("X-Forwarded-Port", port)
		add("X-Forwarded-Proto", proto)
	} else {
		h = make(http.Header, 5)
		add("Accept", defaultContentType)
		add("User-Agent", userAgent)
		add("Content-Type", x.payloadContentType())
	}
	add("X-Amzn-Apigateway-Api-Id", x.plan.APIID)
	add("X-Amzn-Trace-Id", x.trace)
	return h
}

// payloadContentType returns the Content-Type of a non-proxy integration
// request payload: the key of the request template that rendered it, else
// the client's Content-Type (passthrough), else application/json, which API
// Gateway assumes for a request without one.
func (x *exchange) payloadContentType() string {
	ct := x.r.Header.Get("Content-Type")
	if ct == "" {
		return defaultContentType
	}
	if t, ok := x.integ.RequestTemplates.Lookup(mediaType(ct)); ok && t.Template != nil {
		return t.ContentType
	}
	return ct
}

// connectionTokens returns the header names the Connection header lists,
// canonicalised: hop-by-hop headers of this connection only.
func connectionTokens(h http.Header) map[string]bool {
	vs := h["Connection"]
	if len(vs) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, v := range vs {
		for _, tok := range strings.Split(v, ",") {
			if tok = strings.TrimSpace(tok); tok != "" {
				out[textproto.CanonicalMIMEHeaderKey(tok)] = true
			}
		}
	}
	return out
}
