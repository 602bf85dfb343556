package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const vectorsDir = "../../../shared/conformance/vectors"

func TestRun(t *testing.T) {
	known := filepath.Join(t.TempDir(), "known.txt")
	if err := os.WriteFile(known, []byte("# none\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"one passing vector", []string{"-known", known, "-only", "routing-order-part1", vectorsDir}, 0,
			"PASS routing-order-part1\n"},
		{"skipped vector", []string{"-known", known, "-only", "gateway-responses-defaults", vectorsDir}, 0,
			"SKIP gateway-responses-defaults: kind control_plane not built\n"},
		{"closing line", []string{"-known", known, "-only", "routing-order-part1,gateway-responses-defaults", vectorsDir}, 0,
			"1 passed, 0 failed, 1 skipped\n"},
		{"no directory", []string{"-known", known}, 2, ""},
		{"unknown vector", []string{"-known", known, "-only", "no-such-vector", vectorsDir}, 2, ""},
		{"missing known file", []string{"-known", filepath.Join(t.TempDir(), "absent"), vectorsDir}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, &out, &errOut)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, errOut.String())
			}
			if !strings.Contains(out.String(), tc.out) {
				t.Errorf("output lacks %q:\n%s", tc.out, out.String())
			}
		})
	}
}
