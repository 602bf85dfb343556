package runner

// builtTags are the requires tags (FORMAT.md section 3) whose features
// Archway implements. A vector listing any other tag is skipped.
var builtTags = map[string]bool{
	"mock":                 true,
	"vtl":                  true,
	"routing":              true,
	"gateway_responses":    true,
	"request_parameters":   true,
	"response_parameters":  true,
	"selection_pattern":    true,
	"request_override":     true,
	"response_override":    true,
	"passthrough_behavior": true,
	"stage_variables":      true,
	"canary":               true,
	"trace_id":             true,
	"multi_step":           true,
	"content_handling":     true,
	"binary_media_types":   true,
	"http":                 true,
	"http_proxy":           true,
	"header_remapping":     true,
	"integration_timeout":  true,
	"aws_proxy":            true,
	"aws_lambda":           true,
	// Runner capabilities: requests are written verbatim on a raw
	// connection, and http:* fixtures are served over HTTPS with a
	// certificate of a test CA the gateway trusts.
	"client_raw_headers": true,
	"backend_tls":        true,
}

// builtFixtures are the backend fixtures (fixtures.md) the runner provides.
var builtFixtures = map[string]bool{
	"none":                  true,
	"http:httpbin":          true,
	"http:url-echo-json":    true,
	"http:status-from-path": true,
	"http:body-echo":        true,
	// lambda:* fixtures run as real handler processes (fixture_lambda.go).
	"lambda:proxy-echo":        true,
	"lambda:identity":          true,
	"lambda:return-body":       true,
	"lambda:fixed":             true,
	"lambda:selection":         true,
	"lambda:mapping-responses": true,
	"lambda:string-echo":       true,
}

// placeholderValues are the values the runner supplies for the placeholder
// roles (FORMAT.md section 5). A vector with an http:* fixture gets its
// fixture's origin and host instead of the http_backend_* values; a
// lambda:* fixture runs as the function lambda_function_name. No fixture
// runs behind the others yet: they only make the definitions complete.
var placeholderValues = map[string]string{
	"region":               "us-east-1",
	"account_id":           "123456789012",
	"role_name":            "archway-invoke",
	"lambda_function_name": "fixture",
	"lambda_function_arn":  "arn:aws:lambda:us-east-1:123456789012:function:fixture",
	"http_backend_origin":  "http://127.0.0.1:9",
	"http_backend_host":    "127.0.0.1:9",
	"s3_bucket":            "bucket",
	"sqs_queue_name":       "queue",
	"sqs_queue_url":        "http://127.0.0.1:9/123456789012/queue",
	"dynamodb_table":       "table",
	"kinesis_stream":       "stream",
	"state_machine_arn":    "arn:aws:states:us-east-1:123456789012:stateMachine:machine",
}
