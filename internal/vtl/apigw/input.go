package apigw

import (
	"errors"
	"strings"

	"archway/internal/jsonpath"
	"archway/internal/jsonvalue"
)

// Params are the method request parameters $input.params() exposes, each
// an ordered map of name to value.
type Params struct {
	Path        *jsonvalue.Map
	QueryString *jsonvalue.Map
	Header      *jsonvalue.Map
}

// input is the $input variable of one render.
type input struct {
	body    []byte
	params  Params
	paths   *PathCache
	parsed  bool
	doc     any
	docErr  error
	allMaps *jsonvalue.Map
	// private is set when the template may change what it reads: each
	// $input.path result is then a copy, as AWS re-parses the body for
	// every call.
	private bool
}

// bodyText is $input.body: the raw payload, or "{}" when it is empty.
func (in *input) bodyText() string {
	if len(in.body) == 0 {
		return "{}"
	}
	return string(in.body)
}

// document parses the body once per render, however many paths read it.
func (in *input) document() (any, error) {
	if !in.parsed {
		in.parsed = true
		data := in.body
		if len(data) == 0 {
			data = []byte("{}")
		}
		in.doc, in.docErr = jsonvalue.Parse(data)
	}
	return in.doc, in.docErr
}

// read evaluates a JSONPath over the body; a path that matches nothing
// gives nil.
func (in *input) read(path string) (any, error) {
	p, err := in.paths.Compile(path)
	if err != nil {
		return nil, err
	}
	doc, err := in.document()
	if err != nil {
		return nil, err
	}
	v, err := p.Read(doc)
	if errors.Is(err, jsonpath.ErrNotFound) {
		return nil, nil
	}
	if in.private {
		// Every call sees the body as sent, whatever the template did to
		// an earlier result.
		v = jsonvalue.Clone(v)
	}
	return v, err
}

// Property answers $input.body.
func (in *input) Property(name string) (any, bool) {
	if name == "body" {
		return in.bodyText(), true
	}
	return nil, false
}

// CallMethod answers $input.json(p), $input.path(p), $input.params() and
// $input.params(name).
func (in *input) CallMethod(name string, args []any) (any, bool, error) {
	switch {
	case name == "getBody" && len(args) == 0:
		return in.bodyText(), true, nil
	case name == "params" && len(args) == 0:
		return in.allParams(), true, nil
	case name == "params" && len(args) == 1:
		return in.param(jsonvalue.ToString(args[0])), true, nil
	case name == "path" && len(args) == 1:
		v, err := in.read(jsonvalue.ToString(args[0]))
		return v, true, err
	case name == "json" && len(args) == 1:
		v, err := in.read(jsonvalue.ToString(args[0]))
		if err != nil {
			return nil, true, err
		}
		return string(jsonvalue.AppendJSON(nil, v)), true, nil
	}
	return nil, false, nil
}

// JavaString is what printing $input shows.
func (in *input) JavaString() string { return "" }

func (in *input) allParams() *jsonvalue.Map {
	if in.allMaps == nil {
		m := jsonvalue.NewMap(3)
		m.Put("path", orEmpty(in.params.Path))
		m.Put("querystring", orEmpty(in.params.QueryString))
		m.Put("header", orEmpty(in.params.Header))
		in.allMaps = m
	}
	return in.allMaps
}

func orEmpty(m *jsonvalue.Map) *jsonvalue.Map {
	if m == nil {
		return jsonvalue.NewMap(0)
	}
	return m
}

// param looks a name up in path, then querystring, then header (exact,
// then case-insensitive), as API Gateway documents.
func (in *input) param(name string) any {
	for _, m := range [...]*jsonvalue.Map{in.params.Path, in.params.QueryString, in.params.Header} {
		if m == nil {
			continue
		}
		if v, ok := m.Get(name); ok {
			return v
		}
	}
	if h := in.params.Header; h != nil {
		for i := 0; i < h.Len(); i++ {
			k, v := h.At(i)
			if ks, ok := k.(string); ok && strings.EqualFold(ks, name) {
				return v
			}
		}
	}
	return nil
}
