// Package apigw binds API Gateway's mapping-template variables to the vtl
// engine: $input (body, json, path, params), $util (escapeJavaScript,
// parseJson, urlEncode, urlDecode, base64Encode, base64Decode), $context
// with its writable requestOverride and responseOverride, and
// $stageVariables — with the behaviour recorded from AWS (see
// shared/oracle/README.md).
package apigw
