package deadline_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"archway/internal/deadline"
)

// goroutinesSettle returns the number of goroutines once it stops
// changing (goroutines that were told to end have ended).
func goroutinesSettle() int {
	n := runtime.NumGoroutine()
	for range 100 {
		time.Sleep(2 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m == n {
			return n
		}
		n = m
	}
	return n
}

func TestOneWatchPerParent(t *testing.T) {
	var timers deadline.Timers
	base, cancel := context.WithCancel(context.Background())
	defer cancel()
	type key struct{}
	before := goroutinesSettle()
	// Requests one after another and overlapping, each from its own
	// value context over the same base, as a server's are.
	var held []func()
	for i := range 100 {
		_, release := timers.WithTimeout(context.WithValue(base, key{}, i), time.Hour)
		if i%3 == 0 {
			held = append(held, release)
		} else {
			release()
		}
	}
	for _, release := range held {
		release()
	}
	if n := goroutinesSettle() - before; n != 1 {
		t.Errorf("%d goroutines watch one parent, want 1", n)
	}
}

// A context whose parent is a server's request context (values over a
// cancelable base) costs what one whose parent never ends costs: nothing
// is registered with the base per request.
func TestRequestContextCostsNoRegistration(t *testing.T) {
	var timers deadline.Timers
	base, cancel := context.WithCancel(context.Background())
	defer cancel()
	type key struct{}
	request := context.WithValue(base, key{}, 1)
	cost := func(parent context.Context) float64 {
		return testing.AllocsPerRun(100, func() {
			_, release := timers.WithTimeout(parent, time.Hour)
			release()
		})
	}
	if got, want := cost(request), cost(context.Background()); got != want {
		t.Errorf("%v allocations with a request context as parent, want %v (as with a parent that never ends)", got, want)
	}
}

func TestParentEndsItsLiveContexts(t *testing.T) {
	var timers deadline.Timers
	type key struct{}
	base, cancel := context.WithCancelCause(context.Background())
	released, release := timers.WithTimeout(base, time.Hour)
	release()
	var live []*deadline.Context
	for i := range 5 {
		ctx, release := timers.WithTimeout(context.WithValue(base, key{}, i), time.Hour)
		defer release()
		live = append(live, ctx)
	}
	other, stopOther := context.WithCancel(context.Background())
	defer stopOther()
	unrelated, releaseUnrelated := timers.WithTimeout(other, time.Hour)
	defer releaseUnrelated()
	cancel(errors.New("server closed"))
	for i, ctx := range live {
		wait(t, ctx.Done(), "live context")
		if !errors.Is(ctx.Err(), context.Canceled) {
			t.Errorf("context %d: Err = %v, want the parent's", i, ctx.Err())
		}
	}
	if !errors.Is(released.Err(), context.Canceled) {
		t.Errorf("released context: Err = %v", released.Err())
	}
	if unrelated.Err() != nil {
		t.Errorf("a context of another parent ended: %v", unrelated.Err())
	}
	// A context made from the parent after its end is done at once.
	late, releaseLate := timers.WithTimeout(base, time.Hour)
	defer releaseLate()
	if late.Err() == nil {
		t.Error("a context of an ended parent is not done")
	}
}

func TestIdleWatchesAreBounded(t *testing.T) {
	var timers deadline.Timers
	before := goroutinesSettle()
	var parents []context.Context
	var cancels []context.CancelFunc
	for range 40 {
		parent, cancel := context.WithCancel(context.Background())
		defer cancel()
		parents, cancels = append(parents, parent), append(cancels, cancel)
		_, release := timers.WithTimeout(parent, time.Hour)
		release()
	}
	if n := goroutinesSettle() - before; n > 17 {
		t.Errorf("%d goroutines watch 40 parents with no live context, want at most 17", n)
	}
	// The first parent's watch was dropped: a new context of it is
	// watched again and ends with it.
	ctx, release := timers.WithTimeout(parents[0], time.Hour)
	defer release()
	cancels[0]()
	wait(t, ctx.Done(), "context of a parent watched again")
	for _, cancel := range cancels {
		cancel()
	}
	if n := goroutinesSettle() - before; n > 0 {
		t.Errorf("%d goroutines left watching parents that ended", n)
	}
}
