package model

import (
	"slices"
	"testing"
)

func TestFunctionSetCommand(t *testing.T) {
	tests := []struct {
		runtime string
		want    []string
		ok      bool
	}{
		{"provided.al2023", []string{"fn/bootstrap"}, true},
		{"go1.x", []string{"fn/main"}, true},
		{"nodejs20.x", nil, true},
		{"python3.12", nil, false},
	}
	for _, tt := range tests {
		f := &Function{Name: "f", Dir: "fn", Handler: "main", Runtime: tt.runtime}
		err := f.SetCommand()
		if (err == nil) != tt.ok || !slices.Equal(f.Command, tt.want) {
			t.Errorf("%s: command %v, err %v", tt.runtime, f.Command, err)
		}
	}
}
