package lambda

import (
	"context"
	"errors"
	"testing"
	"time"

	"archway/internal/functions"
	"archway/internal/integration"
)

// TestLocalThrottle checks that a local function running as many
// invocations as its concurrency allows throttles the next one at once,
// as Lambda does, instead of queueing it.
func TestLocalThrottle(t *testing.T) {
	// A process that never asks for its invocation keeps the only slot.
	busy := &functions.Function{Name: "busy", Region: region, ARN: "arn:aws:lambda:" + region + ":" + account + ":function:busy",
		Local: &functions.Local{Command: []string{"sleep", "60"}, Concurrency: 1, Timeout: time.Minute}}
	inv := newInvoker(t, busy)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan error, 1)
	go func() {
		_, err := inv.Invoke(ctx, &integration.Request{Method: "POST", URI: uri("busy"), Body: []byte(`{}`)})
		first <- err
	}()
	for !inv.running("busy") {
		time.Sleep(time.Millisecond)
	}
	_, err := inv.Invoke(context.Background(), &integration.Request{Method: "POST", URI: uri("busy"), Body: []byte(`{}`)})
	if !errors.Is(err, ErrTooManyRequests) {
		t.Errorf("want ErrTooManyRequests, got %v", err)
	}
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("first invocation: want context.Canceled, got %v", err)
	}
}

// running reports whether a process of the local function name is live.
func (inv *Invoker) running(name string) bool {
	inv.mu.Lock()
	p := inv.pools[name]
	inv.mu.Unlock()
	return p != nil && p.Processes() > 0
}
