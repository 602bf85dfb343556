package deadline

import (
	"context"
	"sync"
	"time"
)

// Context is a context made by Timers.WithTimeout. Besides the methods of
// context.Context it has AfterFunc, which context.AfterFunc uses, so that
// work waiting on it registers a function instead of starting a goroutine.
type Context struct {
	parent context.Context
	t      *Timers
	// e is the context's deadline in the heap, nil when the context was
	// done from the start; it points to ent, which spares an allocation.
	e   *entry
	ent entry
	// w is the watch of the parent's end this context is linked to
	// (parents.go), prev and next its neighbours there; guarded by t.mu.
	w          *watch
	prev, next *Context

	mu    sync.Mutex
	done  chan struct{}
	err   error
	funcs []*afterFunc
}

var _ context.Context = (*Context)(nil)

// afterFunc is a function registered with AfterFunc, run once.
type afterFunc struct {
	once sync.Once
	f    func()
}

// Deadline returns the context's deadline.
func (c *Context) Deadline() (time.Time, bool) {
	if c.e == nil {
		return c.parent.Deadline()
	}
	if pd, ok := c.parent.Deadline(); ok && pd.Before(c.e.at) {
		return pd, true
	}
	return c.e.at, true
}

// Done is closed when the deadline passes, the parent is done, or the
// context is released.
func (c *Context) Done() <-chan struct{} { return c.done }

// Err is nil until Done is closed: then context.DeadlineExceeded, the
// parent's error, or context.Canceled after the release.
func (c *Context) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Value returns the parent's value for key.
func (c *Context) Value(key any) any { return c.parent.Value(key) }

// AfterFunc arranges for f to run in its own goroutine once the context is
// done; stop unregisters it and reports whether it did so before f was
// started.
func (c *Context) AfterFunc(f func()) (stop func() bool) {
	a := &afterFunc{f: f}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		a.once.Do(func() { go f() })
		return func() bool { return false }
	}
	c.funcs = append(c.funcs, a)
	c.mu.Unlock()
	return func() bool {
		stopped := false
		a.once.Do(func() { stopped = true })
		c.mu.Lock()
		for i, g := range c.funcs {
			if g == a {
				c.funcs = append(c.funcs[:i], c.funcs[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		return stopped
	}
}

// AfterFunc is context.AfterFunc, registering f with ctx's own AfterFunc
// directly when ctx is a *Context: context.AfterFunc would reach that
// through a context of its own, an allocation and a lock more.
func AfterFunc(ctx context.Context, f func()) (stop func() bool) {
	if c, ok := ctx.(*Context); ok {
		return c.AfterFunc(f)
	}
	return context.AfterFunc(ctx, f)
}

// finish makes the context done with err, once, and starts the functions
// registered with AfterFunc.
func (c *Context) finish(err error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	close(c.done)
	funcs := c.funcs
	c.funcs = nil
	c.mu.Unlock()
	for _, a := range funcs {
		a.once.Do(func() { go a.f() })
	}
}

// stop releases the context: its deadline leaves the heap and it is done
// with context.Canceled (work still waiting on it stops).
func (c *Context) stop() {
	if c.e != nil {
		c.t.mu.Lock()
		c.t.removeLocked(c.e)
		c.t.unwatch(c)
		c.t.mu.Unlock()
	}
	c.finish(context.Canceled)
}
