package runtime

import (
	"context"
	"encoding/json"
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

const nodeHandlers = `
exports.handler = async (event, context) => ({ event, requestId: context.awsRequestId,
  arn: context.invokedFunctionArn, remaining: context.getRemainingTimeInMillis() > 0, pid: process.pid });
exports.callback = (event, context, callback) => callback(null, "cb:" + event.n);
exports.fails = async () => { throw new TypeError("bad input"); };
exports.timer = (event, context, callback) => setTimeout(() => callback(null, "late"), 20);
exports.undef = async () => undefined;
exports.circular = async () => { const a = {}; a.a = a; return a; };
exports.hang = () => new Promise(() => setInterval(() => {}, 1000));
exports.unsettled = () => new Promise(() => {});
exports.exit = async () => process.exit(3);
exports.context = async (event, context) => ({
  id: context.awsRequestId, fn: context.functionName, version: context.functionVersion,
  memory: context.memoryLimitInMB, group: context.logGroupName, stream: context.logStreamName,
  remaining: context.getRemainingTimeInMillis(), identity: context.identity, clientContext: context.clientContext,
  trace: process.env._X_AMZN_TRACE_ID === undefined ? null : process.env._X_AMZN_TRACE_ID,
  hasTrace: "_X_AMZN_TRACE_ID" in process.env,
  childTrace: require("child_process").execSync("printenv _X_AMZN_TRACE_ID || true").toString().trim(),
});
exports.logs = async (event, context) => {
  console.log("before " + context.awsRequestId);
  await new Promise((resolve) => setTimeout(resolve, 1));
  console.error("after " + context.awsRequestId);
  process.stdout.write("partial " + context.awsRequestId);
  return "ok";
};
exports.later = async () => { setTimeout(() => { global.fired = (global.fired || 0) + 1; }, 0); return global.fired || 0; };
exports.sizes = async (event) => ({ in: event.s.length, out: "x".repeat(event.n) });
`

func nodePool(t *testing.T, handler string) *Pool {
	t.Helper()
	p, _ := nodePoolWith(t, handler, nil)
	return p
}

// nodePoolWith runs handler (a nodeHandlers export, or a module of its
// own in index.js's directory: "broken.handler") with Archway's bootstrap.
func nodePoolWith(t *testing.T, handler string, mutate func(*Config)) (*Pool, *syncBuffer) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(nodeHandlers), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.js"), []byte(`throw new RangeError("bad config");`), 0o644); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	cfg := Config{Name: "node-fn", Dir: dir, Handler: handler, Runtime: "nodejs20.x",
		Logger: slog.New(slog.NewJSONHandler(logs, nil))}
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

func TestNodeHandlers(t *testing.T) {
	tests := []struct {
		handler string
		event   string
		check   func(t *testing.T, res *Result)
	}{
		{"index.handler", `{"a":"é"}`, func(t *testing.T, res *Result) {
			var r struct {
				Event     map[string]string `json:"event"`
				RequestID string            `json:"requestId"`
				ARN       string            `json:"arn"`
				Remaining bool              `json:"remaining"`
			}
			if err := json.Unmarshal(res.Payload, &r); err != nil || res.FunctionError != "" {
				t.Fatalf("payload %s: %v", res.Payload, err)
			}
			if r.Event["a"] != "é" || r.RequestID != res.RequestID || !strings.HasSuffix(r.ARN, ":function:node-fn") || !r.Remaining {
				t.Errorf("got %+v", r)
			}
		}},
		{"index.callback", `{"n":7}`, func(t *testing.T, res *Result) {
			if string(res.Payload) != `"cb:7"` {
				t.Errorf("payload %s", res.Payload)
			}
		}},
		{"index.fails", `{}`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); got != "TypeError: bad input" {
				t.Errorf("got %q", got)
			}
		}},
		{"index.missing", `{}`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); !strings.HasPrefix(got, "Runtime.HandlerNotFound: ") {
				t.Errorf("got %q", got)
			}
		}},
		{"nomodule.handler", `{}`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); !strings.HasPrefix(got, "Runtime.ImportModuleError: ") {
				t.Errorf("got %q", got)
			}
		}},
		{"broken.handler", `{}`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); got != "RangeError: bad config" {
				t.Errorf("got %q", got)
			}
		}},
		{"index.timer", `{}`, func(t *testing.T, res *Result) {
			if string(res.Payload) != `"late"` {
				t.Errorf("payload %s", res.Payload)
			}
		}},
		{"index.undef", `{}`, func(t *testing.T, res *Result) {
			if string(res.Payload) != `null` || res.FunctionError != "" {
				t.Errorf("payload %s", res.Payload)
			}
		}},
		{"index.circular", `{}`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); !strings.HasPrefix(got, "TypeError: Converting circular structure to JSON") {
				t.Errorf("got %q", got)
			}
		}},
		{"index.handler", `not json`, func(t *testing.T, res *Result) {
			if got := errorType(t, res); !strings.HasPrefix(got, "SyntaxError: ") {
				t.Errorf("got %q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.handler, func(t *testing.T) {
			p := nodePool(t, tt.handler)
			res, err := p.Invoke(context.Background(), []byte(tt.event), InvokeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, res)
		})
	}
}

