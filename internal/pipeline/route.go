package pipeline

import (
	"errors"
	"strings"
)

// errMissingToken is what API Gateway answers for an unknown stage, path or
// method: 403 {"message":"Missing Authentication Token"}.
var errMissingToken = &GatewayError{Type: TypeMissingAuthenticationToken, Message: "Missing Authentication Token"}

// splitTarget splits a request-target into its path, exactly as received,
// and its raw query.
func splitTarget(target string) (path, query string) {
	if i := strings.Index(target, "://"); i >= 0 && !strings.HasPrefix(target, "/") {
		// absolute-form: drop scheme and authority
		rest := target[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			rest = "/"
		} else {
			rest = rest[j:]
		}
		target = rest
	}
	path, query, _ = strings.Cut(target, "?")
	return path, query
}

// stagePath returns the path after the stage segment ("/" when the stage
// itself is requested) when the first segment names stage. Leading slashes
// are skipped: AWS serves //stage/x as /stage/x.
func stagePath(path, stage string) (string, bool) {
	p := strings.TrimLeft(path, "/")
	seg, rest, _ := strings.Cut(p, "/")
	if seg != stage {
		return "", false
	}
	return "/" + rest, true
}

// route matches the stage, resource and method.
func (x *exchange) route() error {
	rest, ok := stagePath(x.path, x.plan.Stage)
	if !ok {
		return errMissingToken
	}
	m, ok := x.plan.Router.Match(x.r.Method, rest)
	if !ok {
		return errMissingToken
	}
	x.resource = x.plan.Resources[m.Route]
	x.method = x.resource.Methods[m.MethodIndex]
	x.params = m.Params
	x.integ = x.method.Integration
	if x.integ == nil {
		return &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: errors.New("method " + x.method.HTTPMethod + " " + x.resource.Path + " has no integration")}
	}
	return nil
}
