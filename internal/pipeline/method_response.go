package pipeline

import (
	"net/http"
	"strings"

	"archway/internal/integration"
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
// gave it.
func (x *exchange) writeProxyResponse(resp *integration.Response) {
	header := resp.Header.Clone()
	if header == nil {
		header = http.Header{}
	}
	if !hasHeader(header, "Content-Type") {
		header.Set("Content-Type", defaultContentType)
	}
	x.writeIntegrationResponse(resp.Status, header, resp.Body)
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
