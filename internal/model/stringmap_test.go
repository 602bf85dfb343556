package model

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestStringMap(t *testing.T) {
	var m StringMap
	m.Set("text/plain", "a")
	m.Set("application/json", "b")
	m.Set("application/xml", "c")
	m.Set("text/plain", "d") // replaced in place
	m.Delete("application/json")
	m.Delete("missing")
	if got, want := m.Keys(), []string{"text/plain", "application/xml"}; !slices.Equal(got, want) {
		t.Fatalf("keys %v, want %v", got, want)
	}
	if v, ok := m.Get("text/plain"); !ok || v != "d" {
		t.Fatalf("Get = %q, %v", v, ok)
	}
	if m.Has("application/json") || !m.Has("application/xml") {
		t.Fatal("Has")
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `{"text/plain":"d","application/xml":"c"}`; got != want {
		t.Fatalf("JSON %s, want %s", got, want)
	}
	data, _ = json.Marshal(StringMap{})
	if string(data) != "{}" {
		t.Fatalf("empty map JSON %s", data)
	}
	data, _ = json.Marshal(StringMap(nil))
	if string(data) != "null" {
		t.Fatalf("absent map JSON %s", data)
	}
}
