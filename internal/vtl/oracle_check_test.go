package vtl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os/exec"
	"testing"
)

var checkOracle = flag.Bool("oracle", false, "check TestRender's expectations against the real Velocity oracle (shared/oracle/run.sh)")

// TestRenderExpectationsAgainstOracle verifies, when run with -oracle,
// that every expectation of TestRender is what Apache Velocity 1.7
// renders.
func TestRenderExpectationsAgainstOracle(t *testing.T) {
	if !*checkOracle {
		t.Skip("run with -oracle to check the expectations against real Velocity")
	}
	cases := renderCases()
	var in bytes.Buffer
	vars := json.RawMessage(`{"v":"V","s":"x y","n":5,"l":[1,"two",3.0],"m":{"k":"v","n":1}}`)
	for i, c := range cases {
		line, _ := json.Marshal(map[string]any{"id": i, "template": c.src, "vars": vars})
		in.Write(line)
		in.WriteByte('\n')
	}
	cmd := exec.Command("../../../shared/oracle/run.sh")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for i := 0; sc.Scan(); i++ {
		var a struct {
			Output *string
			Error  *string
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		switch {
		case a.Output == nil:
			t.Errorf("%s: oracle fails: %s", cases[i].name, *a.Error)
		case *a.Output != cases[i].want:
			t.Errorf("%s: oracle renders %q, test expects %q", cases[i].name, *a.Output, cases[i].want)
		}
	}
}
