package pipeline

import (
	"net/http"
	"net/textproto"
)

// remapPrefix prefixes a response header API Gateway does not let through
// under its own name.
const remapPrefix = "x-amzn-Remapped-"

// remappedHeaders are the response headers, set by a response parameter
// mapping or sent by a proxy backend, that API Gateway renames to
// x-amzn-Remapped-NAME (canonical names): those it owns or that describe
// the connection (AWS-BEHAVIOR.md 18: header-remap-http-full,
// header-remap-http-proxy-no-param). x-amzn-RequestId and x-amz-apigw-id
// are its own; a backend's come back renamed
// (http-proxy-lambda-url-echo-headers).
var remappedHeaders = map[string]bool{
	"Authorization": true, "Connection": true, "Content-Length": true, "Content-Md5": true,
	"Date": true, "Expect": true, "Host": true, "Max-Forwards": true,
	"Proxy-Authenticate": true, "Server": true, "Trailer": true, "Upgrade": true,
	"User-Agent": true, "Www-Authenticate": true, "X-Amzn-Requestid": true,
	"X-Amz-Apigw-Id": true,
}

// droppedHeaders are response headers API Gateway never sends on: the
// framing of its own response is its business.
var droppedHeaders = map[string]bool{"Transfer-Encoding": true}

// remapHeaders renames in h the headers API Gateway renames and drops the
// ones it drops; names keep their casing. It returns h, or a new header
// when h is nil.
func remapHeaders(h http.Header) http.Header {
	if h == nil {
		return http.Header{}
	}
	for name, values := range h {
		c := textproto.CanonicalMIMEHeaderKey(name)
		switch {
		case droppedHeaders[c]:
			delete(h, name)
		case remappedHeaders[c]:
			delete(h, name)
			to, ok := remappedNames[name]
			if !ok {
				to = remapPrefix + name
			}
			if prev, ok := h[to]; ok {
				values = append(prev, values...)
			}
			h[to] = values
		}
	}
	return h
}

// remappedNames holds the remapped names of the canonical forms of
// remappedHeaders, made once.
var remappedNames = func() map[string]string {
	m := make(map[string]string, len(remappedHeaders))
	for name := range remappedHeaders {
		m[name] = remapPrefix + name
	}
	return m
}()
