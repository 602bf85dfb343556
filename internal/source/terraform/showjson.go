package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// IsShowJSON reports whether data is the output of `terraform show -json`:
// a plan (planned_values) or a state (values).
func IsShowJSON(data []byte) bool {
	var head struct {
		FormatVersion    string          `json:"format_version"`
		TerraformVersion string          `json:"terraform_version"`
		PlannedValues    json.RawMessage `json:"planned_values"`
		Values           json.RawMessage `json:"values"`
	}
	if json.Unmarshal(data, &head) != nil {
		return false
	}
	return head.FormatVersion != "" && (head.PlannedValues != nil || head.Values != nil || head.TerraformVersion != "")
}

// ParseShowJSON reads the output of `terraform show -json`: of a saved plan
// (`terraform plan -out p; terraform show -json p`) or of the state after
// apply (`terraform show -json`). Terraform has evaluated every expression
// already, so modules, data sources and every function work. Values a plan
// only knows after apply (ids, root_resource_id, invoke_arn) are followed
// through the references the plan's configuration records, and get
// generated ids as in a configuration; a state carries AWS's real ids.
// Relative file names (a Lambda function's filename) are read from the
// directory of name.
func ParseShowJSON(name string, data []byte, opts Options) (*Result, error) {
	c := newConfig(filepath.Dir(name), opts)
	s := &showJSON{c: c, name: name, data: data, config: map[string]*tfjson.ConfigResource{}, unknown: map[string]map[string]bool{}}
	var values *tfjson.StateValues
	if bytes.Contains(data, []byte(`"planned_values"`)) {
		var plan tfjson.Plan
		if err := json.Unmarshal(data, &plan); err != nil {
			return &Result{}, model.Errors{{Loc: model.Loc{File: name}, Message: "reading terraform show -json output of a plan: " + err.Error()}}
		}
		values = plan.PlannedValues
		if plan.Config != nil {
			s.configModule("", plan.Config.RootModule)
		}
		for _, rc := range plan.ResourceChanges {
			if rc.Change == nil || rc.Mode != tfjson.ManagedResourceMode {
				continue
			}
			if m, ok := rc.Change.AfterUnknown.(map[string]any); ok {
				u := map[string]bool{}
				for k, v := range m {
					if b, ok := v.(bool); ok && b {
						u[k] = true
					}
				}
				s.unknown[rc.Address] = u
			}
		}
	} else {
		var state tfjson.State
		if err := json.Unmarshal(data, &state); err != nil {
			return &Result{}, model.Errors{{Loc: model.Loc{File: name}, Message: "reading terraform show -json output of a state: " + err.Error()}}
		}
		values = state.Values
	}
	if values == nil || values.RootModule == nil {
		c.failAt(hcl.Range{Filename: name}, "", "the file holds no resources (no planned_values or values.root_module)")
	} else {
		for _, r := range values.RootModule.Resources {
			if r.Type == typeRestAPI && r.Mode == tfjson.ManagedResourceMode {
				if s.soleAPI == "" {
					s.soleAPI = r.Address
				} else {
					s.soleAPI = "-"
				}
			}
		}
		if strings.Contains(s.soleAPI, "[") || s.soleAPI == "-" {
			s.soleAPI = ""
		}
		s.module(values.RootModule)
		if len(c.declOrder) == 0 {
			c.failAt(hcl.Range{Filename: name}, "", "the file holds no managed resources")
		}
		if s.viaSoleAPI > 0 {
			c.warnAt(hcl.Range{Filename: name}, "", "the rest_api_id of %d resources is only known after apply and set through values the plan does not record; Archway takes it to be the plan's only REST API, %s", s.viaSoleAPI, s.soleAPI)
		}
	}
	if len(c.errs) == 0 {
		for _, d := range c.declOrder {
			d.state = 2
			c.order = append(c.order, d.instances...)
		}
		for _, r := range c.order {
			c.object(r, r.block.TypeRange)
		}
	}
	return c.result()
}

// showJSON is one `terraform show -json` document being read.
type showJSON struct {
	c       *config
	name    string
	data    []byte
	config  map[string]*tfjson.ConfigResource // root module resources by address
	unknown map[string]map[string]bool        // instance address → attributes known only after apply
	// soleAPI is the address of the plan's only REST API, which a
	// rest_api_id known only after apply and set through a local value
	// (whose expression the plan does not record) is taken to name;
	// viaSoleAPI counts those.
	soleAPI    string
	viaSoleAPI int
}

