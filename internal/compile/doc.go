// Package compile turns a REST API definition (package model) and a stage
// into the immutable plan the request pipeline serves (package plan). It is
// the only package that sees both: sources never see a plan and the pipeline
// never sees the model.
//
// Everything that can be prepared ahead of a request is prepared here, once:
// mapping templates are parsed, selection patterns compiled, parameter
// mapping expressions decoded, gateway responses resolved for every type.
// Errors are definition errors (model.Errors), each naming the file, line
// and field of the offending value.
package compile
