package conformance

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlElement is an element being built by xmlToValue.
type xmlElement struct {
	name     string
	attrs    []member
	children *object
	text     strings.Builder
}

// xmlToValue parses an XML document into the structure of FORMAT.md 8.4
// (xmltodict's conventions): {root: content}, where content is a string for
// text-only elements, null for empty ones, and otherwise an object of
// "@attr" members, child tags (repeated tags as arrays in document order)
// and "#text" for text mixed with children. Text is trimmed; prefixes are
// kept as written; the XML declaration, comments and directives are
// dropped.
func xmlToValue(data []byte) (any, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xmlElement
	var root *object
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("more than one root element")
			}
			el := &xmlElement{name: qualified(t.Name), children: &object{}}
			for _, a := range t.Attr {
				el.attrs = append(el.attrs, member{"@" + qualified(a.Name), a.Value})
			}
			stack = append(stack, el)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != qualified(t.Name) {
				return nil, fmt.Errorf("unexpected end element </%s>", qualified(t.Name))
			}
			el := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				root = &object{members: []member{{el.name, el.content()}}}
			} else {
				addChild(stack[len(stack)-1].children, el.name, el.content())
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("unclosed element <%s>", stack[len(stack)-1].name)
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// qualified writes a name as it appeared: prefix:local.
func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// content returns the element's value in xmltodict form.
func (el *xmlElement) content() any {
	text := strings.TrimSpace(el.text.String())
	if len(el.attrs) == 0 && len(el.children.members) == 0 {
		if text == "" {
			return nil
		}
		return text
	}
	o := &object{members: append([]member{}, el.attrs...)}
	o.members = append(o.members, el.children.members...)
	if text != "" {
		o.members = append(o.members, member{"#text", text})
	}
	return o
}

// addChild adds a child element's content, turning a repeated tag into an
// array at the position of its first occurrence. Element content is never an
// array itself, so an array member always holds repetitions.
func addChild(o *object, name string, v any) {
	for i, m := range o.members {
		if m.name != name {
			continue
		}
		if arr, ok := m.value.([]any); ok {
			o.members[i].value = append(arr, v)
		} else {
			o.members[i].value = []any{m.value, v}
		}
		return
	}
	o.members = append(o.members, member{name, v})
}
