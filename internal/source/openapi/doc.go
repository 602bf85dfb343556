// Package openapi reads OpenAPI 2.0 (Swagger) and 3.0.x definitions, in JSON
// or YAML, with Amazon API Gateway's x-amazon-apigateway-* extensions into a
// model.RestApi, the way ImportRestApi does.
//
// The document is read from a yaml.Node tree, which keeps what a REST API
// depends on and generic OpenAPI libraries drop: the line of every value,
// so that each problem is reported as "file:line: path.to.field: message",
// and the order of object members, which is the creation order of
// integration responses (the first created wins when several selection
// patterns match) and of mapping templates.
//
// Everything the document says that Archway does not support yet
// (authorizers, resource policies, ...) is reported as a warning, never
// dropped silently. Definition errors are collected and returned together
// as a model.Errors.
package openapi
