package httptoken_test

import (
	"testing"

	"archway/internal/httptoken"
)

func TestValid(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"Content-Type", true},
		{"x-amzn-RequestId", true},
		{"GET", true},
		{"!#$%&'*+-.^_`|~09azAZ", true},
		{"", false},
		{"Bad Header", false},
		{"name:", false},
		{"tab\t", false},
		{"é", false},
		{"(comment)", false},
		{`quote"`, false},
	}
	for _, c := range cases {
		if got := httptoken.Valid(c.s); got != c.want {
			t.Errorf("Valid(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
