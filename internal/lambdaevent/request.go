// Package lambdaevent encodes the events API Gateway sends to Lambda and
// parses what functions answer, byte-faithful to the recorded AWS behaviour
// (REST APIs, proxy payload format 1.0).
//
// The encoder is hand-written: it appends JSON to a caller-supplied buffer
// with no reflection and no intermediate maps.
package lambdaevent

import (
	"strconv"
	"strings"
)

// Header is one header line (or one proxy response header value), in the
// order it was received or produced.
type Header struct {
	Name  string
	Value string
}

// Param is one named value of an ordered collection (path parameters,
// stage variables).
type Param struct {
	Name  string
	Value string
}

// ProxyRequest is everything the REST proxy event (payload 1.0) is built
// from. The pipeline fills it from the matched route and the client request.
type ProxyRequest struct {
	// Resource is the matched resource path template ("/{proxy+}").
	Resource string
	// Path is the request path after the stage segment, exactly as
	// received (not percent-decoded): "/proxy-value/", "//proxy-value".
	Path string
	// HTTPMethod is the client's method.
	HTTPMethod string
	// Headers are the request headers in order: the client's lines plus
	// those the gateway adds (Host, X-Amzn-Trace-Id, X-Forwarded-For/Port/
	// Proto). Headers AWS hides from integrations are dropped by the
	// encoder (see visible).
	Headers []Header
	// RawQuery is the query string as received, without "?".
	RawQuery string
	// PathParameters are the matched path parameters (raw values, as the
	// router extracted them); nil or empty encodes as null.
	PathParameters []Param
	// StageVariables are the stage's variables; nil or empty encodes as null.
	StageVariables []Param
	// Body is the request payload; empty encodes as null.
	Body []byte
	// Binary marks Body as binary (its Content-Type matched a
	// binaryMediaTypes entry): it is base64-encoded and isBase64Encoded is
	// true. Otherwise Body is sent as a string, invalid UTF-8 replaced by
	// U+FFFD as AWS does.
	Binary bool
	// Context is the requestContext member.
	Context RequestContext
}

// RequestContext is the requestContext member of the proxy event.
type RequestContext struct {
	AccountID         string
	APIID             string
	DeploymentID      string
	DomainName        string
	DomainPrefix      string
	ExtendedRequestID string
	HTTPMethod        string
	Identity          Identity
	// Path is the full request-target path including the stage segment,
	// as received ("/stage//proxy-value").
	Path     string
	Protocol string
	// RequestID is the API Gateway request id (a UUID).
	RequestID string
	// RequestTime is in the CLF form "21/Nov/2026:06:37:39 +0000".
	RequestTime string
	// RequestTimeEpoch is the request time in Unix milliseconds.
	RequestTimeEpoch int64
	ResourceID       string
	ResourcePath     string
	Stage            string
	// Authorizer, when not nil, is the JSON object emitted as
	// requestContext.authorizer; AWS omits the member without an
	// authorizer.
	Authorizer []byte
}

// Identity is requestContext.identity. Empty strings encode as null.
type Identity struct {
	AccessKey                     string
	AccountID                     string
	Caller                        string
	CognitoAuthenticationProvider string
	CognitoAuthenticationType     string
	CognitoIdentityID             string
	CognitoIdentityPoolID         string
	PrincipalOrgID                string
	SourceIP                      string
	User                          string
	UserAgent                     string
	UserArn                       string
}

// AppendProxyEvent appends the JSON proxy event for r to dst and returns
// the extended buffer.
//
// Member order follows the AWS documentation example (AWS's own order is
// not recorded: the snapshots sorted keys). Quirks reproduced from the
// recordings: a run of leading slashes in path collapses to one while
// requestContext.path keeps it; the greedy path parameter loses a trailing
// slash; the query is decoded ("+" is a space) but the path is not; absent
// collections are null; queryStringParameters and headers keep the last
// of repeated values, the multiValue members all of them.
func AppendProxyEvent(dst []byte, r *ProxyRequest) []byte {
	dst = append(dst, `{"resource":`...)
	dst = appendString(dst, r.Resource)
	dst = append(dst, `,"path":`...)
	dst = appendString(dst, eventPath(r.Path))
	dst = append(dst, `,"httpMethod":`...)
	dst = appendString(dst, r.HTTPMethod)
	dst = appendHeaders(dst, r.Headers)
	dst = appendQuery(dst, r.RawQuery)
	dst = append(dst, `,"pathParameters":`...)
	dst = appendParams(dst, r.PathParameters, greedyParam(r.Resource))
	dst = append(dst, `,"stageVariables":`...)
	dst = appendParams(dst, r.StageVariables, "")
	dst = append(dst, `,"requestContext":`...)
	dst = appendContext(dst, &r.Context)
	dst = append(dst, `,"body":`...)
	switch {
	case len(r.Body) == 0:
		dst = append(dst, "null"...)
	case r.Binary:
		dst = append(dst, '"')
		dst = appendBase64(dst, r.Body)
		dst = append(dst, '"')
	default:
		dst = appendStringBytes(dst, r.Body)
	}
	dst = append(dst, `,"isBase64Encoded":`...)
	dst = strconv.AppendBool(dst, r.Binary && len(r.Body) > 0)
	return append(dst, '}')
}

