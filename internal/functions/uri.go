package functions

import (
	"fmt"
	"strings"
)

// FunctionFromURI extracts the function ARN (or name) from an API Gateway
// Lambda integration URI
// "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations".
// Stage variables must have been substituted by the caller: a URI still
// containing "${stageVariables." is an error here.
func FunctionFromURI(uri string) (string, error) {
	rest, ok := strings.CutPrefix(uri, "arn:")
	if !ok {
		return "", fmt.Errorf("functions: integration URI %q is not an ARN", uri)
	}
	parts := strings.SplitN(rest, ":", 4) // partition, "apigateway", region, "lambda:path/..."
	if len(parts) != 4 || parts[1] != "apigateway" {
		return "", fmt.Errorf("functions: integration URI %q is not an API Gateway ARN", uri)
	}
	path, ok := strings.CutPrefix(parts[3], "lambda:path/")
	if !ok {
		return "", fmt.Errorf("functions: integration URI %q does not target Lambda (want lambda:path/...)", uri)
	}
	fn, ok := strings.CutPrefix(path, "2015-03-31/functions/")
	if ok {
		fn, ok = strings.CutSuffix(fn, "/invocations")
	}
	if !ok || fn == "" {
		return "", fmt.Errorf("functions: integration URI %q: want lambda:path/2015-03-31/functions/{functionArn}/invocations", uri)
	}
	if strings.Contains(fn, "${stageVariables.") {
		return "", fmt.Errorf("functions: integration URI %q: stage variables not substituted", uri)
	}
	return fn, nil
}

// HasStageVariables reports whether an integration URI refers to stage
// variables and so resolves only per stage, at request time.
func HasStageVariables(uri string) bool {
	return strings.Contains(uri, "${stageVariables.")
}

// Resolve returns the function an integration URI targets.
func (r *Registry) Resolve(uri string) (*Function, error) {
	fn, err := FunctionFromURI(uri)
	if err != nil {
		return nil, err
	}
	return r.Lookup(fn)
}
