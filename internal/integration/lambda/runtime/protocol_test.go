package runtime

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeBootstrapEnv makes the test binary, run as the process of a framed
// pool, a fake bootstrap (fakeBootstrap) instead of running the tests.
const fakeBootstrapEnv = "ARCHWAY_FAKE_BOOTSTRAP"

// fakeBootstrap speaks the bootstrap protocol on file descriptors 3 and 4,
// answering every invocation as mode says.
func fakeBootstrap(mode string) {
	in, out := bufio.NewReader(os.NewFile(3, "in")), os.NewFile(4, "out")
	send := func(b []byte) { _, _ = out.Write(b) }
	send(encodeFrame('N'))
	for n := 0; ; n++ {
		fields, err := readInvokeFrame(in)
		if err != nil {
			os.Exit(0)
		}
		id, event := fields[0], fields[6]
		echo := fmt.Appendf(nil, `{"pid":%d,"event":%s}`, os.Getpid(), event)
		switch {
		case mode == "unknown-type":
			send(encodeFrame('Z', id))
		case mode == "wrong-id":
			send(encodeFrame('R', []byte("someone-else"), echo))
		case mode == "overrun":
			send([]byte{9, 0, 0, 0, 'R', 200, 0, 0, 0, 'a', 'b', 'c', 'd'})
		case mode == "truncated":
			send(encodeFrame('R', id, echo)[:10])
			os.Exit(0)
		case mode == "oversize" && n == 0:
			send(encodeFrame('R', id, bytes.Repeat([]byte(" "), MaxResponseSize+1)))
		case mode == "silent":
			// Never answers.
		case mode == "slow":
			time.Sleep(200 * time.Millisecond)
			send(encodeFrame('R', id, echo))
		case mode == "stdout":
			fmt.Printf("first line of %s\nsecond line of %s\npartial line of %s", id, id, id)
			send(encodeFrame('R', id, echo))
		default:
			send(encodeFrame('R', id, echo))
		}
	}
}

// readInvokeFrame reads an invoke frame's fields.
func readInvokeFrame(r *bufio.Reader) ([][]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	body := make([]byte, binary.LittleEndian.Uint32(size[:]))
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	var fields [][]byte
	for rest := body[1:]; len(rest) >= 4; {
		n := binary.LittleEndian.Uint32(rest)
		fields = append(fields, rest[4:4+n])
		rest = rest[4+n:]
	}
	if len(fields) != 7 {
		return nil, fmt.Errorf("%d fields", len(fields))
	}
	return fields, nil
}

// fakePool runs the fake bootstrap in mode with the bootstrap protocol;
// mutate, when not nil, changes the configuration.
func fakePool(t *testing.T, mode string, mutate func(*Config)) (*Pool, *syncBuffer) {
	t.Helper()
	p, logs := newPool(t, func(c *Config) {
		c.Command = []string{os.Args[0]}
		c.Env = append(c.Env, fakeBootstrapEnv+"="+mode)
		if mutate != nil {
			mutate(c)
		}
	})
	p.framed = true
	return p, logs
}

func TestBootstrapProtocolErrors(t *testing.T) {
	tests := []struct {
		mode string
		want string
	}{
		{"unknown-type", "bootstrap protocol: unexpected 'Z' frame"},
		{"wrong-id", `bootstrap protocol: 'R' frame for request "someone-else", which the process is not running`},
		{"overrun", "bootstrap protocol: field overruns its 'R' frame"},
		{"truncated", ""},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			p, _ := fakePool(t, tt.mode, nil)
			for range 2 { // the broken process is replaced
				res, _ := invoke(t, p, `{}`)
				got := errorType(t, res)
				if !strings.HasPrefix(got, "Runtime.ExitError: RequestId: "+res.RequestID+" Error: Runtime exited with error: ") ||
					!strings.Contains(got, tt.want) {
					t.Errorf("got %q, want Runtime.ExitError with %q", got, tt.want)
				}
			}
		})
	}
}

func TestBootstrapOversizeResponse(t *testing.T) {
	p, _ := fakePool(t, "oversize", nil)
	res, _ := invoke(t, p, `{}`)
	if got := errorType(t, res); got != "Function.ResponseSizeTooLarge: Response payload size exceeded maximum allowed payload size (6291456 bytes)." {
		t.Errorf("got %q", got)
	}
	// The process stays: the next invocation is answered by it.
	if res, _ := invoke(t, p, `{"n":2}`); res.FunctionError != "" || !strings.HasSuffix(string(res.Payload), `"event":{"n":2}}`) {
		t.Errorf("after an oversize response: %s", res.Payload)
	}
	if p.Processes() != 1 {
		t.Errorf("%d processes", p.Processes())
	}
}

