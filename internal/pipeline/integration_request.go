package pipeline

import (
	"errors"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// integrationRequest builds the integration request: the payload (a mapping
// template's output or the passed-through body) and the mapped parameters.
// Proxy integrations ignore templates and pass the request through.
func (x *exchange) integrationRequest() (*integration.Request, error) {
	in := x.integ
	if in.Broken != "" {
		return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal, Cause: errors.New(in.Broken)}
	}
	req := &integration.Request{
		Method:      in.HTTPMethod,
		Credentials: in.Credentials,
		Header:      http.Header{},
		Query:       url.Values{},
		Timeout:     in.Timeout,
	}
	if req.Method == "" || req.Method == "ANY" {
		req.Method = x.r.Method
	}
	if in.Type != plan.Mock {
		x.trace = x.traceID()
		req.TraceID = x.trace
	}
	body, err := x.requestPayload()
	if err != nil {
		return nil, err
	}
	req.Body = body
	if in.Type == plan.AWSProxy {
		// The event is the payload; request parameters, templates and
		// overrides play no part (AWS-BEHAVIOR.md 15).
		req.Body = x.proxyEvent()
		req.URI = x.expandURI(in.URI, nil)
		return req, nil
	}
	httpType := in.Type == plan.HTTP || in.Type == plan.HTTPProxy
	if httpType {
		req.Header = x.backendHeaders()
	}
	if in.Type == plan.HTTPProxy {
		if x.streamsBody() {
			req.BodyStream, req.ContentLength = x.r.Body, x.r.ContentLength
		}
		req.StreamResponse = true
	}
	path := map[string]string{}
	for _, m := range in.RequestParameters {
		vs, ok := x.mappingValues(m)
		if !ok {
			// Mappings from absent sources are omitted (AWS-BEHAVIOR.md 22).
			continue
		}
		// A multi-value source gives repeated query parameters and header
		// lines, and a path parameter of its values joined with ","
		// (documented sources, no recording).
		loc, name, _ := strings.Cut(m.Target, ".")
		switch loc {
		case "header", "multivalueheader":
			req.Header[textproto.CanonicalMIMEHeaderKey(name)] = vs
		case "querystring", "multivaluequerystring":
			for _, v := range vs {
				req.Query.Add(name, v)
			}
		case "path":
			path[name] = strings.Join(vs, ",")
		}
	}
	x.applyRequestOverride(req, path)
	req.URI = x.expandURI(in.URI, path)
	if !httpType {
		return req, nil
	}
	if !validEndpoint(req.URI) {
		// An undefined stage variable can leave no host: AWS answers 500
		// and logs "Invalid endpoint address"
		// (http-proxy-uri-undefined-stage-variables-500).
		return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: errors.New("invalid endpoint address " + strconv.Quote(req.URI))}
	}
	if in.Type == plan.HTTPProxy {
		// The client's query string follows the URI's own parameters;
		// mapped ones (req.Query) are appended after it: values add up,
		// none replaces another (http-proxy-request-parameter-mapping-merge).
		req.URI = appendQuery(req.URI, x.query)
	}
	if in.TLS != nil {
		req.TLS = &integration.TLSConfig{
			InsecureSkipVerification: in.TLS.InsecureSkipVerification,
			ServerNameToVerify:       in.TLS.ServerNameToVerify,
		}
	}
	if in.ConnectionID != "" {
		req.ConnectionID = x.expandURI(in.ConnectionID, nil)
		if req.ConnectionID == "" {
			return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
				Cause: errors.New("VPC link id " + strconv.Quote(in.ConnectionID) + " is empty")}
		}
	}
	return req, nil
}

// appendQuery appends a raw query string to a URI's.
func appendQuery(uri, raw string) string {
	if raw == "" {
		return uri
	}
	i := strings.IndexByte(uri, '?')
	switch {
	case i < 0:
		return uri + "?" + raw
	case i == len(uri)-1 || strings.HasSuffix(uri, "&"):
		return uri + raw
	}
	return uri + "&" + raw
}

