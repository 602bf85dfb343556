package pipeline

import (
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonpath"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// mappingValue evaluates a parameter mapping source for this request; resp
// is the integration response, nil on the request side. It reports false
// when the source is absent.
func (x *exchange) mappingValue(m plan.Mapping, resp *integration.Response) (string, bool) {
	switch m.Kind {
	case plan.Static:
		return m.Name, true
	case plan.MethodRequestPath:
		return lookupParam(x.templateInput().Params.Path, m.Name, false)
	case plan.MethodRequestQuery:
		return lookupParam(x.templateInput().Params.QueryString, m.Name, false)
	case plan.MethodRequestHeader:
		return lookupParam(x.templateInput().Params.Header, m.Name, true)
	case plan.MethodRequestMultiQuery, plan.MethodRequestMultiHeader:
		if vs, ok := x.multiValues(m); ok {
			return strings.Join(vs, ","), true
		}
	case plan.MethodRequestBody:
		return x.bodyValue(x.body, m.Path)
	case plan.IntegrationResponseHeader:
		if resp != nil {
			if vs := resp.Header.Values(m.Name); len(vs) > 0 {
				return strings.Join(vs, ","), true
			}
		}
	case plan.IntegrationResponseBody:
		if resp != nil {
			return x.bodyValue(resp.Body, m.Path)
		}
	case plan.Context:
		return contextValue(x.templateInput().Context, m.Name)
	case plan.StageVariable:
		return x.stageVariable(m.Name)
	}
	return "", false
}

// mappingValues evaluates a request-side mapping source: every value of a
// multi-value source, else its one value. It reports false when the source
// is absent.
func (x *exchange) mappingValues(m plan.Mapping) ([]string, bool) {
	if m.Kind == plan.MethodRequestMultiQuery || m.Kind == plan.MethodRequestMultiHeader {
		return x.multiValues(m)
	}
	v, ok := x.mappingValue(m, nil)
	if !ok {
		return nil, false
	}
	return []string{v}, true
}

// multiValues returns every value of a repeated query string parameter,
// decoded, or every line of a header, in order.
func (x *exchange) multiValues(m plan.Mapping) ([]string, bool) {
	var vs []string
	if m.Kind == plan.MethodRequestMultiHeader {
		vs = x.r.Header.Values(m.Name)
		if strings.EqualFold(m.Name, "Host") && x.r.Host != "" {
			vs = []string{x.r.Host}
		}
	} else {
		eachQueryPair(x.query, func(k, v string) {
			if k == m.Name {
				vs = append(vs, v)
			}
		})
	}
	return vs, len(vs) > 0
}

// bodyValue returns a body, or the value path selects in it: a string as
// it is, anything else as compact JSON. A body that is not JSON, or a path
// that selects nothing, is absent. (Only AWS's documentation describes
// body mappings; no recording pins the text form of non-string values.)
func (x *exchange) bodyValue(body []byte, path *jsonpath.Path) (string, bool) {
	if path == nil {
		return string(body), true
	}
	doc, err := x.parsedBody(body)
	if err != nil {
		return "", false
	}
	v, err := path.Read(doc)
	if err != nil || v == nil {
		return "", false
	}
	if s, ok := v.(string); ok {
		return s, true
	}
	return string(jsonvalue.AppendJSON(nil, v)), true
}

// lookupParam returns the value of a parameter; header names compare
// without case.
func lookupParam(m *jsonvalue.Map, name string, fold bool) (string, bool) {
	if m == nil {
		return "", false
	}
	if v, ok := m.Lookup(name); ok {
		return jsonvalue.ToString(v), true
	}
	if !fold {
		return "", false
	}
	for i := 0; i < m.Len(); i++ {
		k, v := m.At(i)
		if ks, ok := k.(string); ok && strings.EqualFold(ks, name) {
			return jsonvalue.ToString(v), true
		}
	}
	return "", false
}

// contextValue reads a dotted $context variable ("identity.sourceIp").
func contextValue(ctx *jsonvalue.Map, name string) (string, bool) {
	var cur any = ctx
	for _, part := range strings.Split(name, ".") {
		m, ok := cur.(*jsonvalue.Map)
		if !ok || m == nil {
			return "", false
		}
		if cur, ok = m.Lookup(part); !ok {
			return "", false
		}
	}
	if cur == nil {
		return "", false
	}
	return jsonvalue.ToString(cur), true
}

// parsedDoc is a payload parsed for body mappings.
type parsedDoc struct {
	src []byte
	doc any
	err error
}

// parsedBody parses a payload (the method request body or the integration
// response body) once, however many mappings read it.
func (x *exchange) parsedBody(body []byte) (any, error) {
	for _, d := range x.docs {
		if len(d.src) == len(body) && (len(body) == 0 || &d.src[0] == &body[0]) {
			return d.doc, d.err
		}
	}
	doc, err := jsonvalue.Parse(body)
	x.docs = append(x.docs, parsedDoc{src: body, doc: doc, err: err})
	return doc, err
}