// configModule records the configured resources of m and the modules it
// calls, under their addresses.
func (s *showJSON) configModule(prefix string, m *tfjson.ConfigModule) {
	if m == nil {
		return
	}
	for _, r := range m.Resources {
		s.config[prefix+r.Address] = r
	}
	for name, call := range m.ModuleCalls {
		s.configModule(prefix+"module."+name+".", call.Module)
	}
}

// module turns the managed resources of m and its children into resource
// instances whose arguments are their values.
func (s *showJSON) module(m *tfjson.StateModule) {
	for _, r := range m.Resources {
		if r.Mode != tfjson.ManagedResourceMode {
			continue
		}
		s.resource(r)
	}
	for _, child := range m.ChildModules {
		s.module(child)
	}
}

// resource adds one instance. Resources of child modules keep their
// module path in the name, so that addresses stay unique.
func (s *showJSON) resource(sr *tfjson.StateResource) {
	c := s.c
	rng := hcl.Range{Filename: s.name, Start: hcl.Pos{Line: s.lineOf(sr.Address)}}
	base := strings.TrimSuffix(sr.Address, indexSuffix(sr.Index))
	module := strings.TrimSuffix(base, sr.Type+"."+sr.Name)
	d := c.decls[base]
	if d == nil {
		d = &decl{module: module, typ: sr.Type, name: sr.Name,
			block: &hclsyntax.Block{Type: "resource", Labels: []string{sr.Type, sr.Name}, TypeRange: rng, Body: &hclsyntax.Body{}}}
		switch sr.Index.(type) {
		case float64, json.Number:
			d.meta = &hclsyntax.Attribute{Name: "count"}
		case string:
			d.meta = &hclsyntax.Attribute{Name: "for_each"}
		}
		c.decls[base] = d
		c.declOrder = append(c.declOrder, d)
	}
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	block := &hclsyntax.Block{Type: "resource", Labels: []string{sr.Type, sr.Name}, TypeRange: rng, Body: body}
	key := cty.NilVal
	switch k := sr.Index.(type) {
	case float64:
		key = cty.NumberFloatVal(k)
	case json.Number:
		key, _ = cty.ParseNumberVal(string(k))
	case string:
		key = cty.StringVal(k)
	}
	r := &resource{decl: d, module: module, typ: sr.Type, name: sr.Name, block: block, key: key, each: key}
	blocks := schemas[sr.Type].blocks
	for attr, raw := range sr.AttributeValues {
		if raw == nil || raw == "" {
			continue
		}
		v, err := toCty(raw)
		if err != nil {
			c.failAt(rng, r.addr()+"."+attr, "%s", err)
			continue
		}
		if inner, ok := blocks[attr]; ok && (v.Type().IsTupleType() || v.Type().IsListType()) {
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				body.Blocks = append(body.Blocks, literalBlock(attr, e, rng, inner))
			}
			continue
		}
		body.Attributes[attr] = &hclsyntax.Attribute{Name: attr, Expr: &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}, SrcRange: rng, NameRange: rng}
	}
	for attr := range s.unknown[sr.Address] {
		if cr := s.config[base]; cr != nil && cr.Expressions[attr] == nil {
			continue // not configured: AWS's default, as in a configuration
		}
		var expr hclsyntax.Expression = &hclsyntax.LiteralValueExpr{Val: cty.UnknownVal(cty.String), SrcRange: rng}
		if module == "" {
			if ref := s.reference(base, attr, key, rng); ref != nil {
				expr = ref
			} else if attr == "rest_api_id" && s.soleAPI != "" {
				expr, _ = hclsyntax.ParseExpression([]byte(s.soleAPI+".id"), rng.Filename, rng.Start)
				s.viaSoleAPI++
			}
		}
		body.Attributes[attr] = &hclsyntax.Attribute{Name: attr, Expr: expr, SrcRange: rng, NameRange: rng}
	}
	n := 6
	if r.typ == typeRestAPI {
		n = 10
	}
	if id, ok := sr.AttributeValues["id"].(string); ok && id != "" {
		r.id = id
	} else {
		r.id = model.StableID(n, r.idParts()...)
	}
	d.instances = append(d.instances, r)
	c.resources[r.addr()] = r
	c.ids[r.id] = r
}

