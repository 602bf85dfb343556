package apigw

import (
	"sync"

	"archway/internal/jsonpath"
)

// maxCachedPaths bounds a PathCache; templates use few distinct paths,
// but paths built at render time ("$.items[$i]") could be many.
const maxCachedPaths = 4096

// PathCache compiles each JSONPath once and shares it across renders. It
// is safe for concurrent use.
type PathCache struct {
	mu    sync.RWMutex
	paths map[string]*jsonpath.Path
}

// NewPathCache returns an empty cache.
func NewPathCache() *PathCache {
	return &PathCache{paths: make(map[string]*jsonpath.Path)}
}

// Compile returns the compiled path, compiling it on first use.
func (c *PathCache) Compile(path string) (*jsonpath.Path, error) {
	c.mu.RLock()
	p, ok := c.paths[path]
	c.mu.RUnlock()
	if ok {
		return p, nil
	}
	p, err := jsonpath.Compile(path)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.paths) >= maxCachedPaths {
		clear(c.paths)
	}
	c.paths[path] = p
	c.mu.Unlock()
	return p, nil
}
