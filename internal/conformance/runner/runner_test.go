package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"archway/internal/conformance"
)

// vectorsDir is the shared conformance suite beside the repository.
const vectorsDir = "../../../../shared/conformance/vectors"

// knownFile is the repository's known-failures file.
const knownFile = "../../../conformance/known-failures.txt"

// TestConformanceVectors runs every vector against the in-process gateway
// and fails on any failure the known-failures file does not list, so that a
// vector that passed can never silently regress.
func TestConformanceVectors(t *testing.T) {
	if _, err := os.Stat(vectorsDir); err != nil {
		t.Fatalf("conformance vectors must sit beside the repository: %v", err)
	}
	vectors, err := conformance.Load(vectorsDir)
	if err != nil {
		t.Fatal(err)
	}
	known, err := conformance.LoadKnownFailures(knownFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range known.Stale(vectors) {
		t.Errorf("%s: listed in %s but no such vector", id, filepath.Base(knownFile))
	}
	s := Run(vectors, Options{Known: known})
	for _, r := range s.Unexpected() {
		t.Errorf("FAIL %s: %s", r.ID, r.Detail)
	}
	for _, r := range s.Results {
		if r.Outcome == Pass && known.Contains(r.ID) {
			t.Logf("%s passes: remove it from %s", r.ID, filepath.Base(knownFile))
		}
	}
	p, f, sk := s.Counts()
	t.Logf("%d passed, %d failed, %d skipped", p, f, sk)
	if p == 0 {
		t.Error("no vector passed")
	}
}

func TestSkipReasons(t *testing.T) {
	tests := []struct {
		name string
		v    conformance.Vector
		want string
	}{
		{"not runnable", conformance.Vector{ID: "a", Kind: conformance.KindDocumentation}, "documentation (not runnable)"},
		{"kind", conformance.Vector{ID: "b", Runnable: true, Kind: conformance.KindControlPlane}, "kind control_plane not built"},
		{"tags", conformance.Vector{ID: "c", Runnable: true, Kind: conformance.KindHTTP, Requires: []string{"mock", "s3", "sqs"}}, "needs s3, sqs"},
		{"fixture", conformance.Vector{ID: "d", Runnable: true, Kind: conformance.KindHTTP, Requires: []string{"mock"},
			Backend: &conformance.Backend{Fixture: "aws:s3"}}, "needs fixture aws:s3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runVector(&tc.v)
			if r.Outcome != Skip || r.Detail != tc.want {
				t.Errorf("got %v %q, want SKIP %q", r.Outcome, r.Detail, tc.want)
			}
		})
	}
}

func TestReport(t *testing.T) {
	s := &Summary{Results: []Result{
		{ID: "p", Requires: []string{"mock"}, Outcome: Pass},
		{ID: "f", Requires: []string{"mock", "vtl"}, Outcome: Fail, Detail: "status: got 500, want 200"},
		{ID: "k", Requires: []string{"vtl"}, Outcome: Fail, Detail: "x", Known: true},
		{ID: "s", Requires: []string{"s3"}, Outcome: Skip, Detail: "needs s3"},
	}}
	got := strings.Join(s.Lines(false), "\n")
	for _, want := range []string{
		"PASS p\n",
		"FAIL f: status: got 500, want 200\n",
		"FAIL k (known): x\n",
		"SKIP s: needs s3\n",
		"mock                        1      1      0\n",
		"vtl                         0      2      0\n",
		"1 passed, 2 failed, 1 skipped",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if u := s.Unexpected(); len(u) != 1 || u[0].ID != "f" {
		t.Errorf("Unexpected() = %v, want only f", u)
	}
}
