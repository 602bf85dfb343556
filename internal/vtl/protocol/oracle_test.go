package protocol_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"archway/internal/vtl/apigw"
	"archway/internal/vtl/protocol"
)

var update = flag.Bool("update", false, "regenerate testdata/*.expected.jsonl with the oracle (needs Java and the oracle's Debian packages)")

// oracleDiffers lists the samples whose oracle answer Archway does not
// reproduce on purpose, with the reason.
var oracleDiffers = map[string]string{
	"ref-class-name": "prints Java class names ($x.class.simpleName); Archway values have no Java classes",
}

// oracleScript finds shared/oracle/run.sh beside the repository.
func oracleScript(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "shared", "oracle", "run.sh")
}

// runOracle pipes request lines through the real Velocity oracle.
func runOracle(t *testing.T, input []byte) []byte {
	t.Helper()
	cmd := exec.Command(oracleScript(t))
	cmd.Stdin = bytes.NewReader(input)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	return out
}

func readLines(t *testing.T, path string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			lines = append(lines, append([]byte(nil), sc.Bytes()...))
		}
	}
	return lines
}

type answer struct {
	ID      any            `json:"id"`
	Output  *string        `json:"output"`
	Error   *string        `json:"error"`
	Context map[string]any `json:"context"`
}

// TestOracleSamples replays the oracle's golden samples through Archway.
func TestOracleSamples(t *testing.T) {
	reqPath := "testdata/oracle_samples.jsonl"
	expPath := "testdata/oracle_samples.expected.jsonl"
	if *update {
		out := runOracle(t, bytes.Join(readLines(t, reqPath), []byte("\n")))
		if err := os.WriteFile(expPath, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reqs := readLines(t, reqPath)
	exps := readLines(t, expPath)
	if len(reqs) != len(exps) {
		t.Fatalf("%d samples but %d expected answers", len(reqs), len(exps))
	}
	engine := apigw.NewEngine()
	agree := 0
	for i, line := range reqs {
		var want, got answer
		if err := json.Unmarshal(exps[i], &want); err != nil {
			t.Fatalf("expected line %d: %v", i+1, err)
		}
		gotLine := protocol.Answer(engine, line)
		if err := json.Unmarshal(gotLine, &got); err != nil {
			t.Fatalf("sample %v: answer is not JSON: %v\n%s", want.ID, err, gotLine)
		}
		id, _ := want.ID.(string)
		if reason, ok := oracleDiffers[id]; ok {
			t.Logf("sample %s: not compared: %s", id, reason)
			continue
		}
		if msg := compareAnswers(&want, &got); msg != "" {
			t.Errorf("sample %s: %s", id, msg)
			continue
		}
		agree++
	}
	t.Logf("%d of %d oracle samples agree (%d documented differences)", agree, len(reqs), len(oracleDiffers))
}

// compareAnswers compares an oracle answer with Archway's: errors only by
// their presence, outputs byte for byte, contexts structurally.
func compareAnswers(want, got *answer) string {
	switch {
	case want.Error != nil && got.Error == nil:
		return "oracle fails (" + firstLine(*want.Error) + ") but Archway rendered " + quote(got.Output)
	case want.Error == nil && got.Error != nil:
		return "Archway fails: " + *got.Error + "\n  oracle output: " + quote(want.Output)
	case want.Error != nil:
		return ""
	case *want.Output != *got.Output:
		return "output differs\n  oracle:  " + quote(want.Output) + "\n  archway: " + quote(got.Output)
	case want.Context != nil && !reflect.DeepEqual(want.Context, got.Context):
		w, _ := json.Marshal(want.Context)
		g, _ := json.Marshal(got.Context)
		return "context differs\n  oracle:  " + string(w) + "\n  archway: " + string(g)
	}
	return ""
}

func quote(s *string) string {
	if s == nil {
		return "<none>"
	}
	b, _ := json.Marshal(*s)
	return string(b)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
