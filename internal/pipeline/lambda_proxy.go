package pipeline

import (
	"errors"
	"net/http"
	"sort"
	"strings"

	"archway/internal/integration"
	"archway/internal/lambdaevent"
	"archway/internal/server"
)

// badLambdaOutput is API Gateway's answer to an AWS_PROXY function that
// failed or answered something that is not a valid proxy response: 502
// {"message": "Internal server error"} (aws-proxy-response-*).
func badLambdaOutput(cause error) *GatewayError {
	return &GatewayError{Type: TypeIntegrationFailure, Status: http.StatusBadGateway, Message: msgInternal, Cause: cause}
}

// proxyEvent returns the AWS_PROXY (payload 1.0) event of the request.
// The integration's request parameters and templates play no part
// (AWS-BEHAVIOR.md 15).
func (x *exchange) proxyEvent() []byte {
	rest, _ := stagePath(x.path, x.plan.Stage)
	now := x.h.now().UTC()
	domain, prefix := x.domain()
	ev := lambdaevent.ProxyRequest{
		Path:       rest,
		HTTPMethod: x.r.Method,
		Headers:    x.eventHeaders(),
		RawQuery:   x.query,
		Body:       x.body,
		Binary:     x.binaryType(mediaType(x.r.Header.Get("Content-Type"))),
		Context: lambdaevent.RequestContext{
			AccountID:         x.plan.AccountID,
			APIID:             x.plan.APIID,
			DeploymentID:      x.plan.DeploymentID,
			DomainName:        domain,
			DomainPrefix:      prefix,
			ExtendedRequestID: x.apigwID,
			HTTPMethod:        x.r.Method,
			Identity: lambdaevent.Identity{
				SourceIP:  sourceIP(x.r.RemoteAddr),
				UserAgent: x.r.Header.Get("User-Agent"),
			},
			Path:             x.path,
			Protocol:         x.r.Proto,
			RequestID:        x.requestID,
			RequestTime:      now.Format(requestTimeLayout),
			RequestTimeEpoch: now.UnixMilli(),
			Stage:            x.plan.Stage,
		},
	}
	if x.resource != nil {
		ev.Resource = x.resource.Path
		ev.Context.ResourceID, ev.Context.ResourcePath = x.resource.ID, x.resource.Path
	}
	for _, p := range x.params {
		ev.PathParameters = append(ev.PathParameters, lambdaevent.Param{Name: p.Name, Value: p.Value})
	}
	for _, v := range x.plan.StageVariables {
		ev.StageVariables = append(ev.StageVariables, lambdaevent.Param{Name: v.Name, Value: v.Value})
	}
	return lambdaevent.AppendProxyEvent(make([]byte, 0, 1024+len(x.body)*4/3), &ev)
}

// passedToEvent reports whether a client header goes into the proxy event
// as sent: not those the gateway replaces with its own values (Host,
// X-Amzn-Trace-Id, X-Forwarded-Port/Proto) or extends (X-Forwarded-For).
func passedToEvent(name string) bool {
	switch len(name) {
	case len("Host"):
		return !strings.EqualFold(name, "Host")
	case len("X-Amzn-Trace-Id"): // = len("X-Forwarded-For")
		return !strings.EqualFold(name, "X-Amzn-Trace-Id") && !strings.EqualFold(name, "X-Forwarded-For")
	case len("X-Forwarded-Port"):
		return !strings.EqualFold(name, "X-Forwarded-Port")
	case len("X-Forwarded-Proto"):
		return !strings.EqualFold(name, "X-Forwarded-Proto")
	}
	return true
}

// eventHeaders returns the header lines of the proxy event: the client's
// (as written when server.HTTP1 read the request; else Go's canonical
// names, sorted), Host, then the headers API Gateway adds: X-Amzn-Trace-Id
// and X-Forwarded-For/Port/Proto. The encoder drops those AWS hides.
func (x *exchange) eventHeaders() []lambdaevent.Header {
	fields := server.HeaderFields(x.r)
	out := make([]lambdaevent.Header, 0, max(len(fields), len(x.r.Header))+5)
	if x.r.Host != "" {
		out = append(out, lambdaevent.Header{Name: "Host", Value: x.r.Host})
	}
	if fields != nil {
		for _, f := range fields {
			if passedToEvent(f.Name) {
				out = append(out, lambdaevent.Header{Name: f.Name, Value: f.Value})
			}
		}
	} else {
		names := make([]string, 0, len(x.r.Header))
		for name := range x.r.Header {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			for _, v := range x.r.Header[name] {
				if passedToEvent(name) {
					out = append(out, lambdaevent.Header{Name: name, Value: v})
				}
			}
		}
	}
	forwarded, port, proto := x.forwarded()
	return append(out,
		lambdaevent.Header{Name: "X-Amzn-Trace-Id", Value: x.trace},
		lambdaevent.Header{Name: "X-Forwarded-For", Value: forwarded},
		lambdaevent.Header{Name: "X-Forwarded-Port", Value: port},
		lambdaevent.Header{Name: "X-Forwarded-Proto", Value: proto},
	)
}

// lambdaProxyResponse writes an AWS_PROXY function's answer: its
// statusCode, merged headers (Content-Type application/json when none)
// and body, base64-decoded when it says so and the request's Accept is a
// binary media type. A function error or a malformed answer is 502.
// Integration and method responses play no part: a status 300 passes
// straight through (aws-proxy-status-300-ignores-integration-responses).
func (x *exchange) lambdaProxyResponse(resp *integration.Response) error {
	if resp.FunctionError {
		return badLambdaOutput(errors.New("function error: " + resp.ErrorMessage))
	}
	pr, err := lambdaevent.ParseProxyResponse(resp.Body)
	if err != nil {
		return badLambdaOutput(err)
	}
	body, err := pr.DecodedBody(x.r.Header.Get("Accept"), x.plan.BinaryMediaTypes)
	if err != nil {
		return badLambdaOutput(err)
	}
	header := make(http.Header, len(pr.Headers)+1)
	for _, h := range pr.Headers {
		name := h.Name
		if strings.EqualFold(name, "Content-Type") {
			// net/http only sees the canonical name; under another casing
			// it would add a sniffed Content-Type of its own.
			name = "Content-Type"
		}
		header[name] = append(header[name], h.Value)
	}
	header = remapHeaders(header)
	if !hasHeader(header, "Content-Type") {
		header.Set("Content-Type", defaultContentType)
	}
	x.writeIntegrationResponse(pr.StatusCode, header, body)
	return nil
}
