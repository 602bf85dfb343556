package model

import (
	"errors"
	"testing"
)

func TestLocString(t *testing.T) {
	tests := []struct {
		loc  Loc
		want string
	}{
		{Loc{File: "api.yaml", Line: 12, Path: "paths./pets.get"}, "api.yaml:12: paths./pets.get"},
		{Loc{File: "api.yaml", Path: "info"}, "api.yaml: info"},
		{Loc{File: "api.yaml", Line: 3}, "api.yaml:3"},
		{Loc{Path: "uri"}, "uri"},
		{Loc{}, ""},
	}
	for _, tt := range tests {
		if got := tt.loc.String(); got != tt.want {
			t.Errorf("%#v: got %q, want %q", tt.loc, got, tt.want)
		}
	}
}

func TestSourceField(t *testing.T) {
	s := Source{Loc: Loc{File: "f", Line: 1, Path: "x"}}
	s.SetField("requestTemplates", Loc{File: "f", Line: 5, Path: "x.requestTemplates"})
	s.SetField("uri", Loc{File: "f", Line: 3, Path: "x.uri"})
	tests := []struct {
		field string
		want  string
	}{
		{"uri", "f:3: x.uri"},
		{"timeoutInMillis", "f:1: x.timeoutInMillis"},
		{"requestTemplates.application/json", "f:5: x.requestTemplates.application/json"},
		{"requestParameters.integration.request.header.A", "f:1: x.requestParameters.integration.request.header.A"},
	}
	for _, tt := range tests {
		if got := s.Field(tt.field).String(); got != tt.want {
			t.Errorf("Field(%q) = %q, want %q", tt.field, got, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	es := Errors{
		{Loc: Loc{File: "b.yaml", Line: 1, Path: "p"}, Message: "third"},
		{Loc: Loc{File: "a.yaml", Line: 9, Path: "p"}, Message: "second"},
		{Loc: Loc{File: "a.yaml", Line: 2, Path: "p"}, Message: "first"},
		{Message: "no location"},
	}
	es.Sort()
	want := "no location\na.yaml:2: p: first\na.yaml:9: p: second\nb.yaml:1: p: third"
	if got := es.Error(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	var target Errors
	if !errors.As(es.Err(), &target) || len(target) != 4 {
		t.Fatal("Err does not return the list")
	}
	if (Errors{}).Err() != nil {
		t.Fatal("an empty list is not an error")
	}
}

func TestWarnings(t *testing.T) {
	ws := []Warning{
		{Loc: Loc{File: "a.yaml", Line: 8, Path: "q"}, Message: "later"},
		{Loc: Loc{File: "a.yaml", Line: 4, Path: "p"}, Message: "earlier"},
	}
	SortWarnings(ws)
	if got := ws[0].String(); got != "a.yaml:4: p: earlier" {
		t.Fatalf("got %q", got)
	}
	if got := (Warning{Message: "bare"}).String(); got != "bare" {
		t.Fatalf("got %q", got)
	}
}
