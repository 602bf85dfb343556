// Package server runs the HTTP listeners Archway serves its APIs on, with
// the connection limits API Gateway enforces, until a context is done, and
// then shuts them down gracefully: listeners close at once, requests in
// flight finish within a bounded wait, and connections still busy after it
// are closed.
//
// Signals are not handled here: the caller cancels the context (the archway
// command does it on SIGINT and SIGTERM), which keeps the package testable.
package server
