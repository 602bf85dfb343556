// Package pipeline serves a compiled plan (package plan) over HTTP the way
// API Gateway's execute-api endpoint serves a deployed REST API stage,
// addressed path-style: http://host/{stage}/{resource path}.
//
// A request goes through the stages named after the boxes of the API
// Gateway console, one file each:
//
//   - route (route.go): stage and resource path and method; no match is
//     403 Missing Authentication Token;
//   - method request (method_request.go): required parameters of the
//     method's request validator;
//   - integration request (integration_request.go): mapping template
//     selection by Content-Type, passthrough behaviour, content handling
//     and binary media types (content_handling.go), request parameter
//     mapping, $context.requestOverride, URI expansion, the headers an HTTP
//     or HTTP_PROXY backend gets (backend_headers.go);
//   - for AWS_PROXY (lambda_proxy.go), the payload 1.0 event instead,
//     with the client's header names as written when server.HTTP1 read
//     the request, and the function's proxy response validated
//     (502 when malformed or failed) and written as it says;
//   - the integration itself, behind integration.Invoker; an HTTP_PROXY
//     request body nothing reads is streamed to the backend, and the
//     backend's response back;
//   - integration response (integration_response.go): selection by status
//     (or Lambda errorMessage), response parameters and templates, content
//     handling, $context.responseOverride;
//   - method response (method_response.go): the headers API Gateway adds,
//     X-Amzn-Trace-Id (trace.go) for every integration type but MOCK and
//     HTTP_PROXY, and the renaming of the response headers it owns to
//     x-amzn-Remapped-* (header_remap.go).
//
// Every error is a *GatewayError turned into the response in one place
// (gateway_response.go), honouring the API's custom gateway responses.
//
// The plan is held in an atomic pointer: Handler.Store swaps it while
// requests are in flight, each request keeping the plan it started with.
package pipeline
