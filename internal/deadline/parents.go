package deadline

// A parent's end reaches the contexts made from it through one watch,
// shared by every context whose parent has the same Done channel: a
// server's request contexts (its base context plus values) all share
// one. Registering each context with its parent instead
// (context.AfterFunc) would take the base context's lock and three
// allocations per request.
//
// A watch is a goroutine waiting for the Done channel. It holds no
// parent: the contexts it ends take their parents' errors, so that a
// long-lived watch keeps nothing of the request it was made for.
type watch struct {
	done <-chan struct{}
	// quit is closed when the watch is dropped.
	quit chan struct{}
	// live lists the contexts not yet released, linked through
	// Context.prev and Context.next.
	live *Context
}

// keptWatches bounds the watches kept with no live context: beyond it,
// Timers drops those, so that parents that end late (or never) do not
// pile up.
const keptWatches = 16

// watch links c to the watch of its parent's Done channel, starting one
// when there is none. t.mu is held.
func (t *Timers) watch(c *Context, done <-chan struct{}) {
	w := t.watches[done]
	if w == nil {
		if t.watches == nil {
			t.watches = map[<-chan struct{}]*watch{}
		}
		w = &watch{done: done, quit: make(chan struct{})}
		t.watches[done] = w
		go t.await(w)
	}
	c.w, c.next = w, w.live
	if w.live != nil {
		w.live.prev = c
	}
	w.live = c
}

// await ends the live contexts of w when their parent ends, unless w is
// dropped first.
func (t *Timers) await(w *watch) {
	select {
	case <-w.done:
		t.parentDone(w)
	case <-w.quit:
	}
}

// unwatch unlinks c from its watch, and drops the idle watches when more
// than keptWatches are idle. t.mu is held.
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
	for done, idle := range t.watches {
		if idle.live == nil {
			delete(t.watches, done)
			close(idle.quit)
		}
	}
}

// parentDone ends the live contexts of w, each with its parent's error.
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
	for _, c := range ended {
		c.finish(c.parent.Err())
	}
}
