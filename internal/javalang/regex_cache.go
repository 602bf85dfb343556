package javalang

import (
	"errors"
	"sync"
)

// regexCache is a bounded, concurrency-safe cache of compiled patterns.
// It keeps two generations of at most size entries: a hit in the older one
// is promoted, and when the current one fills up the older one is dropped.
// Reads of hot patterns take only a read lock.
type regexCache struct {
	size int
	mu   sync.RWMutex
	cur  map[string]cacheEntry
	old  map[string]cacheEntry
}

type cacheEntry struct {
	p   *Pattern
	err error
}

func newRegexCache(size int) *regexCache {
	return &regexCache{size: size, cur: map[string]cacheEntry{}}
}

func (c *regexCache) get(regex string) (*Pattern, error) {
	c.mu.RLock()
	e, ok := c.cur[regex]
	c.mu.RUnlock()
	if ok {
		return e.p, e.err
	}
	c.mu.Lock()
	e, ok = c.old[regex]
	c.mu.Unlock()
	if !ok {
		p, err := Compile(regex)
		var ex *Exception
		if err != nil && (!errors.As(err, &ex) || ex.Class != ClassPatternSyntax) {
			return nil, err // only syntax errors are worth remembering
		}
		e = cacheEntry{p, err}
	}
	c.mu.Lock()
	if len(c.cur) >= c.size {
		c.old, c.cur = c.cur, make(map[string]cacheEntry, c.size)
	}
	c.cur[regex] = e
	c.mu.Unlock()
	return e.p, e.err
}
