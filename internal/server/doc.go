// Package server runs the HTTP listeners Archway serves its APIs on, with
// the connection limits API Gateway enforces, until a context is done, and
// then shuts them down gracefully: listeners close at once, requests in
// flight finish within a bounded wait, and connections still busy after it
// are closed.
//
// The HTTP/1.x server itself is Archway's own (HTTP1), not net/http's: it
// spends about half the CPU per request of net/http's (no background-read
// goroutine, one allocation for a request's header block, one write per
// response) and keeps each request's header lines as the client wrote them
// (HeaderFields), which the AWS_PROXY event reports. Handlers are plain
// http.Handlers.
//
// Signals are not handled here: the caller cancels the context (the archway
// command does it on SIGINT and SIGTERM), which keeps the package testable.
package server
