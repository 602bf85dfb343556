package compile

import (
	"strings"

	"archway/internal/plan"
)

// forbiddenHeaders are the integration request headers API Gateway refuses
// to map, by integration type. It accepts such a mapping in the definition
// but then answers every call with 500 (header-remap-*-forbidden-mapping-*):
// HTTP and HTTP_PROXY refuse Content-Length and Transfer-Encoding; Lambda
// integrations refuse the hop-by-hop and framing headers and Authorization
// as recorded (AWS-BEHAVIOR.md 15).
var forbiddenHeaders = map[plan.IntegrationType][]string{
	plan.HTTP:      {"Content-Length", "Transfer-Encoding"},
	plan.HTTPProxy: {"Content-Length", "Transfer-Encoding"},
	plan.AWS: {"Authorization", "Connection", "Content-Length", "Expect",
		"Proxy-Authenticate", "TE", "Transfer-Encoding"},
	plan.AWSProxy: {"Authorization", "Connection", "Content-Length", "Expect",
		"Proxy-Authenticate", "TE", "Transfer-Encoding"},
}

// forbiddenMapping returns why an integration of type t with these request
// parameter mappings fails every call, or "" when it does not.
func forbiddenMapping(t plan.IntegrationType, mappings []plan.Mapping) string {
	for _, m := range mappings {
		loc, name, _ := strings.Cut(m.Target, ".")
		if loc != "header" && loc != "multivalueheader" {
			continue
		}
		for _, f := range forbiddenHeaders[t] {
			if strings.EqualFold(name, f) {
				return "integration.request." + m.Target + " maps a header API Gateway forbids"
			}
		}
	}
	return ""
}

// lambdaMethod returns why a Lambda integration fails every call, or ""
// when it does not: the Invoke API takes only POST, and API Gateway
// answers an integration with another httpMethod with 500, an API
// configuration error rather than an integration failure
// (aws-proxy-integration-method-get-500).
func lambdaMethod(in *plan.Integration) string {
	if !in.IsLambda() || strings.EqualFold(in.HTTPMethod, "POST") {
		return ""
	}
	return "a Lambda integration's httpMethod must be POST, not " + in.HTTPMethod
}
