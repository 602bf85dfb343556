// Package model holds Archway's canonical definition of a REST API: pure
// data mirroring the shapes of the AWS apigateway API (RestApi, Resource,
// Method, Integration, IntegrationResponse, MethodResponse, Stage,
// GatewayResponse, Model, RequestValidator), the defaults AWS fills in, and
// the checks AWS applies, worded as AWS words them. HttpApi and its parts
// do the same for the apigatewayv2 API (HTTP and WebSocket APIs), which
// definitions load and validate before Archway serves them.
//
// Definition sources (OpenAPI, CloudFormation, Terraform, the control plane)
// build a RestApi; compile turns it into a plan. Nothing here knows about
// requests. Every object records where it was defined (Source), so that a
// problem can be reported as
//
//	file:line: path.to.field: message
//
// Where AWS keeps an order that matters (integration responses are tried in
// creation order, templates are listed in insertion order), the model keeps
// it too: slices and StringMap, never Go maps.
package model
