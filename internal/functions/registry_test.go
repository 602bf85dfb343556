package functions

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const sample = `region: eu-west-1
account: "111122223333"
functions:
  orders:
    command: [./bootstrap, --flag]
    dir: build
    env:
      TABLE: orders
      MODE: test
    handler: bootstrap
    runtime: provided.al2023
    memory: 256
    timeout: 10s
    concurrency: 4
    queue: 8
    idleTimeout: 10m
  arn:aws:lambda:us-east-2:444455556666:function:payments:
    endpoint: http://127.0.0.1:9001
  node:
    command: node
    timeout: 30
  web:
    runtime: nodejs20.x
    handler: index.handler
`

func TestParse(t *testing.T) {
	r, err := Parse("conf/functions.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	orders, err := r.Lookup("orders")
	if err != nil {
		t.Fatal(err)
	}
	want := &Function{
		Name: "orders", ARN: "arn:aws:lambda:eu-west-1:111122223333:function:orders", Region: "eu-west-1",
		Local: &Local{Command: []string{"./bootstrap", "--flag"}, Dir: absPath(t, filepath.Join("conf", "build")),
			Env: []string{"TABLE=orders", "MODE=test"}, Handler: "bootstrap", Runtime: "provided.al2023",
			MemoryMB: 256, Timeout: 10 * time.Second, Concurrency: 4, Queue: 8, IdleTimeout: 10 * time.Minute},
		Pos: Pos{File: "conf/functions.yaml", Line: 4},
	}
	if !reflect.DeepEqual(orders, want) {
		t.Errorf("got %+v %+v\nwant %+v %+v", orders, orders.Local, want, want.Local)
	}
	payments, err := r.Lookup("payments")
	if err != nil {
		t.Fatal(err)
	}
	if payments.ARN != "arn:aws:lambda:us-east-2:444455556666:function:payments" || payments.Region != "us-east-2" ||
		payments.Remote == nil || payments.Remote.Endpoint != "http://127.0.0.1:9001" {
		t.Errorf("payments: %+v", payments)
	}
	node, _ := r.Lookup("node")
	if node.Local.Timeout != 30*time.Second || node.Local.Command[0] != "node" {
		t.Errorf("node: %+v", node.Local)
	}
	if web, _ := r.Lookup("web"); web.Local == nil || web.Local.Handler != "index.handler" || len(web.Local.Command) != 0 {
		t.Errorf("web: %+v", web)
	}
	if n := len(r.Functions()); n != 4 {
		t.Errorf("%d functions", n)
	}
}

func TestLookup(t *testing.T) {
	r, err := Parse("f.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ref  string
		want string
	}{
		{"orders", "orders"},
		{"orders:$LATEST", "orders"},
		{"111122223333:function:orders", "orders"},
		{"arn:aws:lambda:eu-west-1:111122223333:function:orders", "orders"},
		{"arn:aws:lambda:eu-west-1:111122223333:function:orders:prod", "orders"},
		{"arn:aws:lambda:us-east-1:111122223333:function:orders", ""},
		{"999999999999:function:orders", ""},
		{"missing", ""},
	}
	for _, tt := range tests {
		f, err := r.Lookup(tt.ref)
		switch {
		case tt.want == "" && !errors.Is(err, ErrNotFound):
			t.Errorf("%s: want ErrNotFound, got %v", tt.ref, err)
		case tt.want != "" && (err != nil || f.Name != tt.want):
			t.Errorf("%s: got %v, %v", tt.ref, f, err)
		}
	}
}

func TestResolve(t *testing.T) {
	r, err := Parse("f.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		uri     string
		want    string
		wantErr string
	}{
		{"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:orders/invocations", "orders", ""},
		{"arn:aws:apigateway:us-east-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-2:444455556666:function:payments/invocations", "payments", ""},
		{"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:${stageVariables.fn}/invocations", "", "stage variables"},
		{"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:nope/invocations", "", "not registered"},
		{"arn:aws:apigateway:eu-west-1:s3:path/bucket", "", "does not target Lambda"},
		{"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/x", "", "want lambda:path"},
		{"https://example.com", "", "not an ARN"},
		{"arn:aws:iam::1:role/x", "", "not an API Gateway ARN"},
	}
	for _, tt := range tests {
		f, err := r.Resolve(tt.uri)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: want error containing %q, got %v", tt.uri, tt.wantErr, err)
			}
			continue
		}
		if err != nil || f.Name != tt.want {
			t.Errorf("%s: got %v, %v", tt.uri, f, err)
		}
	}
	if !HasStageVariables(tests[2].uri) || HasStageVariables(tests[0].uri) {
		t.Error("HasStageVariables")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top", "fns: {}", "f.yaml:1: fns: unknown field"},
		{"functions not map", "functions: [a]", "f.yaml:1: functions: expected a mapping"},
		{"unknown field", "functions:\n  a:\n    comand: x", "f.yaml:3: functions.a.comand: unknown field"},
		{"no command", "functions:\n  a:\n    dir: x", "f.yaml:2: functions.a: missing command"},
		{"both", "functions:\n  a:\n    command: x\n    endpoint: http://h", "f.yaml:2: functions.a: a function has either"},
		{"negative queue", "functions:\n  a:\n    command: x\n    queue: -1", "f.yaml:4: functions.a.queue: expected an integer from 0"},
		{"bad memory", "functions:\n  a:\n    command: x\n    memory: lots", "f.yaml:4: functions.a.memory: expected an integer from 128 to 10240"},
		{"bad timeout", "functions:\n  a:\n    command: x\n    timeout: 901", "f.yaml:4: functions.a.timeout: expected a duration"},
		{"bad endpoint", "functions:\n  a:\n    endpoint: ftp://h", "f.yaml:3: functions.a.endpoint: expected an http"},
		{"bad name", "functions:\n  a.b:\n    command: x", "f.yaml:2: functions.a.b: invalid function name"},
		{"bad arn", "functions:\n  arn:aws:s3:::b:\n    command: x", "f.yaml:2: functions.arn:aws:s3:::b: expected a function ARN"},
		{"duplicate", "functions:\n  a:\n    command: x\n  arn:aws:lambda:us-east-1:1:function:a:\n    command: y", "f.yaml:4: function a already defined at f.yaml:2"},
		{"bad idle", "functions:\n  a:\n    command: x\n    idleTimeout: soon", "f.yaml:4: functions.a.idleTimeout: expected a positive duration"},
		{"env list", "functions:\n  a:\n    command: x\n    env: [A]", "f.yaml:4: functions.a.env: expected a mapping"},
		{"command empty list", "functions:\n  a:\n    command: []", "f.yaml:3: functions.a.command: expected a program path"},
		{"yaml syntax", "functions: [", "f.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "functions.yaml")
	if err := os.WriteFile(file, []byte("functions:\n  a:\n    command: x\n    dir: sub\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := r.Lookup("a")
	if f.Local.Dir != filepath.Join(dir, "sub") {
		t.Errorf("dir %s", f.Local.Dir)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file accepted")
	}
	empty, err := Parse("e.yaml", nil)
	if err != nil || len(empty.Functions()) != 0 {
		t.Errorf("empty file: %v", err)
	}
}

func TestNew(t *testing.T) {
	if _, err := New(&Function{Name: "a"}); err == nil {
		t.Error("function without target accepted")
	}
	if _, err := New(&Function{}); err == nil {
		t.Error("empty name accepted")
	}
	r, err := New(&Function{Name: "a", ARN: "arn:aws:lambda:us-east-1:1:function:a", Remote: &Remote{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Lookup("a"); err != nil {
		t.Error(err)
	}
}

// absPath is what the registry stores for a directory: absolute, as
// LAMBDA_TASK_ROOT is on AWS.
func absPath(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
