package deadline_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"archway/internal/deadline"
)

// wait fails the test when ch is not closed within a generous bound.
func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: not done", what)
	}
}

func TestWithTimeoutEnds(t *testing.T) {
	var timers deadline.Timers
	parentCtx, cancelParent := context.WithCancel(context.Background())
	defer cancelParent()
	cases := []struct {
		name    string
		parent  context.Context
		timeout time.Duration
		end     func(release func())
		want    error
	}{
		{"deadline passes", context.Background(), 10 * time.Millisecond, func(func()) {}, context.DeadlineExceeded},
		{"released first", context.Background(), time.Hour, func(release func()) { release() }, context.Canceled},
		{"parent canceled first", parentCtx, time.Hour, func(func()) { cancelParent() }, context.Canceled},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, release := timers.WithTimeout(c.parent, c.timeout)
			defer release()
			if ctx.Err() != nil {
				t.Fatalf("Err before the end = %v", ctx.Err())
			}
			if d, ok := ctx.Deadline(); !ok || time.Until(d) > c.timeout {
				t.Errorf("Deadline = %v, %v", d, ok)
			}
			c.end(release)
			wait(t, ctx.Done(), c.name)
			if err := ctx.Err(); !errors.Is(err, c.want) {
				t.Errorf("Err = %v, want %v", err, c.want)
			}
		})
	}
}

func TestParentAlreadyDone(t *testing.T) {
	var timers deadline.Timers
	parent, cancel := context.WithCancel(context.Background())
	cancel()
	ctx, release := timers.WithTimeout(parent, time.Hour)
	defer release()
	if ctx.Err() != context.Canceled {
		t.Errorf("Err = %v, want the parent's", ctx.Err())
	}
}

func TestManyDeadlinesInOrder(t *testing.T) {
	var timers deadline.Timers
	// Later deadlines first, then an earlier one, which must re-arm the
	// timer; some released before their time, which must not fire.
	timeouts := []time.Duration{60, 50, 40, 5, 30, 20}
	ends := make([]chan struct{}, len(timeouts))
	var releases []func()
	for i, ms := range timeouts {
		ctx, release := timers.WithTimeout(context.Background(), ms*time.Millisecond)
		releases = append(releases, release)
		ends[i] = make(chan struct{})
		context.AfterFunc(ctx, func() { close(ends[i]) })
		if ms == 40 {
			release()
		}
	}
	for i := range timeouts {
		wait(t, ends[i], "context")
	}
	for _, r := range releases {
		r()
	}
}

func TestAfterFuncStop(t *testing.T) {
	for name, afterFunc := range map[string]func(context.Context, func()) func() bool{
		"context.AfterFunc":  context.AfterFunc,
		"deadline.AfterFunc": deadline.AfterFunc,
	} {
		t.Run(name, func(t *testing.T) {
			var timers deadline.Timers
			ctx, release := timers.WithTimeout(context.Background(), 10*time.Millisecond)
			defer release()
			var ran atomic.Bool
			stop := afterFunc(ctx, func() { ran.Store(true) })
			if !stop() {
				t.Fatal("stop before the end reported the function started")
			}
			wait(t, ctx.Done(), "context")
			time.Sleep(20 * time.Millisecond)
			if ran.Load() {
				t.Error("a stopped function ran")
			}
			started := make(chan struct{})
			stop = afterFunc(ctx, func() { close(started) })
			wait(t, started, "function registered after the end")
			if stop() {
				t.Error("stop after the end reported it stopped the function")
			}
		})
	}
}

func TestAt(t *testing.T) {
	var timers deadline.Timers
	fired := make(chan struct{})
	timers.At(time.Now().Add(5*time.Millisecond), func() { close(fired) })
	wait(t, fired, "At")
	var ran atomic.Bool
	tm := timers.At(time.Now().Add(10*time.Millisecond), func() { ran.Store(true) })
	if !tm.Stop() {
		t.Fatal("Stop before the time reported the function ran")
	}
	if tm.Stop() {
		t.Error("a second Stop reported it stopped the function")
	}
	time.Sleep(30 * time.Millisecond)
	if ran.Load() {
		t.Error("a stopped function ran")
	}
}

func TestValueFromParent(t *testing.T) {
	type key struct{}
	var timers deadline.Timers
	ctx, release := timers.WithTimeout(context.WithValue(context.Background(), key{}, "v"), time.Hour)
	defer release()
	if ctx.Value(key{}) != "v" {
		t.Errorf("Value = %v", ctx.Value(key{}))
	}
	short, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ctx2, release2 := timers.WithTimeout(short, time.Hour)
	defer release2()
	if d, _ := ctx2.Deadline(); time.Until(d) > time.Minute {
		t.Errorf("Deadline %v later than the parent's", d)
	}
}

func BenchmarkWithTimeout(b *testing.B) {
	var timers deadline.Timers
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ReportAllocs()
	for b.Loop() {
		_, release := timers.WithTimeout(parent, 29*time.Second)
		release()
	}
}

func BenchmarkContextWithTimeout(b *testing.B) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ReportAllocs()
	for b.Loop() {
		_, release := context.WithTimeout(parent, 29*time.Second)
		release()
	}
}
