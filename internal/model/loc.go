package model

import (
	"strconv"
	"strings"
)

// Loc is where something was defined: a file, a 1-based line (0 when
// unknown) and the JSON/YAML path of the value inside the document, such as
// "paths./pets.get.x-amazon-apigateway-integration.timeoutInMillis".
type Loc struct {
	File string
	Line int
	Path string
}

// String formats the location as "file:line: path", leaving out the parts
// that are unknown.
func (l Loc) String() string {
	var b strings.Builder
	if l.File != "" {
		b.WriteString(l.File)
		if l.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(l.Line))
		}
	}
	if l.Path != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(l.Path)
	}
	return b.String()
}

// Child returns the location of member name of the value at l: the same file
// and line, the path extended by name.
func (l Loc) Child(name string) Loc {
	l.Path = JoinPath(l.Path, name)
	return l
}

// JoinPath appends member name to a JSON/YAML path.
func JoinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Source records where an object and its members were defined. Members are
// keyed by their AWS member name ("timeoutInMillis"); entries of map members
// by "member.key" ("requestTemplates.application/json").
type Source struct {
	Loc    Loc
	Fields map[string]Loc
}

// Field returns the location of a member: the recorded one, else the
// location of the closest recorded enclosing member, else the object's
// location, with the path extended to name.
func (s Source) Field(name string) Loc {
	if l, ok := s.Fields[name]; ok {
		return l
	}
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		if l, ok := s.Fields[name[:i]]; ok {
			return l.Child(name[i+1:])
		}
	}
	return s.Loc.Child(name)
}

// SetField records the location of a member.
func (s *Source) SetField(name string, l Loc) {
	if s.Fields == nil {
		s.Fields = make(map[string]Loc)
	}
	s.Fields[name] = l
}
