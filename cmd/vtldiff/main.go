// Command vtldiff compares Archway's template engine with the real
// Apache Velocity 1.7 oracle (shared/oracle) on generated templates and
// reports how many cases agree.
//
//	go run ./cmd/vtldiff -n 5000 -seed 1 -oracle ../shared/oracle/run.sh -diffs diffs.jsonl
//
// A case agrees when both produce the same output byte for byte, or both
// fail. Disagreements are written as JSON lines (request, oracle answer,
// Archway answer) for triage.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"archway/internal/vtl/apigw"
	"archway/internal/vtl/protocol"
	"archway/internal/vtl/vtlgen"
)

func main() {
	n := flag.Int("n", 2000, "number of generated cases")
	seed := flag.Uint64("seed", 1, "random seed")
	oracle := flag.String("oracle", "../shared/oracle/run.sh", "path of the oracle's run.sh")
	diffs := flag.String("diffs", "", "write disagreements to this JSON-lines file")
	minRate := flag.Float64("min-agreement", 0, "exit 1 when the agreement rate (0-1) is below this")
	flag.Parse()
	if err := run(*n, *seed, *oracle, *diffs, *minRate); err != nil {
		fmt.Fprintln(os.Stderr, "vtldiff:", err)
		os.Exit(1)
	}
}

type answer struct {
	Output *string `json:"output"`
	Error  *string `json:"error"`
}

func run(n int, seed uint64, oracle, diffsPath string, minRate float64) error {
	gen := vtlgen.New(seed)
	reqs := make([][]byte, n)
	for i := range reqs {
		reqs[i] = gen.Next(i).JSON()
	}
	cmd := exec.Command(oracle)
	cmd.Stdin = bytes.NewReader(append(bytes.Join(reqs, []byte("\n")), '\n'))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("oracle %s: %w", oracle, err)
	}
	var oracleLines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		oracleLines = append(oracleLines, append([]byte(nil), sc.Bytes()...))
	}
	if len(oracleLines) != n {
		return fmt.Errorf("oracle answered %d lines for %d requests", len(oracleLines), n)
	}
	var diffs *os.File
	if diffsPath != "" {
		if diffs, err = os.Create(diffsPath); err != nil {
			return err
		}
		defer diffs.Close()
	}
	engine := apigw.NewEngine()
	agree, bothErr := 0, 0
	for i, req := range reqs {
		got := protocol.Answer(engine, req)
		var o, a answer
		if err := json.Unmarshal(oracleLines[i], &o); err != nil {
			return fmt.Errorf("oracle line %d: %w", i+1, err)
		}
		if err := json.Unmarshal(got, &a); err != nil {
			return fmt.Errorf("archway answer %d is not JSON: %w", i+1, err)
		}
		same := (o.Error != nil && a.Error != nil) ||
			(o.Output != nil && a.Output != nil && *o.Output == *a.Output)
		if same {
			agree++
			if o.Error != nil {
				bothErr++
			}
			continue
		}
		if diffs != nil {
			fmt.Fprintf(diffs, "{\"request\":%s,\"oracle\":%s,\"archway\":%s}\n", req, oracleLines[i], got)
		}
	}
	rate := float64(agree) / float64(n)
	fmt.Printf("vtldiff: seed %d: %d cases compared, %d agree (%.2f%%; %d where both fail), %d differ\n",
		seed, n, agree, 100*rate, bothErr, n-agree)
	if rate < minRate {
		return fmt.Errorf("agreement %.4f is below the required %.4f", rate, minRate)
	}
	return nil
}
