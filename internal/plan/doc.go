// Package plan is the compiled, immutable form of a deployed stage: what the
// request pipeline reads to serve a request, and nothing else.
//
// A Plan is built once by package compile (the only package that sees both
// the definition model and the plan), off the hot path, and then only read:
// templates are parsed, selection patterns compiled and parameter mappings
// decoded ahead of time, so that serving a request interprets nothing of the
// definition. Every value reachable from a Plan must be treated as read-only;
// a change to the definition builds a new Plan that replaces the old one
// atomically.
package plan
