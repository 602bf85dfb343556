package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// handlerBin is the aws-lambda-go test handler, built once by TestMain.
var handlerBin string

func TestMain(m *testing.M) {
	if mode := os.Getenv(fakeBootstrapEnv); mode != "" {
		fakeBootstrap(mode)
		return
	}
	dir, err := os.MkdirTemp("", "archway-runtime-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	handlerBin = filepath.Join(dir, "testhandler")
	build := exec.Command("go", "build", "-o", handlerBin, "./internal/testhandler")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the test handler:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newPool(t *testing.T, mutate func(*Config)) (*Pool, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		Name:    "test-fn",
		Command: []string{handlerBin},
		Dir:     t.TempDir(),
		Handler: "bootstrap",
		Runtime: "provided.al2023",
		Env:     []string{"TEST_VAR=x"},
		Logger:  slog.New(slog.NewJSONHandler(logs, nil)),
	}
	if mutate != nil {
		mutate(&cfg)
	}
	p, err := NewPool(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, logs
}

type reply struct {
	PID       int               `json:"pid"`
	RequestID string            `json:"requestId"`
	ARN       string            `json:"arn"`
	Deadline  int64             `json:"deadlineMs"`
	Env       map[string]string `json:"env"`
	Event     json.RawMessage   `json:"event"`
}

func invoke(t *testing.T, p *Pool, event string) (*Result, *reply) {
	t.Helper()
	res, err := p.Invoke(context.Background(), []byte(event), InvokeOptions{TraceID: "Root=1-5e1b4151-5ac6c58f5b5dbd6a3e4f0a1b"})
	if err != nil {
		t.Fatal(err)
	}
	if res.FunctionError != "" {
		return res, nil
	}
	var r reply
	if err := json.Unmarshal(res.Payload, &r); err != nil {
		t.Fatalf("payload %s: %v", res.Payload, err)
	}
	return res, &r
}

func errorType(t *testing.T, res *Result) string {
	t.Helper()
	if res.FunctionError != "Unhandled" {
		t.Fatalf("want a function error, got %s", res.Payload)
	}
	var e struct {
		ErrorType    string `json:"errorType"`
		ErrorMessage string `json:"errorMessage"`
	}
	if err := json.Unmarshal(res.Payload, &e); err != nil {
		t.Fatalf("error payload %s: %v", res.Payload, err)
	}
	return e.ErrorType + ": " + e.ErrorMessage
}

func TestColdStartThenWarmReuse(t *testing.T) {
	p, _ := newPool(t, nil)
	res1, r1 := invoke(t, p, `{"n":1}`)
	res2, r2 := invoke(t, p, `{"n":2}`)
	if r1 == nil || r2 == nil {
		t.Fatalf("function errors: %s / %s", res1.Payload, res2.Payload)
	}
	if r1.PID != r2.PID {
		t.Errorf("warm invocation ran in a new process: %d then %d", r1.PID, r2.PID)
	}
	if r1.RequestID != res1.RequestID || r1.RequestID == r2.RequestID {
		t.Errorf("request ids: handler saw %s and %s, result %s", r1.RequestID, r2.RequestID, res1.RequestID)
	}
	if string(r2.Event) != `{"n":2}` {
		t.Errorf("event %s", r2.Event)
	}
	if r1.ARN != "arn:aws:lambda:us-east-1:123456789012:function:test-fn" {
		t.Errorf("ARN %s", r1.ARN)
	}
	if r1.Deadline <= time.Now().Add(-time.Minute).UnixMilli() {
		t.Errorf("deadline %d", r1.Deadline)
	}
	wantEnv := map[string]string{
		"AWS_LAMBDA_FUNCTION_NAME":        "test-fn",
		"AWS_LAMBDA_FUNCTION_VERSION":     "$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
		"AWS_REGION":                      "us-east-1",
		"AWS_EXECUTION_ENV":               "AWS_Lambda_provided.al2023",
		"_HANDLER":                        "bootstrap",
		"TEST_VAR":                        "x",
		"_X_AMZN_TRACE_ID":                "Root=1-5e1b4151-5ac6c58f5b5dbd6a3e4f0a1b",
	}
	for k, v := range wantEnv {
		if r1.Env[k] != v {
			t.Errorf("env %s = %q, want %q", k, r1.Env[k], v)
		}
	}
	if p.Processes() != 1 {
		t.Errorf("%d processes", p.Processes())
	}
}

func TestConcurrencyLimit(t *testing.T) {
	p, _ := newPool(t, func(c *Config) { c.Concurrency, c.Queue = 2, 4 })
	var wg sync.WaitGroup
	pids := make(chan int, 6)
	for range 6 {
		wg.Go(func() {
			res, err := p.Invoke(context.Background(), []byte(`{"sleepMs":100}`), InvokeOptions{})
			if err != nil || res.FunctionError != "" {
				t.Errorf("invoke: %v %+v", err, res)
				return
			}
			var r reply
			_ = json.Unmarshal(res.Payload, &r)
			pids <- r.PID
		})
	}
	wg.Wait()
	close(pids)
	distinct := map[int]bool{}
	for pid := range pids {
		distinct[pid] = true
	}
	if len(distinct) > 2 || p.Processes() > 2 {
		t.Errorf("%d distinct processes, %d live; limit 2", len(distinct), p.Processes())
	}
}

func TestFunctionErrors(t *testing.T) {
	p, _ := newPool(t, func(c *Config) { c.Timeout = 500 * time.Millisecond })
	tests := []struct {
		name  string
		event string
		want  string
	}{
		{"handler error", `{"fail":"boom"}`, "errorString: boom"},
		{"crash", `{"crash":true}`, "Runtime.ExitError: RequestId: "},
		{"timeout", `{"sleepMs":3000}`, "Sandbox.Timedout: RequestId: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := invoke(t, p, tt.event)
			if got := errorType(t, res); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
			// The pool recovers: the next invocation succeeds.
			if res, r := invoke(t, p, `{}`); r == nil {
				t.Errorf("after %s: %s", tt.name, res.Payload)
			}
		})
	}
}

func TestCrashMessageAndTimeoutMessage(t *testing.T) {
	p, _ := newPool(t, func(c *Config) { c.Timeout = 250 * time.Millisecond })
	res, _ := invoke(t, p, `{"crash":true}`)
	if got := errorType(t, res); !strings.HasSuffix(got, "Error: Runtime exited with error: exit status 2") {
		t.Errorf("crash: %q", got)
	}
	res, _ = invoke(t, p, `{"sleepMs":2000}`)
	if got := errorType(t, res); !strings.HasSuffix(got, "Error: Task timed out after 0.25 seconds") {
		t.Errorf("timeout: %q", got)
	}
}

func TestInitFailures(t *testing.T) {
	tests := []struct {
		mode string
		want string
	}{
		{"exit", "Runtime.ExitError: RequestId: "},
		{"report", "Runtime.InitError: bad config"},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			p, _ := newPool(t, func(c *Config) { c.Env = append(c.Env, "ARCHWAY_TEST_INIT="+tt.mode) })
			res, _ := invoke(t, p, `{}`)
			if got := errorType(t, res); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}

func TestLogsCarryRequestID(t *testing.T) {
	p, logs := newPool(t, nil)
	res, _ := invoke(t, p, `{"log":"hello from the handler"}`)
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "hello from the handler") {
			if !strings.Contains(line, `"requestId":"`+res.RequestID+`"`) || !strings.Contains(line, `"stream":"stdout"`) {
				t.Errorf("log line without request id or stream: %s", line)
			}
			return
		}
	}
	t.Errorf("handler output not logged:\n%s", logs)
}