// eventPath collapses leading slashes: AWS reported "/proxy-value" for
// "/stage//proxy-value" (aws-proxy-event-with-prepended-slash).
func eventPath(p string) string {
	i := 0
	for i < len(p) && p[i] == '/' {
		i++
	}
	if i <= 1 {
		return p
	}
	return p[i-1:]
}

// greedyParam returns the name of the {name+} parameter of a resource path.
func greedyParam(resource string) string {
	i := strings.LastIndexByte(resource, '{')
	if i < 0 || !strings.HasSuffix(resource, "+}") {
		return ""
	}
	return resource[i+1 : len(resource)-2]
}

func appendParams(dst []byte, ps []Param, greedy string) []byte {
	if len(ps) == 0 {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	for i, p := range ps {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, p.Name)
		dst = append(dst, ':')
		v := p.Value
		if greedy != "" && p.Name == greedy {
			// aws-proxy-event-with-trailing-slash: path keeps the
			// slash, pathParameters.proxy drops it.
			v = strings.TrimSuffix(v, "/")
		}
		dst = appendString(dst, v)
	}
	return append(dst, '}')
}

func appendContext(dst []byte, c *RequestContext) []byte {
	dst = append(dst, `{"resourceId":`...)
	dst = appendNullable(dst, c.ResourceID)
	dst = append(dst, `,"resourcePath":`...)
	dst = appendString(dst, c.ResourcePath)
	dst = append(dst, `,"httpMethod":`...)
	dst = appendString(dst, c.HTTPMethod)
	dst = append(dst, `,"extendedRequestId":`...)
	dst = appendString(dst, c.ExtendedRequestID)
	dst = append(dst, `,"requestTime":`...)
	dst = appendString(dst, c.RequestTime)
	dst = append(dst, `,"path":`...)
	dst = appendString(dst, c.Path)
	dst = append(dst, `,"accountId":`...)
	dst = appendString(dst, c.AccountID)
	dst = append(dst, `,"protocol":`...)
	dst = appendString(dst, c.Protocol)
	dst = append(dst, `,"stage":`...)
	dst = appendString(dst, c.Stage)
	dst = append(dst, `,"domainPrefix":`...)
	dst = appendString(dst, c.DomainPrefix)
	dst = append(dst, `,"requestTimeEpoch":`...)
	dst = strconv.AppendInt(dst, c.RequestTimeEpoch, 10)
	dst = append(dst, `,"requestId":`...)
	dst = appendString(dst, c.RequestID)
	dst = append(dst, `,"identity":`...)
	dst = appendIdentity(dst, &c.Identity)
	dst = append(dst, `,"domainName":`...)
	dst = appendString(dst, c.DomainName)
	dst = append(dst, `,"deploymentId":`...)
	dst = appendString(dst, c.DeploymentID)
	dst = append(dst, `,"apiId":`...)
	dst = appendString(dst, c.APIID)
	if c.Authorizer != nil {
		dst = append(dst, `,"authorizer":`...)
		dst = append(dst, c.Authorizer...)
	}
	return append(dst, '}')
}

func appendIdentity(dst []byte, id *Identity) []byte {
	fields := [...]struct {
		name, value string
	}{
		{`{"cognitoIdentityPoolId":`, id.CognitoIdentityPoolID},
		{`,"accountId":`, id.AccountID},
		{`,"cognitoIdentityId":`, id.CognitoIdentityID},
		{`,"caller":`, id.Caller},
		{`,"sourceIp":`, id.SourceIP},
		{`,"principalOrgId":`, id.PrincipalOrgID},
		{`,"accessKey":`, id.AccessKey},
		{`,"cognitoAuthenticationType":`, id.CognitoAuthenticationType},
		{`,"cognitoAuthenticationProvider":`, id.CognitoAuthenticationProvider},
		{`,"userArn":`, id.UserArn},
		{`,"userAgent":`, id.UserAgent},
		{`,"user":`, id.User},
	}
	for _, f := range fields {
		dst = append(dst, f.name...)
		dst = appendNullable(dst, f.value)
	}
	return append(dst, '}')
}

func appendNullable(dst []byte, s string) []byte {
	if s == "" {
		return append(dst, "null"...)
	}
	return appendString(dst, s)
}
