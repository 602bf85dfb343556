// Package runner executes conformance vectors (../shared/conformance) against
// an in-process Archway: each http vector's API is imported from its OpenAPI
// document, compiled for its stage and served by the request pipeline on a
// loopback listener, and the request is written byte for byte on a raw
// connection; render vectors go through the mapping-template engine.
//
// Vectors that need what is not built yet (a requires tag, a backend
// fixture, a kind) are skipped with the reason, never failed.
package runner
