package runtime

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const nodeHandlers = `
exports.handler = async (event, context) => ({ event, requestId: context.awsRequestId,
  arn: context.invokedFunctionArn, remaining: context.getRemainingTimeInMillis() > 0, pid: process.pid });
exports.callback = (event, context, callback) => callback(null, "cb:" + event.n);
exports.fails = async () => { throw new TypeError("bad input"); };
`

func nodePool(t *testing.T, handler string) *Pool {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(nodeHandlers), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := NewPool(Config{Name: "node-fn", Dir: dir, Handler: handler, Runtime: "nodejs20.x",
		Logger: slog.New(slog.NewTextHandler(&syncBuffer{}, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
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
