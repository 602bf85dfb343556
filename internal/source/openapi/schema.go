package openapi

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// maxSchemaNodes bounds the nodes written for one schema, so that nested
// aliases (a "billion laughs" document) cannot blow up.
const maxSchemaNodes = 100000

func itoa(i int) string { return strconv.Itoa(i) }

// toJSON writes the value as JSON text with object members in document
// order, as AWS stores a model's schema.
func (r *reader) toJSON(v value) (string, bool) {
	var b bytes.Buffer
	budget := maxSchemaNodes
	if !writeJSON(&b, v.n, &budget, 0) {
		r.fail(v, "schema too large or too deeply nested")
		return "", false
	}
	return b.String(), true
}

func writeJSON(b *bytes.Buffer, n *yaml.Node, budget *int, depth int) bool {
	n = resolve(n)
	*budget--
	if n == nil || *budget < 0 || depth > maxDepth {
		return false
	}
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, resolve(n.Content[i]).Value)
			b.WriteByte(':')
			if !writeJSON(b, n.Content[i+1], budget, depth+1) {
				return false
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if !writeJSON(b, c, budget, depth+1) {
				return false
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		writeScalar(b, n)
	default:
		return false
	}
	return true
}

func writeScalar(b *bytes.Buffer, n *yaml.Node) {
	switch n.Tag {
	case "!!null":
		b.WriteString("null")
	case "!!bool":
		b.WriteString(strings.ToLower(n.Value))
	case "!!int", "!!float":
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
			return
		}
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			b.WriteString(strconv.FormatInt(i, 10))
			return
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
			return
		}
		writeString(b, n.Value)
	default:
		writeString(b, n.Value)
	}
}

func writeString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s)
	b.Write(data)
}

// modelRef returns the model a schema names: its name for a reference to
// a schema of the document (#/components/schemas/Pet, #/definitions/Pet),
// or "" for any other schema.
func modelRef(schema value) string {
	target, _, ok := refTarget(schema)
	if !ok || len(schema.n.Content) != 2 {
		return ""
	}
	for _, prefix := range []string{"#/components/schemas/", "#/definitions/"} {
		if name, ok := strings.CutPrefix(target, prefix); ok && !strings.Contains(name, "/") {
			return strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
		}
	}
	return ""
}

// schemaModel returns the name of the model for a request or response
// schema: the model it references, or a model created for an inline schema
// (named MODEL followed by a stable id, as AWS names the models it creates
// on import).
func (r *reader) schemaModel(api *model.RestApi, schema value, contentType string) string {
	if name := modelRef(schema); name != "" {
		return name
	}
	text, ok := r.toJSON(schema)
	if !ok {
		return ""
	}
	name := "MODEL" + model.StableID(6, "inline-model", schema.path)
	if api.Model(name) == nil {
		api.Models = append(api.Models, model.Model{
			Src: r.source(schema), ID: model.StableID(6, "model", name), Name: name,
			ContentType: contentType, Schema: text,
		})
	}
	return name
}

// readModels reads the schemas of components.schemas (3.0) or definitions
// (2.0) as models.
func (r *reader) readModels(api *model.RestApi, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		text, ok := r.toJSON(m.value)
		if !ok {
			continue
		}
		md := model.Model{
			Src: r.source(m.value), ID: model.StableID(6, "model", m.key), Name: m.key,
			ContentType: "application/json", Schema: text,
		}
		md.Src.SetField("name", r.loc(m.value))
		api.Models = append(api.Models, md)
	}
}

// addBuiltinModels adds AWS's Empty and Error models when methods use them
// without the document defining them: AWS resolves them to its built-in
// models.
func addBuiltinModels(api *model.RestApi) {
	used := func(name string) bool {
		for _, res := range api.Resources {
			for _, m := range res.Methods {
				for _, e := range m.RequestModels {
					if e.Value == name {
						return true
					}
				}
				for _, mr := range m.MethodResponses {
					for _, e := range mr.ResponseModels {
						if e.Value == name {
							return true
						}
					}
				}
			}
		}
		return false
	}
	for _, name := range []string{model.EmptyModelName, model.ErrorModelName} {
		if api.Model(name) == nil && used(name) {
			builtin, _ := model.BuiltinModel(name)
			api.Models = append(api.Models, builtin)
		}
	}
}