func TestNodeWarmReuse(t *testing.T) {
	p := nodePool(t, "index.handler")
	pid := func() int {
		res, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			PID int `json:"pid"`
		}
		_ = json.Unmarshal(res.Payload, &r)
		return r.PID
	}
	if a, b := pid(), pid(); a == 0 || a != b {
		t.Errorf("pids %d, %d", a, b)
	}
}

func TestNodeContext(t *testing.T) {
	p := nodePool(t, "index.context")
	type ctx struct {
		ID            string          `json:"id"`
		Fn            string          `json:"fn"`
		Version       string          `json:"version"`
		Memory        string          `json:"memory"`
		Group         string          `json:"group"`
		Stream        string          `json:"stream"`
		Remaining     int64           `json:"remaining"`
		Identity      json.RawMessage `json:"identity"`
		ClientContext json.RawMessage `json:"clientContext"`
		Trace         *string         `json:"trace"`
		HasTrace      bool            `json:"hasTrace"`
		ChildTrace    string          `json:"childTrace"`
	}
	call := func(opts InvokeOptions) (*Result, ctx) {
		res, err := p.Invoke(context.Background(), []byte(`{}`), opts)
		if err != nil {
			t.Fatal(err)
		}
		var c ctx
		if err := json.Unmarshal(res.Payload, &c); err != nil || res.FunctionError != "" {
			t.Fatalf("payload %s: %v", res.Payload, err)
		}
		return res, c
	}
	const trace = "Root=1-5e1b4151-5ac6c58f5b5dbd6a3e4f0a1b;Sampled=0"
	res, c := call(InvokeOptions{TraceID: trace, ClientContext: `{"custom":{"k":"v"}}`, CognitoIdentity: `{"cognitoIdentityId":"us-east-1:x"}`})
	if c.ID != res.RequestID || c.Fn != "node-fn" || c.Version != "$LATEST" || c.Memory != "128" ||
		c.Group != "/aws/lambda/node-fn" || !strings.Contains(c.Stream, "[$LATEST]") {
		t.Errorf("context %+v", c)
	}
	if c.Remaining <= 0 || c.Remaining > DefaultTimeout.Milliseconds() {
		t.Errorf("remaining %d ms", c.Remaining)
	}
	if string(c.ClientContext) != `{"custom":{"k":"v"}}` || string(c.Identity) != `{"cognitoIdentityId":"us-east-1:x"}` {
		t.Errorf("clientContext %s, identity %s", c.ClientContext, c.Identity)
	}
	if c.Trace == nil || *c.Trace != trace || !c.HasTrace || c.ChildTrace != trace {
		t.Errorf("trace %v, in env %v, child process saw %q", c.Trace, c.HasTrace, c.ChildTrace)
	}
	// Without a trace id, the previous one is gone.
	if _, c := call(InvokeOptions{}); c.Trace != nil || c.HasTrace || c.ChildTrace != "" || c.Identity != nil || c.ClientContext != nil {
		t.Errorf("second invocation: %+v", c)
	}
}

// TestNodeOutputCarriesRequestID checks that what a handler writes to
// stdout and stderr, before and after awaiting, is logged with its
// request id, invocation after invocation.
func TestNodeOutputCarriesRequestID(t *testing.T) {
	p, logs := nodePoolWith(t, "index.logs", nil)
	const n = 30
	for range n {
		res, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{})
		if err != nil || string(res.Payload) != `"ok"` {
			t.Fatalf("%v %+v", err, res)
		}
	}
	recs := outputRecords(logs.String())
	for _, rec := range recs {
		if rec.RequestID == "" || !strings.HasSuffix(rec.Msg, " "+rec.RequestID) {
			t.Errorf("%s line %q logged with request id %q", rec.Stream, rec.Msg, rec.RequestID)
		}
	}
	if len(recs) != 3*n {
		t.Errorf("%d lines logged for %d invocations:\n%s", len(recs), n, logs)
	}
}

