// Package deadline runs the time limits of requests in flight on one
// runtime timer.
//
// Why: context.WithTimeout starts a runtime timer per request, and adding
// a timer while no thread waits in the network poller makes the runtime
// wake another thread to wait there: on a lightly loaded server that is a
// thread wake-up (and a context switch on another CPU) per request, for a
// timer that almost never fires. Timers keeps the limits in a heap and its
// one timer armed for the earliest, so that a request whose limit is later
// than that (nearly all, the limits being alike) costs a heap insertion
// and no timer at all.
package deadline

import (
	"container/heap"
	"context"
	"sync"
	"time"
)

// Timers holds the deadlines of contexts made by WithTimeout. The zero
// value is ready to use; it is safe for concurrent use.
type Timers struct {
	mu    sync.Mutex
	h     entries
	timer *time.Timer
	armed time.Time // when timer fires; zero while it is stopped
	// watches holds the registrations with the parents of the contexts
	// (parents.go), by the parents' Done channel.
	watches map[<-chan struct{}]*watch
}

// entry is one deadline in the heap: it ends ctx, or runs f.
type entry struct {
	at    time.Time
	index int // in the heap; -1 once removed
	ctx   *Context
	f     func()
}

// Timer is a function Timers runs at a time (At).
type Timer struct {
	t *Timers
	e entry
}

// At runs f at at, in the goroutine of the runtime timer, so f must be
// quick (it may start goroutines), unless Stop is called first.
func (t *Timers) At(at time.Time, f func()) *Timer {
	tm := &Timer{t: t, e: entry{at: at, f: f}}
	t.add(&tm.e)
	return tm
}

// Stop keeps the timer's function from running and reports whether it
// did: false when the function has run or is running.
func (tm *Timer) Stop() bool { return tm.t.remove(&tm.e) }

// add puts e in the heap, arming the timer when e is the earliest.
func (t *Timers) add(e *entry) {
	t.mu.Lock()
	t.addLocked(e)
	t.mu.Unlock()
}

// addLocked is add with t.mu held.
func (t *Timers) addLocked(e *entry) {
	heap.Push(&t.h, e)
	if t.armed.IsZero() || e.at.Before(t.armed) {
		t.arm(e.at)
	}
}

// entries is a min-heap of deadlines.
type entries []*entry

func (h entries) Len() int           { return len(h) }
func (h entries) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h entries) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *entries) Push(x any) {
	e := x.(*entry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *entries) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	e.index = -1
	return e
}

// WithTimeout returns a context done when d has passed (Err then
// context.DeadlineExceeded) or when parent is done (Err then parent's),
// and the function that releases it, which must be called when the work
// is over.
func (t *Timers) WithTimeout(parent context.Context, d time.Duration) (*Context, func()) {
	c := &Context{parent: parent, done: make(chan struct{})}
	if err := parent.Err(); err != nil {
		c.finish(err)
		return c, c.stop
	}
	c.ent = entry{at: time.Now().Add(d), ctx: c}
	c.e = &c.ent
	c.t = t
	done := parent.Done()
	t.mu.Lock()
	t.addLocked(c.e)
	if done != nil {
		t.watch(c, done)
	}
	t.mu.Unlock()
	return c, c.stop
}

// arm makes the timer fire at at. t.mu is held.
func (t *Timers) arm(at time.Time) {
	t.armed = at
	if t.timer == nil {
		t.timer = time.AfterFunc(time.Until(at), t.fire)
		return
	}
	t.timer.Reset(time.Until(at))
}

// fire ends the contexts whose deadline has passed and arms the timer for
// the next one.
func (t *Timers) fire() {
	now := time.Now()
	var due []*entry
	t.mu.Lock()
	for len(t.h) > 0 && !t.h[0].at.After(now) {
		due = append(due, heap.Pop(&t.h).(*entry))
	}
	t.armed = time.Time{}
	if len(t.h) > 0 {
		t.arm(t.h[0].at)
	}
	t.mu.Unlock()
	for _, e := range due {
		if e.ctx != nil {
			e.ctx.finish(context.DeadlineExceeded)
		} else {
			e.f()
		}
	}
}

// remove takes e out of the heap and reports whether it was still there.
// The timer stays armed: firing for a deadline no longer held only re-arms
// it.
func (t *Timers) remove(e *entry) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.removeLocked(e)
}

// removeLocked is remove with t.mu held.
func (t *Timers) removeLocked(e *entry) bool {
	if e.index < 0 {
		return false
	}
	heap.Remove(&t.h, e.index)
	return true
}
