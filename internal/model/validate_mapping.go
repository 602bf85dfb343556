package model

import (
	"regexp"
	"strings"
)

var (
	// integrationRequestDest matches the target of a request parameter
	// mapping.
	integrationRequestDest = regexp.MustCompile(`^integration\.request\.(?:path|querystring|multivaluequerystring|header|multivalueheader)\.\S+$`)
	// gatewayResponseDest matches the target of a gateway response
	// parameter mapping.
	gatewayResponseDest = regexp.MustCompile(`^gatewayresponse\.header\.\S+$`)
	// variableSource matches $context and stage variable sources.
	variableSource = regexp.MustCompile(`^(?:context|stageVariables)\.\S+$`)
	// methodRequestBody matches the request body or a JSONPath into it.
	methodRequestBody = regexp.MustCompile(`^method\.request\.body(?:\..+)?$`)
	// integrationResponseSource matches backend response sources.
	integrationResponseSourcePattern = regexp.MustCompile(`^integration\.response\.(?:(?:header|multivalueheader)\.\S+|body(?:\..+)?)$`)
)

// isStatic reports whether v is a static mapping value: text in single
// quotes.
func isStatic(v string) bool {
	return len(v) >= 2 && strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'")
}

// checkRequestMapping checks one integration request parameter mapping. A
// method request parameter used as source must be declared by method m.
func checkRequestMapping(c *checker, l Loc, e Entry, m *Method) {
	if !integrationRequestDest.MatchString(e.Key) {
		c.fail(l, msgBadExpression(e.Key))
	}
	v := e.Value
	switch {
	case isStatic(v), variableSource.MatchString(v), methodRequestBody.MatchString(v):
	case methodRequestParam.MatchString(v):
		if m != nil && !hasKey(m.RequestParameters, v) {
			c.fail(l, msgBadParameter(v))
		}
	default:
		c.fail(l, msgBadExpression(v))
	}
}

// integrationResponseSource reports whether v may feed a method response
// header.
func integrationResponseSource(v string) bool {
	return isStatic(v) || variableSource.MatchString(v) || integrationResponseSourcePattern.MatchString(v)
}

// gatewayResponseSource reports whether v may feed a gateway response
// header.
func gatewayResponseSource(v string) bool {
	return isStatic(v) || variableSource.MatchString(v) || methodRequestParam.MatchString(v)
}
