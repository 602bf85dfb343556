// Package protocol speaks the JSON-lines protocol of the mapping-template
// oracle (shared/oracle/README.md): one request object per line (id,
// template, body, params, context, stageVariables, vars, options), one
// answer per line ({"id", "output"} or {"id", "error"}, plus "context"
// when options.returnContext is true). The same corpus can be replayed
// through the oracle and through Archway and compared line by line.
package protocol

import (
	"encoding/json"
	"errors"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

// Answer renders one request line and returns the answer line (without
// its newline).
func Answer(engine *apigw.Engine, line []byte) []byte {
	v, err := jsonvalue.Parse(line)
	reqMap, ok := v.(*jsonvalue.Map)
	if err != nil || !ok {
		return []byte(`{"id":null,"error":"protocol: each line must be a JSON object"}`)
	}
	get := func(k string) any { x, _ := reqMap.Get(k); return x }
	out := []byte(`{"id":`)
	out = appendProtocolJSON(out, get("id"))
	tplText, ok := get("template").(string)
	if !ok {
		return append(out, `,"error":"protocol: \"template\" must be a string"}`...)
	}
	req := &apigw.Request{}
	if b, ok := get("body").(string); ok {
		req.Body = []byte(b)
	}
	if pm, ok := get("params").(*jsonvalue.Map); ok {
		req.Params.Path = plainMap(pm, "path")
		req.Params.QueryString = plainMap(pm, "querystring")
		req.Params.Header = plainMap(pm, "header")
	}
	if cm, ok := apigw.ContextValue(get("context")).(*jsonvalue.Map); ok {
		req.Context = cm
	} else {
		req.Context = jsonvalue.NewMap(2)
		req.Context.Opaque = true
	}
	if sv, ok := apigw.PlainValue(get("stageVariables")).(*jsonvalue.Map); ok {
		req.StageVariables = sv
	}
	if vm, ok := apigw.PlainValue(get("vars")).(*jsonvalue.Map); ok {
		req.Vars = make(map[string]any, vm.Len())
		for i := 0; i < vm.Len(); i++ {
			k, val := vm.At(i)
			req.Vars[jsonvalue.ToString(k)] = val
		}
	}
	returnContext := false
	if opts, ok := get("options").(*jsonvalue.Map); ok {
		rc, _ := opts.Get("returnContext")
		returnContext = rc == true
	}
	t, err := vtl.Parse("template", tplText)
	var res []byte
	if err == nil {
		res, err = engine.Render(nil, t, req)
	}
	if err != nil {
		out = append(out, `,"error":`...)
		return append(appendProtocolJSON(out, errorText(err)), '}')
	}
	out = append(out, `,"output":`...)
	out = appendProtocolJSON(out, string(res))
	if returnContext {
		out = append(out, `,"context":`...)
		out = jsonvalue.AppendJSON(out, req.Context)
	}
	return append(out, '}')
}

// plainMap returns params[kind] as a plain ordered map (empty if absent).
func plainMap(params *jsonvalue.Map, kind string) *jsonvalue.Map {
	v, _ := params.Get(kind)
	if m, ok := apigw.PlainValue(v).(*jsonvalue.Map); ok {
		return m
	}
	return jsonvalue.NewMap(0)
}

// errorText names the Velocity exception class a template error stands
// for, as the oracle does, followed by Archway's message.
func errorText(err error) string {
	var te *vtl.Error
	if errors.As(err, &te) {
		switch te.Kind {
		case vtl.ParseError:
			return "org.apache.velocity.exception.ParseErrorException: " + err.Error()
		case vtl.MethodError:
			return "org.apache.velocity.exception.MethodInvocationException: " + err.Error()
		}
	}
	return "org.apache.velocity.exception.VelocityException: " + err.Error()
}

// appendProtocolJSON writes strings with Go's JSON escaping and anything
// else in json-smart style.
func appendProtocolJSON(dst []byte, v any) []byte {
	if s, ok := v.(string); ok {
		b, _ := json.Marshal(s)
		return append(dst, b...)
	}
	return jsonvalue.AppendJSON(dst, v)
}
