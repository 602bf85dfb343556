package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func runArchway(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestRenderExample(t *testing.T) {
	got, err := runArchway(t, "", "render",
		"--template", "../../examples/render/order-to-dynamodb.vm",
		"--body", "../../examples/render/order.json",
		"--param", "path.orderId=o-42",
		"--context", "../../examples/render/context.json",
		"--stage-var", "table=Orders")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "order-to-dynamodb.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(got), &doc); err != nil {
		t.Errorf("the example must render valid JSON: %v", err)
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.vm")
	if err := os.WriteFile(bad, []byte("line one\n#if($x == 1)yes"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"render"}, "--template is required"},
		{[]string{"render", "--template", bad}, "bad.vm at line 2, column 16"},
		{[]string{"render", "--template", bad, "--param", "nope"}, "expected path.NAME=V"},
		{[]string{"render", "--template", filepath.Join(dir, "missing.vm")}, "no such file"},
	}
	for _, c := range cases {
		_, err := runArchway(t, "", c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: want an error containing %q, got %v", c.args, c.want, err)
		}
	}
}

func TestRenderParams(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "p.vm")
	src := "$input.params('id')|$input.params('q')|$input.params('Accept')|$stageVariables.env|$input.body"
	if err := os.WriteFile(tpl, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := runArchway(t, "", "render", "--template", tpl, "--param", "path.id=42",
		"--param", "querystring.q=a b", "--param", "header.Accept=*/*", "--stage-var", "env=dev")
	if err != nil {
		t.Fatal(err)
	}
	if want := "42|a b|*/*|dev|{}"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderJSONL(t *testing.T) {
	in := `{"id":"a","template":"Hello $input.path('$.name') from $context.stage","body":"{\"name\":\"Ada\"}","context":{"stage":"dev"}}
{"id":2,"template":"#set($context.responseOverride.status = 201)ok","options":{"returnContext":true}}
{"id":"bad","template":"#if("}
not json
`
	out, err := runArchway(t, in, "render", "--jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 answers, got %d:\n%s", len(lines), out)
	}
	var a []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("answer %q is not JSON: %v", l, err)
		}
		a = append(a, m)
	}
	if a[0]["id"] != "a" || a[0]["output"] != "Hello Ada from dev" {
		t.Errorf("answer 1: %v", a[0])
	}
	ctx, _ := a[1]["context"].(map[string]any)
	ro, _ := ctx["responseOverride"].(map[string]any)
	if a[1]["output"] != "ok" || ro["status"] != float64(201) {
		t.Errorf("answer 2: %v", a[1])
	}
	if e, _ := a[2]["error"].(string); !strings.HasPrefix(e, "org.apache.velocity.exception.ParseErrorException") {
		t.Errorf("answer 3: %v", a[2])
	}
	if a[3]["id"] != nil || a[3]["error"] == nil {
		t.Errorf("answer 4: %v", a[3])
	}
}
