// Package httpbackend is API Gateway's HTTP and HTTP_PROXY integrations:
// it sends the integration request the pipeline built to an HTTP or HTTPS
// backend, directly or through a VPC link, and returns the backend's
// answer.
//
// What is sent (which client headers, which headers API Gateway adds, the
// query string) is decided by the pipeline's integration request stage; this
// package writes it faithfully: the Host header a mapping chose, header
// lines such as Trailer, no Accept-Encoding of its own, no default
// User-Agent.
//
// The HTTP/1.1 client is the package's own, built on the standard
// library's parts (bufio, http.ReadResponse, crypto/tls): a request is
// written and its response read on the caller's goroutine, over keep-alive
// connections pooled per backend address and TLS settings, with no
// goroutine per connection. A connection is kept after a response read to
// its end that neither side closes; an idle one the backend closed is
// left, and a request that meets one anyway is sent again on a new
// connection when that is safe (roundtrip.go).
//
// The backend's answer is read whole before it is returned, into pooled
// buffers, as API Gateway buffers it (up to its 10 MB limit): the
// integration timeout covers the body, so a backend stalling mid-body
// times out instead of cutting the client's response short.
package httpbackend