// applyRequestOverride applies what the request template wrote to
// $context.requestOverride: header.NAME and querystring.NAME replace the
// integration request's parameter of that name, path.NAME the path
// parameter used to expand the URI.
func (x *exchange) applyRequestOverride(req *integration.Request, path map[string]string) {
	if x.tpl.Context == nil {
		return // no template ran: nothing was overridden
	}
	ro, ok := x.tpl.Context.Lookup("requestOverride")
	if !ok {
		return
	}
	m, ok := ro.(*jsonvalue.Map)
	if !ok {
		return
	}
	each := func(member string, set func(k, v string)) {
		v, ok := m.Lookup(member)
		if !ok {
			return
		}
		if sub, ok := v.(*jsonvalue.Map); ok {
			for i := 0; i < sub.Len(); i++ {
				k, val := sub.At(i)
				set(jsonvalue.ToString(k), jsonvalue.ToString(val))
			}
		}
	}
	each("header", func(k, v string) { req.Header.Set(k, v) })
	each("querystring", func(k, v string) { req.Query.Set(k, v) })
	each("path", func(k, v string) { path[k] = v })
}

// validEndpoint reports whether uri is an absolute http or https URL with
// a host (the rest is checked when the request is made).
func validEndpoint(uri string) bool {
	rest, ok := strings.CutPrefix(uri, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(uri, "http://"); !ok {
			return false
		}
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	return rest != "" && rest[0] != ':'
}

// requestPayload selects the request template by Content-Type (application/json
// when the request has none) and renders it, or applies the passthrough
// behaviour when no template matches: WHEN_NO_MATCH passes the body through,
// WHEN_NO_TEMPLATES passes it only when no template is defined, NEVER
// refuses; a refused request is 415 UNSUPPORTED_MEDIA_TYPE. The payload is
// binary when its Content-Type is a binary media type; content handling
// converts it (content_handling.go). Proxy integrations get the body as
// received.
func (x *exchange) requestPayload() ([]byte, error) {
	in := x.integ
	if in.Type.IsProxy() {
		return x.body, nil
	}
	ct := mediaType(x.r.Header.Get("Content-Type"))
	if ct == "" {
		ct = defaultContentType
	}
	binary := x.binaryType(ct)
	t, ok := in.RequestTemplates.Lookup(ct)
	if !ok {
		pass := in.Passthrough == plan.WhenNoMatch ||
			in.Passthrough == plan.WhenNoTemplates && len(in.RequestTemplates) == 0
		if !pass {
			return nil, &GatewayError{Type: TypeUnsupportedMediaType, Message: "Unsupported Media Type"}
		}
	}
	if !ok || t.Template == nil {
		return convertPayload(x.body, binary, binary, in.ContentHandling)
	}
	return x.renderTemplate("request", t, x.body, binary, in.ContentHandling)
}

// expandURI replaces ${stageVariables.NAME} and {param} references in an
// integration URI: stage variables by their values (undefined ones by ""),
// path parameters by the integration request path parameters.
// Other braces are left as they are.
func (x *exchange) expandURI(uri string, path map[string]string) string {
	if !strings.ContainsAny(uri, "{") {
		return uri
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(uri, '{')
		if i < 0 {
			b.WriteString(uri)
			return b.String()
		}
		j := strings.IndexByte(uri[i:], '}')
		if j < 0 {
			b.WriteString(uri)
			return b.String()
		}
		name := uri[i+1 : i+j]
		lead := uri[:i]
		if strings.HasSuffix(lead, "$") && strings.HasPrefix(name, "stageVariables.") {
			b.WriteString(lead[:len(lead)-1])
			v, _ := x.stageVariable(strings.TrimPrefix(name, "stageVariables."))
			b.WriteString(v)
		} else {
			b.WriteString(lead)
			if v, ok := x.uriParam(path, strings.TrimSuffix(name, "+")); ok {
				b.WriteString(v)
			} else {
				b.WriteString(uri[i : i+j+1])
			}
		}
		uri = uri[i+j+1:]
	}
}

// uriParam returns the value of a {name} reference in an integration URI:
// the integration request path parameter mapped to name, else the method
// request path parameter of that name. (AWS's console and importers add
// the mapping integration.request.path.X = method.request.path.X for every
// {X} of an HTTP URI; a definition that omits it is served as if it were
// there.)
func (x *exchange) uriParam(path map[string]string, name string) (string, bool) {
	if v, ok := path[name]; ok {
		return v, true
	}
	for _, p := range x.params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}
