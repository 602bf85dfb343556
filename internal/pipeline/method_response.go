package pipeline

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"archway/internal/integration"
	"archway/internal/plan"
)

// writeIntegrationResponse writes a response that came from the
// integration: with X-Amzn-Trace-Id, except for MOCK, which never carries
// one (trace-id-with-client-trace-req-headers-mock).
func (x *exchange) writeIntegrationResponse(status int, header http.Header, body []byte) {
	if x.trace != "" {
		header["X-Amzn-Trace-Id"] = []string{x.trace}
	}
	x.writeResponse(status, header, body)
}

// writeResponse writes the method response with the headers API Gateway
// adds: x-amzn-RequestId, x-amz-apigw-id and Content-Length (Date comes
// from the HTTP server).
func (x *exchange) writeResponse(status int, header http.Header, body []byte) {
	h := x.w.Header()
	for k, v := range header {
		h[k] = v
	}
	x.addStandardHeaders(h, len(body))
	x.w.WriteHeader(status)
	if x.r.Method != http.MethodHead {
		_, _ = x.w.Write(body)
	}
}

// writeProxyResponse writes a proxy integration's response as the backend
// gave it, with the headers API Gateway does not let through renamed or
// dropped (remapHeaders). An HTTP_PROXY response carries no
// X-Amzn-Trace-Id of API Gateway's (header-remap-http-proxy-no-param): only
// one the backend sent.
func (x *exchange) writeProxyResponse(resp *integration.Response) {
	header := remapHeaders(resp.Header)
	if !hasHeader(header, "Content-Type") {
		header.Set("Content-Type", defaultContentType)
	}
	switch {
	case resp.BodyStream != nil:
		x.writeStream(resp.Status, header, resp.BodyStream, resp.ContentLength)
	case x.integ.Type == plan.HTTPProxy:
		x.writeResponse(resp.Status, header, resp.Body)
	default:
		x.writeIntegrationResponse(resp.Status, header, resp.Body)
	}
}

// writeStream writes a proxy response whose payload the integration has
// read whole into a pooled buffer, n bytes, and closes it, which returns
// the buffer. A failure after the header is sent (the client going away)
// can only cut the response short: it is logged.
func (x *exchange) writeStream(status int, header http.Header, body io.ReadCloser, n int64) {
	defer body.Close()
	h := x.w.Header()
	for k, v := range header {
		h[k] = v
	}
	x.addStandardHeaders(h, 0)
	h["Content-Length"] = []string{strconv.FormatInt(n, 10)}
	x.w.WriteHeader(status)
	if x.r.Method == http.MethodHead {
		return
	}
	if _, err := io.Copy(x.w, body); err != nil {
		x.h.log.Warn("backend response cut short", "method", x.r.Method, "path", x.path,
			"requestId", x.requestID, "cause", err.Error())
	}
}

// hasHeader reports whether h holds name, compared without case (h may
// hold names that are not canonical, as AWS keeps the casing mappings use).
func hasHeader(h http.Header, name string) bool {
	for k := range h {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// setHeader sets name to v, replacing any header with the same name in
// another casing and keeping the casing given.
func setHeader(h http.Header, name, v string) {
	for k := range h {
		if strings.EqualFold(k, name) {
			delete(h, k)
		}
	}
	h[name] = []string{v}
}
