// Command conformance runs the API Gateway conformance vectors
// (../shared/conformance, format apigw-conformance/1) against an in-process
// Archway and reports, per vector, PASS, FAIL with a short diff, or SKIP with
// the feature not built yet; then the outcomes by requires tag and a line
// "N passed, N failed, N skipped". It exits 1 when a vector fails that the
// known-failures file does not list.
//
// Usage:
//
//	go run ./cmd/conformance [-v] [-only ID,...] [-known FILE] DIR...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"archway/internal/conformance"
	"archway/internal/conformance/runner"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("conformance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print failure details in full")
	only := fs.String("only", "", "comma-separated vector ids to run")
	known := fs.String("known", "conformance/known-failures.txt", "known-failures file (one id per line, # comments)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: conformance [-v] [-only ID,...] [-known FILE] DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	var vectors []*conformance.Vector
	for _, dir := range fs.Args() {
		vs, err := conformance.Load(dir)
		if err != nil {
			fmt.Fprintln(stderr, "conformance:", err)
			return 2
		}
		vectors = append(vectors, vs...)
	}
	kf, err := conformance.LoadKnownFailures(*known)
	if err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	opts := runner.Options{Known: kf}
	if *only != "" {
		opts.Only = strings.Split(*only, ",")
		ids := map[string]bool{}
		for _, v := range vectors {
			ids[v.ID] = true
		}
		for _, id := range opts.Only {
			if !ids[id] {
				fmt.Fprintf(stderr, "conformance: -only %s: no such vector\n", id)
				return 2
			}
		}
	}
	s := runner.Run(vectors, opts)
	for _, line := range s.Lines(*verbose) {
		fmt.Fprintln(stdout, line)
	}
	for _, id := range kf.Stale(vectors) {
		fmt.Fprintf(stderr, "conformance: %s: listed in %s but no such vector\n", id, *known)
	}
	if u := s.Unexpected(); len(u) > 0 {
		fmt.Fprintf(stderr, "conformance: %d unexpected failure(s)\n", len(u))
		return 1
	}
	return 0
}