// TestBootstrapOutputCarriesRequestID checks that the output a process
// writes before answering is logged with its invocation's request id,
// however soon the next invocation starts.
func TestBootstrapOutputCarriesRequestID(t *testing.T) {
	p, logs := fakePool(t, "stdout", nil)
	var ids []string
	for range 50 {
		res, _ := invoke(t, p, `{}`)
		ids = append(ids, res.RequestID)
	}
	recs := outputRecords(logs.String())
	for _, rec := range recs {
		if rec.Stream != "stdout" || !strings.HasSuffix(rec.Msg, " of "+rec.RequestID) {
			t.Errorf("line %q logged with request id %q", rec.Msg, rec.RequestID)
		}
	}
	if len(recs) != 3*len(ids) {
		t.Errorf("%d lines logged for %d invocations", len(recs), len(ids))
	}
}

func TestBootstrapLargeEvent(t *testing.T) {
	p, _ := fakePool(t, "echo", nil)
	// An event near the 6 MB limit goes out in more than one write.
	event := `{"s":"` + strings.Repeat("a", MaxResponseSize-200) + `"}`
	res, _ := invoke(t, p, event)
	if res.FunctionError != "" || !strings.HasSuffix(string(res.Payload), `"event":`+event+"}") {
		t.Fatalf("payload of %d bytes: %.200s", len(res.Payload), res.Payload)
	}
	if res, _ := invoke(t, p, `{"small":1}`); res.FunctionError != "" {
		t.Errorf("after a large event: %s", res.Payload)
	}
}

func TestBootstrapConcurrentInvocations(t *testing.T) {
	p, _ := fakePool(t, "echo", nil)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 8 {
				event := fmt.Sprintf(`{"w":%d,"i":%d}`, w, i)
				res, err := p.Invoke(context.Background(), []byte(event), InvokeOptions{})
				if err != nil {
					t.Error(err)
				} else if !strings.HasSuffix(string(res.Payload), `"event":`+event+"}") {
					t.Errorf("event %s answered %s", event, res.Payload)
				}
			}
		})
	}
	wg.Wait()
	if n := p.Processes(); n < 1 || n > 8 {
		t.Errorf("%d processes", n)
	}
}

func TestBootstrapCancelledInvocationReturnsProcess(t *testing.T) {
	p, _ := fakePool(t, "slow", func(c *Config) { c.Concurrency, c.Queue = 1, 1 })
	_, first := invoke(t, p, `{}`)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := p.Invoke(ctx, []byte(`{}`), InvokeOptions{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want context.DeadlineExceeded, got %v", err)
	}
	// The next invocation waits for the cancelled one to end, then runs in
	// the same process.
	if _, again := invoke(t, p, `{"n":3}`); again == nil || again.PID != first.PID || string(again.Event) != `{"n":3}` {
		t.Errorf("after a cancelled invocation: %+v (first pid %d)", again, first.PID)
	}
}

func TestBootstrapCloseEndsRunningInvocation(t *testing.T) {
	p, _ := fakePool(t, "silent", nil)
	done := make(chan *Result, 1)
	go func() {
		res, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	for p.Processes() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // let the invocation reach the process
	p.Close()
	res := <-done
	if got := errorType(t, res); !strings.HasPrefix(got, "Runtime.ExitError: RequestId: "+res.RequestID+" Error: Runtime exited with error: signal: killed") {
		t.Errorf("got %q", got)
	}
}

// outputRecord is a line of a function's output as the pool logs it.
type outputRecord struct {
	Msg       string `json:"msg"`
	Stream    string `json:"stream"`
	RequestID string `json:"requestId"`
}

// outputRecords returns the function-output lines of a JSON log, leaving
// out the pool's other records.
func outputRecords(log string) []outputRecord {
	var recs []outputRecord
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		var rec outputRecord
		if err := json.Unmarshal([]byte(line), &rec); err == nil && rec.Stream != "" {
			recs = append(recs, rec)
		}
	}
	return recs
}
