package model

import (
	"regexp"
	"testing"
)

func TestStableID(t *testing.T) {
	a, b := StableID(10, "resource", "/pets"), StableID(10, "resource", "/pets")
	if a != b {
		t.Fatalf("not stable: %s %s", a, b)
	}
	if !regexp.MustCompile(`^[0-9a-z]{10}$`).MatchString(a) {
		t.Fatalf("not AWS-like: %s", a)
	}
	if StableID(10, "resource", "/pet", "s") == a {
		t.Fatal("parts are not separated")
	}
	if got := StableID(6, "x"); len(got) != 6 {
		t.Fatalf("length %d", len(got))
	}
}

func TestBuiltinModels(t *testing.T) {
	for _, name := range []string{EmptyModelName, ErrorModelName} {
		m, ok := BuiltinModel(name)
		if !ok || m.Name != name || m.Schema == "" || m.ContentType != "application/json" {
			t.Errorf("%s: %+v", name, m)
		}
	}
	if _, ok := BuiltinModel("Pet"); ok {
		t.Error("Pet is not built in")
	}
}
