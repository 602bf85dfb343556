package pipeline

import (
	"net"
	"net/url"
	"sort"
	"strings"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

// templateInput returns what mapping templates and parameter mappings
// read, built on first use: a request that renders no template and maps no
// parameter (a plain HTTP_PROXY route) never builds it.
func (x *exchange) templateInput() *apigw.Request {
	x.ensureContext()
	x.ensureParams()
	return &x.tpl
}

// templateInputFor is templateInput for one template: it builds only the
// variables the template names. $context, once built, stays for the
// response side (responseOverride set by the request template).
func (x *exchange) templateInputFor(t *vtl.Template) *apigw.Request {
	if t.References("context") {
		x.ensureContext()
	}
	if t.References("input") {
		x.ensureParams()
	}
	if x.tpl.StageVariables == nil && t.References("stageVariables") {
		x.tpl.StageVariables = x.stageVariables()
	}
	return &x.tpl
}

func (x *exchange) ensureContext() {
	if x.tpl.Context == nil {
		x.tpl.Context = x.buildContext()
	}
	if x.tpl.StageVariables == nil {
		x.tpl.StageVariables = x.stageVariables()
	}
}

// ensureParams builds $input.params().
func (x *exchange) ensureParams() {
	if x.tpl.Params.Path != nil {
		return
	}
	a := jsonvalue.NewArena(8)
	x.tpl.Params = apigw.Params{
		Path:        x.pathParams(a),
		QueryString: queryParams(a, x.query),
		Header:      x.headerParams(a),
	}
}

// requestTimeLayout is $context.requestTime's (and the proxy event's)
// format, CLF.
const requestTimeLayout = "02/Jan/2006:15:04:05 -0700"

// domain returns the domain name the request was sent to (the Host
// header without a port) and its first label, API Gateway's domainPrefix.
func (x *exchange) domain() (name, prefix string) {
	name = x.r.Host
	if h, _, err := net.SplitHostPort(name); err == nil {
		name = h
	}
	prefix, _, _ = strings.Cut(name, ".")
	return name, prefix
}

// buildContext returns $context for this request.
func (x *exchange) buildContext() *jsonvalue.Map {
	now := x.h.now().UTC()
	host, domainPrefix := x.domain()
	rc := apigw.RequestContext{
		AccountID:         x.plan.AccountID,
		APIID:             x.plan.APIID,
		DeploymentID:      x.plan.DeploymentID,
		DomainName:        host,
		DomainPrefix:      domainPrefix,
		ExtendedRequestID: x.apigwID,
		HTTPMethod:        x.r.Method,
		Path:              x.path,
		Protocol:          x.r.Proto,
		RequestID:         x.requestID,
		RequestTime:       now.Format(requestTimeLayout),
		RequestTimeEpoch:  now.UnixMilli(),
		Stage:             x.plan.Stage,
		Identity: apigw.Identity{
			SourceIP:  sourceIP(x.r.RemoteAddr),
			UserAgent: x.r.Header.Get("User-Agent"),
		},
	}
	if x.resource != nil {
		rc.ResourceID, rc.ResourcePath = x.resource.ID, x.resource.Path
	}
	rc.IsCanaryRequest = x.canary
	return rc.Map()
}

func sourceIP(remote string) string {
	if h, _, err := net.SplitHostPort(remote); err == nil {
		return h
	}
	return remote
}

// pathParams returns the path parameters as matched (not decoded).
func (x *exchange) pathParams(a *jsonvalue.Arena) *jsonvalue.Map {
	m := a.NewMap(len(x.params))
	for _, p := range x.params {
		m.Put(a.String(p.Name), a.String(p.Value))
	}
	return m
}

// queryParams decodes a raw query ("+" is a space, %XX decoded); a repeated
// name keeps its last value, as AWS's queryStringParameters do.
func queryParams(a *jsonvalue.Arena, raw string) *jsonvalue.Map {
	m := a.NewMap(strings.Count(raw, "&") + 1)
	eachQueryPair(raw, func(k, v string) { m.Put(a.String(k), a.String(v)) })
	return m
}

// eachQueryPair calls f for every name=value pair of a raw query, in
// order, decoded ("+" is a space, %XX decoded; a malformed escape is kept
// as written). Empty pairs ("a=1&&b=2") are skipped.
func eachQueryPair(raw string, f func(k, v string)) {
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		f(k, v)
	}
}

// hiddenHeaders are request headers mapping templates never see
// (AWS-BEHAVIOR.md 17: $input.params() shows them empty).
var hiddenHeaders = map[string]bool{
	"Connection": true, "Content-Length": true, "Content-Md5": true, "Expect": true,
	"Max-Forwards": true, "Proxy-Authenticate": true, "Server": true, "Te": true,
	"Transfer-Encoding": true, "Trailer": true, "Upgrade": true, "Www-Authenticate": true,
}

// headerParams returns the request headers templates see, repeated lines
// joined with ",", sorted by name. Go's server canonicalises header names
// and does not keep their order, so neither the client's casing nor its
// order is kept.
func (x *exchange) headerParams(a *jsonvalue.Arena) *jsonvalue.Map {
	m := a.NewMap(len(x.r.Header) + 1)
	if x.r.Host != "" {
		m.Put("Host", a.String(x.r.Host))
	}
	names := make([]string, 0, len(x.r.Header))
	for name := range x.r.Header {
		if !hiddenHeaders[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		m.Put(a.String(name), a.String(strings.Join(x.r.Header[name], ",")))
	}
	return m
}
