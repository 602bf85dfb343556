package cloudformation

import (
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"
)

// jsonText writes an evaluated value as compact JSON, keeping the order of
// object members. Untagged-looking scalars keep their YAML type: numbers,
// booleans and null are written bare.
func jsonText(n *yaml.Node) string {
	var b strings.Builder
	writeJSON(&b, n)
	return b.String()
}

func writeJSON(b *strings.Builder, n *yaml.Node) {
	switch {
	case n == nil:
		b.WriteString("null")
	case n.Kind == yaml.AliasNode:
		writeJSON(b, n.Alias)
	case n.Kind == yaml.MappingNode:
		b.WriteByte('{')
		for i, p := range pairs(n) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, p[0].Value)
			b.WriteByte(':')
			writeJSON(b, p[1])
		}
		b.WriteByte('}')
	case n.Kind == yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, c)
		}
		b.WriteByte(']')
	case n.Tag == "!!null":
		b.WriteString("null")
	case n.Tag == "!!bool" || n.Tag == "!!int" || n.Tag == "!!float":
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
		} else {
			writeString(b, n.Value)
		}
	default:
		writeString(b, n.Value)
	}
}

func writeString(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}
