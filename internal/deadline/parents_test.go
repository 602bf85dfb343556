package deadline_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"archway/internal/deadline"
)

// countingParent is a parent context that counts the registrations made
// with its end and the ones released again: it hides the cancelable
// context under it (Value finds nothing), so context.AfterFunc calls its
// AfterFunc.
type countingParent struct {
	context.Context
	mu                  sync.Mutex
	registered, stopped int
}

func newCountingParent() (*countingParent, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	return &countingParent{Context: ctx}, cancel
}

func (p *countingParent) Value(any) any { return nil }

func (p *countingParent) AfterFunc(f func()) func() bool {
	p.mu.Lock()
	p.registered++
	p.mu.Unlock()
	stop := context.AfterFunc(p.Context, f)
	return func() bool {
		p.mu.Lock()
		p.stopped++
		p.mu.Unlock()
		return stop()
	}
}

func (p *countingParent) counts() (int, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.registered, p.stopped
}

func TestOneRegistrationPerParent(t *testing.T) {
	var timers deadline.Timers
	parent, cancel := newCountingParent()
	defer cancel()
	// Requests one after another and overlapping, as a server's are.
	var held []func()
	for i := range 100 {
		_, release := timers.WithTimeout(parent, time.Hour)
		if i%3 == 0 {
			held = append(held, release)
		} else {
			release()
		}
	}
	for _, release := range held {
		release()
	}
	if reg, _ := parent.counts(); reg != 1 {
		t.Errorf("%d registrations with the parent, want 1", reg)
	}
}

// A context whose parent is a server's request context (values over a
// cancelable base) costs what one whose parent never ends costs: no
// registration with the base per request.
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
	parent, cancel := newCountingParent()
	released, release := timers.WithTimeout(parent, time.Hour)
	release()
	var live []*deadline.Context
	for range 5 {
		ctx, release := timers.WithTimeout(parent, time.Hour)
		defer release()
		live = append(live, ctx)
	}
	other, stopOther := context.WithCancel(context.Background())
	defer stopOther()
	unrelated, releaseUnrelated := timers.WithTimeout(other, time.Hour)
	defer releaseUnrelated()
	cancel()
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
	late, releaseLate := timers.WithTimeout(parent, time.Hour)
	defer releaseLate()
	if late.Err() == nil {
		t.Error("a context of an ended parent is not done")
	}
}

func TestIdleRegistrationsAreBounded(t *testing.T) {
	var timers deadline.Timers
	var parents []*countingParent
	var cancels []context.CancelFunc
	for range 40 {
		p, cancel := newCountingParent()
		defer cancel()
		parents, cancels = append(parents, p), append(cancels, cancel)
		_, release := timers.WithTimeout(p, time.Hour)
		release()
	}
	kept := 0
	for _, p := range parents {
		reg, stopped := p.counts()
		if reg != 1 {
			t.Fatalf("%d registrations with one parent, want 1", reg)
		}
		kept += reg - stopped
	}
	if kept > 17 {
		t.Errorf("%d idle registrations kept of 40 parents, want at most 17", kept)
	}
	// The first parent's registration was dropped: a new context of it
	// registers again and still ends with it.
	ctx, release := timers.WithTimeout(parents[0], time.Hour)
	defer release()
	if reg, _ := parents[0].counts(); reg != 2 {
		t.Errorf("%d registrations with the first parent, want 2", reg)
	}
	cancels[0]()
	wait(t, ctx.Done(), "context of a parent watched again")
}