func TestNodeLargePayloads(t *testing.T) {
	p := nodePool(t, "index.sizes")
	sizes := func(res *Result) string {
		var r struct {
			In  int    `json:"in"`
			Out string `json:"out"`
		}
		if res.FunctionError != "" || json.Unmarshal(res.Payload, &r) != nil {
			return string(res.Payload[:min(len(res.Payload), 200)])
		}
		return fmt.Sprint(r.In, len(r.Out))
	}
	near := MaxResponseSize - 100
	event := func(in, out int) string { return fmt.Sprintf(`{"n":%d,"s":"%s"}`, out, strings.Repeat("é", in/2)) }
	tests := []struct {
		name  string
		event string
		want  string
	}{
		{"event near 6 MB", event(near, 1), fmt.Sprint(near/2, 1)},
		{"response near 6 MB", event(2, near), fmt.Sprint(1, near)},
		{"response over 6 MB", event(2, MaxResponseSize), `{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291456 bytes).","errorType":"Function.ResponseSizeTooLarge"}`},
		{"small after large", event(2, 2), fmt.Sprint(1, 2)},
	}
	for _, tt := range tests {
		res, err := p.Invoke(context.Background(), []byte(tt.event), InvokeOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := sizes(res); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
	if p.Processes() != 1 {
		t.Errorf("%d processes", p.Processes())
	}
}

func TestNodeTimeoutAndCrashReplaceTheProcess(t *testing.T) {
	tests := []struct {
		handler string
		want    string
	}{
		{"index.hang", "Sandbox.Timedout: RequestId: %s Error: Task timed out after 0.30 seconds"},
		{"index.exit", "Runtime.ExitError: RequestId: %s Error: Runtime exited with error: exit status 3"},
		// Nothing left to wait for: node exits.
		{"index.unsettled", "Runtime.ExitError: RequestId: %s Error: Runtime exited with error: exit status 0"},
	}
	for _, tt := range tests {
		t.Run(tt.handler, func(t *testing.T) {
			p, _ := nodePoolWith(t, tt.handler, func(c *Config) { c.Timeout = 300 * time.Millisecond })
			for range 2 {
				res, _ := invoke(t, p, `{}`)
				if got, want := errorType(t, res), fmt.Sprintf(tt.want, res.RequestID); got != want {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		})
	}
}

func TestNodeConcurrentInvocations(t *testing.T) {
	p, _ := nodePoolWith(t, "index.handler", func(c *Config) { c.Concurrency, c.Queue = 3, 8 })
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Go(func() {
			for i := range 10 {
				event := fmt.Sprintf(`{"w":"%d","i":"%d"}`, w, i)
				res, err := p.Invoke(context.Background(), []byte(event), InvokeOptions{})
				if err != nil {
					t.Error(err)
					continue
				}
				var r struct {
					Event     map[string]string `json:"event"`
					RequestID string            `json:"requestId"`
				}
				if err := json.Unmarshal(res.Payload, &r); err != nil || r.RequestID != res.RequestID ||
					r.Event["w"] != fmt.Sprint(w) || r.Event["i"] != fmt.Sprint(i) {
					t.Errorf("event %s answered %s", event, res.Payload)
				}
			}
		})
	}
	wg.Wait()
	if n := p.Processes(); n < 1 || n > 3 {
		t.Errorf("%d processes", n)
	}
}

// TestNodeUnderInspector runs handlers with node's inspector open, as when
// debugging them: the bootstrap then reads invocations asynchronously.
func TestNodeUnderInspector(t *testing.T) {
	tests := []struct {
		handler string
		want    string
	}{
		{"index.callback", `"cb:1"`},
		{"index.timer", `"late"`},
		{"index.unsettled", "exit status 0"},
	}
	for _, tt := range tests {
		t.Run(tt.handler, func(t *testing.T) {
			p, logs := nodePoolWith(t, tt.handler, func(c *Config) { c.Env = []string{"NODE_OPTIONS=--inspect=127.0.0.1:0"} })
			for range 2 {
				res, err := p.Invoke(context.Background(), []byte(`{"n":1}`), InvokeOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(res.Payload), tt.want) {
					t.Errorf("payload %s, want %s", res.Payload, tt.want)
				}
			}
			if !strings.Contains(logs.String(), "Debugger listening on ws://127.0.0.1:") {
				t.Errorf("no inspector:\n%s", logs)
			}
		})
	}
}

// TestNodeTimersRunBetweenInvocations checks that the timers a handler
// leaves behind run before later invocations, although the bootstrap
// waits for invocations in a blocking read.
func TestNodeTimersRunBetweenInvocations(t *testing.T) {
	p := nodePool(t, "index.later")
	var fired string
	for range 4 {
		res, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		fired = string(res.Payload)
		time.Sleep(5 * time.Millisecond)
	}
	if fired == "0" {
		t.Errorf("no timer fired in 4 invocations")
	}
}