// reference returns the expression a value known only after apply was
// configured with, from the references the plan's configuration records
// for it. A reference with its attribute (aws_api_gateway_rest_api.api.id)
// is taken as the whole value. Terraform records an indexed reference
// without its index and attribute (aws_api_gateway_resource.r and
// each.key for aws_api_gateway_resource.r[each.key].id): the index is
// the instance's own key, the attribute a guess named in a warning, as is
// a Lambda function's arn given as an integration uri, read as the
// function's invocation URI.
func (s *showJSON) reference(addr, attr string, key cty.Value, rng hcl.Range) hclsyntax.Expression {
	cr := s.config[addr]
	if cr == nil || cr.Expressions[attr] == nil {
		return nil
	}
	refs := cr.Expressions[attr].References
	perInstance := false
	for _, ref := range refs {
		perInstance = perInstance || ref == "count.index" || ref == "each.key"
	}
	for _, ref := range refs {
		parts := strings.Split(ref, ".")
		if len(parts) < 2 || !strings.Contains(parts[0], "_") || strings.Contains(parts[1], "[") {
			continue // var., local., each., count., path., module., data.
		}
		target, field := parts[0]+"."+parts[1], strings.Join(parts[2:], ".")
		src := ref
		switch {
		case perInstance && key != cty.NilVal && field == "":
			field = guessAttribute(attr, parts[0])
			src = target + indexSuffix(keyValue(key)) + "." + field
			s.c.warnAt(rng, addr+indexSuffix(keyValue(key))+"."+attr, "the value is only known after apply; Archway reads it as %s", src)
		case field == "":
			continue // the reference with its attribute comes first
		}
		if attr == "uri" && parts[0] == typeFunction && (strings.HasSuffix(field, "arn") && field != "invoke_arn") {
			src = `"arn:aws:apigateway:` + s.c.opts.Region + `:lambda:path/2015-03-31/functions/${` + src + `}/invocations"`
			s.c.warnAt(rng, addr+"."+attr, "the value is only known after apply; Archway reads it as the invocation URI of %s", target)
		}
		expr, ds := hclsyntax.ParseExpression([]byte(src), rng.Filename, rng.Start)
		if ds.HasErrors() {
			continue
		}
		return expr
	}
	return nil
}

// guessAttribute is the attribute an indexed reference set as argument
// attr most likely read from a resource of type typ: the same-named
// argument of the resource it follows (http_method =
// aws_api_gateway_method.m[each.key].http_method), a function's
// invoke_arn for a uri, the id otherwise.
func guessAttribute(attr, typ string) string {
	switch {
	case attr == "uri" && typ == typeFunction:
		return "invoke_arn"
	case attr == "resource_id" || attr == "http_method" || attr == "rest_api_id":
		for _, a := range schemas[typ].args {
			if a == attr {
				return attr
			}
		}
	}
	return "id"
}

// literalBlock is a nested block whose arguments are the members of v.
func literalBlock(typ string, v cty.Value, rng hcl.Range, s schema) *hclsyntax.Block {
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	if v.Type().IsObjectType() || v.Type().IsMapType() {
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			if e.IsNull() || (e.Type() == cty.String && e.AsString() == "") {
				continue
			}
			if inner, ok := s.blocks[name]; ok && (e.Type().IsTupleType() || e.Type().IsListType()) {
				for it := e.ElementIterator(); it.Next(); {
					_, ee := it.Element()
					body.Blocks = append(body.Blocks, literalBlock(name, ee, rng, inner))
				}
				continue
			}
			body.Attributes[name] = &hclsyntax.Attribute{Name: name, Expr: &hclsyntax.LiteralValueExpr{Val: e, SrcRange: rng}, SrcRange: rng, NameRange: rng}
		}
	}
	return &hclsyntax.Block{Type: typ, TypeRange: rng, Body: body}
}

// toCty converts a decoded JSON value into a cty value of the type JSON
// implies: objects become objects, arrays tuples.
func toCty(raw any) (cty.Value, error) {
	b, err := json.Marshal(raw)
	if err != nil {
		return cty.NilVal, err
	}
	t, err := ctyjson.ImpliedType(b)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(b, t)
}

// indexSuffix is the [0] or ["key"] of an instance address.
func indexSuffix(index any) string {
	switch k := index.(type) {
	case float64:
		return fmt.Sprintf("[%d]", int64(k))
	case json.Number:
		return "[" + string(k) + "]"
	case string:
		q, _ := json.Marshal(k)
		return "[" + string(q) + "]"
	}
	return ""
}

// keyValue is an instance key as decoded JSON.
func keyValue(key cty.Value) any {
	if key.Type() == cty.Number {
		f, _ := key.AsBigFloat().Float64()
		return f
	}
	return key.AsString()
}

// lineOf is the line on which the resource with address addr is listed,
// for messages; 0 when it cannot be found.
func (s *showJSON) lineOf(addr string) int {
	q, _ := json.Marshal(addr)
	for _, pat := range [][]byte{append([]byte(`"address":`), q...), append([]byte(`"address": `), q...)} {
		if i := bytes.Index(s.data, pat); i >= 0 {
			return bytes.Count(s.data[:i], []byte("\n")) + 1
		}
	}
	return 0
}
