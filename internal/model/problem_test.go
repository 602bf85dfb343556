package model

import "testing"

func TestErrorsUnique(t *testing.T) {
	a := &Error{Loc: Loc{File: "t.yaml", Line: 3, Path: "Resources.A"}, Message: "bad"}
	b := &Error{Loc: Loc{File: "t.yaml", Line: 4, Path: "Resources.B"}, Message: "bad"}
	got := Errors{a, b, &Error{Loc: a.Loc, Message: "bad"}, b}.Unique()
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Fatalf("Unique kept %v", got)
	}
}
