package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// A JSON value in this package is one of: nil, bool, string, json.Number,
// []any, or *object (members in document order).

// object is a JSON object that remembers member order; names are unique.
type object struct {
	members []member
}

// member is one name/value pair of an object.
type member struct {
	name  string
	value any
}

// get returns the value of the member called name.
func (o *object) get(name string) (any, bool) {
	for _, m := range o.members {
		if m.name == name {
			return m.value, true
		}
	}
	return nil, false
}

// set adds a member, or replaces the value of an existing one in place:
// like Python's json module, a repeated name keeps its first position and
// its last value, so member names are unique.
func (o *object) set(name string, v any) {
	for i, m := range o.members {
		if m.name == name {
			o.members[i].value = v
			return
		}
	}
	o.members = append(o.members, member{name, v})
}

// names returns the member names in document order.
func (o *object) names() []string {
	ns := make([]string, len(o.members))
	for i, m := range o.members {
		ns[i] = m.name
	}
	return ns
}

// parseJSON decodes one JSON document keeping object member order and
// numbers' lexical form. Trailing non-space data is an error.
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: data after the top-level value")
	}
	return v, nil
}

// parseStringObject decodes an object whose values are all strings into
// name/value pairs in document order.
func parseStringObject(data []byte) ([][2]string, error) {
	v, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	o, ok := v.(*object)
	if !ok {
		return nil, errors.New("want an object")
	}
	pairs := make([][2]string, len(o.members))
	for i, m := range o.members {
		s, ok := m.value.(string)
		if !ok {
			return nil, fmt.Errorf("%q: want a string value", m.name)
		}
		pairs[i] = [2]string{m.name, s}
	}
	return pairs, nil
}

// decodeValue reads the next value from dec.
func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := &object{}
			for dec.More() {
				nt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				name, _ := nt.(string)
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				o.set(name, v)
			}
			_, err := dec.Token()
			return o, err
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		return nil, fmt.Errorf("invalid JSON: unexpected %v", t)
	}
	return tok, nil
}

// encodeJSON writes v compactly, keeping member order. HTML characters are
// not escaped.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	writeJSON(&buf, v)
	return buf.Bytes()
}

func writeJSON(buf *bytes.Buffer, v any) {
	switch t := v.(type) {
	case nil:
		buf.WriteString("null")
	case bool:
		if t {
			buf.WriteString("true")
		} else {
			buf.WriteString("false")
		}
	case json.Number:
		buf.WriteString(string(t))
	case string:
		writeString(buf, t)
	case []any:
		buf.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSON(buf, e)
		}
		buf.WriteByte(']')
	case *object:
		buf.WriteByte('{')
		for i, m := range t.members {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(buf, m.name)
			buf.WriteByte(':')
			writeJSON(buf, m.value)
		}
		buf.WriteByte('}')
	}
}

// writeString writes s as a JSON string literal.
func writeString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Truncate(buf.Len() - 1)
}

// normalize replaces, at any depth, every string that starts with '{' and
// parses as JSON by the parsed (and normalised) value (FORMAT.md 8.4).
func normalize(v any) any {
	switch t := v.(type) {
	case string:
		if len(t) > 0 && t[0] == '{' {
			if p, err := parseJSON([]byte(t)); err == nil {
				return normalize(p)
			}
		}
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = normalize(e)
		}
		return out
	case *object:
		out := &object{members: make([]member, len(t.members))}
		for i, m := range t.members {
			out.members[i] = member{m.name, normalize(m.value)}
		}
		return out
	}
	return v
}