func TestCancelledInvocationReturnsProcess(t *testing.T) {
	// The cancelled invocation keeps its process busy until it ends: the
	// next one waits in the queue for it.
	p, _ := newPool(t, func(c *Config) { c.Concurrency, c.Queue = 1, 1 })
	_, first := invoke(t, p, `{}`)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Invoke(ctx, []byte(`{"sleepMs":200}`), InvokeOptions{})
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	_, again := invoke(t, p, `{}`)
	if again == nil || again.PID != first.PID {
		t.Errorf("process not reused after a cancelled invocation")
	}
}

func TestClosedPool(t *testing.T) {
	p, _ := newPool(t, nil)
	invoke(t, p, `{}`)
	p.Close()
	if _, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("want ErrClosed, got %v", err)
	}
}

func TestNewPoolErrors(t *testing.T) {
	for _, cfg := range []Config{{}, {Name: "f"}} {
		if _, err := NewPool(cfg); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

func TestStartFailure(t *testing.T) {
	p, _ := newPool(t, func(c *Config) { c.Command = []string{filepath.Join(t.TempDir(), "missing")} })
	if _, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{}); err == nil {
		t.Error("missing command accepted")
	}
}

func TestNewRequestID(t *testing.T) {
	id := NewRequestID()
	if len(id) != 36 || id[14] != '4' || strings.Count(id, "-") != 4 {
		t.Errorf("bad UUID %s", id)
	}
}

func TestIdleProcessesStop(t *testing.T) {
	p, _ := newPool(t, func(c *Config) { c.IdleTimeout = 50 * time.Millisecond })
	invoke(t, p, `{}`)
	deadline := time.Now().Add(10 * time.Second)
	for p.Processes() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("idle process never stopped")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, r := invoke(t, p, `{}`); r == nil {
		t.Error("no new process after the idle one stopped")
	}
}
