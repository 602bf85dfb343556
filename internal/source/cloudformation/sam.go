package cloudformation

import (
	"strings"

	"archway/internal/model"
)

// apiEvents returns the Api events of a SAM function.
func (t *template) apiEvents(r *resource) []val {
	events := member(r.props.n, "Events")
	var out []val
	for _, p := range pairs(events) {
		if typ := member(p[1], "Type"); isScalar(typ) && typ.Value == "Api" {
			out = append(out, r.props.child("Events", events).child(p[0].Value, p[1]))
		}
	}
	return out
}

// warnEvents reports the events of a SAM function that Archway does not
// serve: every type but Api.
func (t *template) warnEvents(r *resource) {
	events := member(r.props.n, "Events")
	for _, p := range pairs(events) {
		if typ := member(p[1], "Type"); isScalar(typ) && typ.Value != "Api" {
			t.warn(r.props.child("Events", events).child(p[0].Value, p[1]).child("Type", typ),
				"function %s: events of type %s are not served", r.id, typ.Value)
		}
	}
}

// hasImplicitEvents reports whether a SAM function has Api events without
// a RestApiId, which SAM serves on its implicit API.
func (t *template) hasImplicitEvents(r *resource) bool {
	for _, e := range t.apiEvents(r) {
		if member(member(e.n, "Properties"), "RestApiId") == nil {
			return true
		}
	}
	return false
}

// samEvents adds the methods of the Api events of function r that target
// the API c: AWS_PROXY integrations invoking the function.
func (t *template) samEvents(api *model.RestApi, c apiCandidate, r *resource) {
	for _, e := range t.apiEvents(r) {
		pv := e.child("Properties", member(e.n, "Properties"))
		ev := t.eval(pv)
		if ev == nil {
			continue
		}
		o := obj{t: t, v: val{n: ev, path: pv.path}}
		target := samImplicitAPI
		if o.has("RestApiId") {
			target = ""
			if c.r != nil {
				if id, _ := t.physicalID(c.r); o.str("RestApiId") == id {
					target = c.logical
				}
			}
		}
		if target != c.logical {
			continue
		}
		path, method := o.str("Path"), strings.ToUpper(o.str("Method"))
		if method == "" || path == "" {
			t.fail(pv, "an Api event needs Path and Method")
			continue
		}
		arn, ok := t.attribute(e, r.id, "Arn")
		if !ok {
			continue
		}
		res := t.resourceForPath(api, c.logical, path)
		if method == "ANY" || method == "X-AMAZON-APIGATEWAY-ANY-METHOD" {
			method = "ANY"
		}
		if res.Method(method) != nil {
			continue
		}
		m := &model.Method{Src: o.source(), HTTPMethod: method}
		in := &model.Integration{Src: o.source(), Type: model.IntegrationAWSProxy, HTTPMethod: "POST",
			URI: "arn:" + t.partition() + ":apigateway:" + t.opts.Region + ":lambda:path/2015-03-31/functions/" + arn + "/invocations"}
		m.Integration = in
		res.Methods = append(res.Methods, m)
	}
}

// resourceForPath returns the resource of path, creating it and its
// parents as needed.
func (t *template) resourceForPath(api *model.RestApi, logical, path string) *model.Resource {
	path = "/" + strings.Trim(path, "/")
	if r := api.ResourceByPath(path); r != nil {
		return r
	}
	parent := api.RootResource()
	cur := ""
	for _, part := range strings.Split(strings.Trim(path, "/"), "/") {
		cur += "/" + part
		r := api.ResourceByPath(cur)
		if r == nil {
			r = &model.Resource{ID: model.StableID(6, "resource", t.opts.StackName, logical, cur),
				ParentID: parent.ID, PathPart: part, Path: cur}
			api.Resources = append(api.Resources, r)
		}
		parent = r
	}
	return parent
}
