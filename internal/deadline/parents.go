package deadline

import "context"

// A parent's end reaches the contexts made from it through one
// registration with it, a watch, shared by every context whose parent has
// the same Done channel: a server's request contexts (its base context
// plus values) all share one, and registering each of them with it would
// take the base context's lock and three allocations per request.
type watch struct {
	done   <-chan struct{}
	parent context.Context
	stop   func() bool
	// live lists the contexts not yet released, linked through
	// Context.prev and Context.next.
	live *Context
}

// keptWatches bounds the watches kept with no live context: beyond it,
// Timers unregisters those, so that parents that end late (or never) do
// not pile up.
const keptWatches = 16

// watch links c to the watch of parent's Done channel, registering one
// with parent when there is none. t.mu is held.
func (t *Timers) watch(c *Context, parent context.Context, done <-chan struct{}) {
	w := t.watches[done]
	if w == nil {
		if t.watches == nil {
			t.watches = map[<-chan struct{}]*watch{}
		}
		w = &watch{done: done, parent: parent}
		w.stop = context.AfterFunc(parent, func() { t.parentDone(w) })
		t.watches[done] = w
	}
	c.w, c.next = w, w.live
	if w.live != nil {
		w.live.prev = c
	}
	w.live = c
}

// unwatch unlinks c from its watch, and unregisters the idle watches
// when more than keptWatches are idle. t.mu is held.
func (t *Timers) unwatch(c *Context) {
	w := c.w
	if w == nil {
		return
	}
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		w.live = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	}
	c.w, c.prev, c.next = nil, nil, nil
	if w.live != nil || len(t.watches) <= keptWatches {
		return
	}
	for done, w := range t.watches {
		if w.live == nil {
			delete(t.watches, done)
			w.stop()
		}
	}
}

// parentDone ends the live contexts of w with the parent's error.
func (t *Timers) parentDone(w *watch) {
	t.mu.Lock()
	if t.watches[w.done] == w {
		delete(t.watches, w.done)
	}
	var ended []*Context
	for c := w.live; c != nil; c = c.next {
		ended = append(ended, c)
	}
	for _, c := range ended {
		t.unwatch(c)
		t.removeLocked(c.e)
	}
	t.mu.Unlock()
	err := w.parent.Err()
	for _, c := range ended {
		c.finish(err)
	}
}
