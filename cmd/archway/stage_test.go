package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeDefinedStageVariables: the stage a definition declares under
// the served name gives its variables; --stage-var overrides them.
func TestServeDefinedStageVariables(t *testing.T) {
	for _, c := range []struct {
		args []string
		shop string
	}{
		{nil, "EXAMPLE"},
		{[]string{"--stage-var", "shop=Flags"}, "Flags"},
	} {
		args := append([]string{"--listen", "127.0.0.1:0"}, c.args...)
		s := startServe(t, append(args, "../../examples/terraform")...)
		resp, err := http.Get(s.baseURLs()[0] + "/orders/42")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), "<shop>"+c.shop+"</shop>") {
			t.Errorf("%v: %d %s, want shop %s", c.args, resp.StatusCode, body, c.shop)
		}
	}
}
