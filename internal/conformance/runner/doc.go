// Package runner executes conformance vectors (../shared/conformance) against
// an in-process Archway: each http vector's API is imported from its OpenAPI
// document, compiled for its stage and served by the request pipeline on a
// loopback listener, and the request is written byte for byte on a raw
// connection, with a Host header naming the API as execute-api's does;
// render vectors go through the mapping-template engine.
//
// Backend fixtures are loopback HTTP servers (http:*) and real Lambda
// handler processes (lambda:*: the internal/lambdafixtures program, built
// once per Run, registered as the local function the placeholders name and
// run under Archway's Runtime API host).
//
// Vectors that need what is not built yet (a requires tag, a backend
// fixture, a kind) are skipped with the reason, never failed.
package runner
