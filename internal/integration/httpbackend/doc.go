// Package httpbackend is API Gateway's HTTP and HTTP_PROXY integrations:
// it sends the integration request the pipeline built to an HTTP or HTTPS
// backend, directly or through a VPC link, and returns the backend's
// answer.
//
// What is sent (which client headers, which headers API Gateway adds, the
// query string) is decided by the pipeline's integration request stage; this
// package writes it faithfully: the Host header a mapping chose, header
// lines net/http would otherwise drop (Trailer), no Accept-Encoding of its
// own, no default User-Agent. One http.Transport per TLS setting is shared
// by every request, with keep-alive connections.
//
// The backend's answer is read whole before it is returned, into pooled
// buffers, as API Gateway buffers it (up to its 10 MB limit): the
// integration timeout covers the body, so a backend stalling mid-body
// times out instead of cutting the client's response short.
package httpbackend
