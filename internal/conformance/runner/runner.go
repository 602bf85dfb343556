package runner

import (
	"fmt"
	"sort"
	"strings"

	"archway/internal/conformance"
)

// Outcome is what running a vector gave.
type Outcome int

// The outcomes.
const (
	Pass Outcome = iota
	Fail
	Skip
)

// String names the outcome as the report prints it.
func (o Outcome) String() string {
	return [...]string{"PASS", "FAIL", "SKIP"}[o]
}

// Result is the outcome of one vector.
type Result struct {
	ID       string
	Requires []string
	Outcome  Outcome
	// Detail is the skip reason or the mismatches of a failure.
	Detail string
	// Known is set for a failure listed in the known-failures file.
	Known bool
}

// Options select and qualify the vectors to run.
type Options struct {
	// Only, when not empty, restricts the run to these vector ids.
	Only []string
	// Known lists the vectors expected to fail; nil means none.
	Known *conformance.KnownFailures
}

// Summary is the outcome of a run.
type Summary struct {
	Results []Result
}

// Run executes vectors, in order.
func Run(vectors []*conformance.Vector, opts Options) *Summary {
	defer removeLambdaProgram()
	only := map[string]bool{}
	for _, id := range opts.Only {
		only[id] = true
	}
	s := &Summary{}
	for _, v := range vectors {
		if len(only) > 0 && !only[v.ID] {
			continue
		}
		r := runVector(v)
		if r.Outcome == Fail && opts.Known != nil && opts.Known.Contains(v.ID) {
			r.Known = true
		}
		s.Results = append(s.Results, r)
	}
	return s
}

// runVector executes one vector, or says why it is skipped.
func runVector(v *conformance.Vector) Result {
	r := Result{ID: v.ID, Requires: v.Requires, Outcome: Skip}
	if !v.Runnable {
		r.Detail = "documentation (not runnable)"
		return r
	}
	switch v.Kind {
	case conformance.KindHTTP, conformance.KindRender:
	default:
		r.Detail = "kind " + v.Kind + " not built"
		return r
	}
	if missing := v.Missing(func(t string) bool { return builtTags[t] }); len(missing) > 0 {
		r.Detail = "needs " + strings.Join(missing, ", ")
		return r
	}
	if v.Backend != nil && !builtFixtures[v.Backend.Fixture] {
		r.Detail = "needs fixture " + v.Backend.Fixture
		return r
	}
	var mismatches []string
	var err error
	if v.Kind == conformance.KindRender {
		mismatches, err = runRender(v.Render)
	} else {
		mismatches, err = runHTTP(v)
	}
	switch {
	case err != nil:
		r.Outcome, r.Detail = Fail, err.Error()
	case len(mismatches) > 0:
		r.Outcome, r.Detail = Fail, strings.Join(mismatches, "; ")
	default:
		r.Outcome = Pass
	}
	return r
}

// Counts returns the number of passed, failed and skipped vectors.
func (s *Summary) Counts() (passed, failed, skipped int) {
	for _, r := range s.Results {
		switch r.Outcome {
		case Pass:
			passed++
		case Fail:
			failed++
		default:
			skipped++
		}
	}
	return
}

// Unexpected returns the failures not listed as known.
func (s *Summary) Unexpected() []Result {
	var out []Result
	for _, r := range s.Results {
		if r.Outcome == Fail && !r.Known {
			out = append(out, r)
		}
	}
	return out
}

// tagCounts are the outcomes of the vectors listing one tag.
type tagCounts struct{ pass, fail, skip int }

// byTag counts outcomes per requires tag, tags sorted.
func (s *Summary) byTag() ([]string, map[string]*tagCounts) {
	counts := map[string]*tagCounts{}
	for _, r := range s.Results {
		for _, t := range r.Requires {
			c := counts[t]
			if c == nil {
				c = &tagCounts{}
				counts[t] = c
			}
			switch r.Outcome {
			case Pass:
				c.pass++
			case Fail:
				c.fail++
			default:
				c.skip++
			}
		}
	}
	tags := make([]string, 0, len(counts))
	for t := range counts {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	return tags, counts
}

// Lines returns the report: one line per vector, a table of outcomes by
// requires tag and the closing count line. Failure details are shortened
// unless verbose.
func (s *Summary) Lines(verbose bool) []string {
	var out []string
	for _, r := range s.Results {
		detail := r.Detail
		if !verbose {
			detail = shorten(detail)
		}
		switch {
		case r.Outcome == Pass:
			out = append(out, "PASS "+r.ID)
		case r.Outcome == Fail && r.Known:
			out = append(out, "FAIL "+r.ID+" (known): "+detail)
		case r.Outcome == Fail:
			out = append(out, "FAIL "+r.ID+": "+detail)
		default:
			out = append(out, "SKIP "+r.ID+": "+detail)
		}
	}
	tags, counts := s.byTag()
	out = append(out, "", fmt.Sprintf("%-22s %6s %6s %6s", "tag", "pass", "fail", "skip"))
	for _, t := range tags {
		c := counts[t]
		out = append(out, fmt.Sprintf("%-22s %6d %6d %6d", t, c.pass, c.fail, c.skip))
	}
	p, f, sk := s.Counts()
	out = append(out, "", fmt.Sprintf("%d passed, %d failed, %d skipped", p, f, sk))
	return out
}

// shorten keeps a failure detail to one readable line.
func shorten(s string) string {
	const max = 400
	s = strings.ReplaceAll(s, "\n", `\n`)
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}
