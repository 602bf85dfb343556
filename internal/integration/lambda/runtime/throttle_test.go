package runtime

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestThrottle fills a pool of one process and its queue with blocked
// invocations, then checks that one more is throttled at once and that
// the blocked ones all complete.
func TestThrottle(t *testing.T) {
	tests := []struct {
		name  string
		queue int
	}{
		{"no queue, as Lambda", 0},
		{"bounded queue", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := newPool(t, func(c *Config) { c.Concurrency, c.Queue = 1, tt.queue })
			var wg sync.WaitGroup
			errs := make(chan error, 1+tt.queue)
			for range 1 + tt.queue {
				wg.Go(func() {
					res, err := p.Invoke(context.Background(), []byte(`{"sleepMs":300}`), InvokeOptions{})
					if err == nil && res.FunctionError != "" {
						err = errors.New(string(res.Payload))
					}
					errs <- err
				})
			}
			// Wait until the running invocation holds the slot and the
			// others are queued.
			for len(p.slots) != 1 || p.waiting.Load() != int64(tt.queue) {
				time.Sleep(time.Millisecond)
			}
			_, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{})
			if !errors.Is(err, ErrTooManyRequests) {
				t.Errorf("over the limit: want ErrTooManyRequests, got %v", err)
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Errorf("admitted invocation: %v", err)
				}
			}
			if _, err := p.Invoke(context.Background(), []byte(`{}`), InvokeOptions{}); err != nil {
				t.Errorf("after the burst: %v", err)
			}
		})
	}
}
