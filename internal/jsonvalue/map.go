package jsonvalue

import "math/big"

// Map is an insertion-ordered map, the Go form of java.util.LinkedHashMap.
// Keys are normalised with NormKey so that equal Java keys meet.
//
// A Map with Opaque set renders as "" (API Gateway's $context maps do).
type Map struct {
	keys   []any
	vals   []any
	index  map[any]int
	Opaque bool
	// Hidden answers Get for keys the map does not hold, without being
	// one of its entries: API Gateway's $context resolves
	// $context.isCanaryRequest although its keySet() does not list it.
	Hidden *Map
}

// NewMap returns an empty map with room for n entries.
func NewMap(n int) *Map {
	return &Map{keys: make([]any, 0, n), vals: make([]any, 0, n)}
}

// NormKey turns a value into a comparable map key: *big.Int becomes its
// decimal string tagged so it cannot collide with a string key.
func NormKey(k any) any {
	switch v := k.(type) {
	case *big.Int:
		return bigKey(v.String())
	case string, int64, float64, bool, nil:
		return v
	default:
		return k
	}
}

type bigKey string

func (m *Map) lookup(k any) (int, bool) {
	if m.index == nil {
		for i, key := range m.keys {
			if NormKey(key) == k {
				return i, true
			}
		}
		return 0, false
	}
	i, ok := m.index[k]
	return i, ok
}

// Len returns the number of entries.
func (m *Map) Len() int { return len(m.keys) }

// Get returns the value stored under k.
func (m *Map) Get(k any) (any, bool) {
	i, ok := m.lookup(NormKey(k))
	if !ok {
		if m.Hidden != nil {
			return m.Hidden.Get(k)
		}
		return nil, false
	}
	return m.vals[i], true
}

// Has reports whether k is one of the map's entries (Hidden not
// included), as containsKey does.
func (m *Map) Has(k any) bool {
	_, ok := m.lookup(NormKey(k))
	return ok
}

// Put stores v under k, keeping the position of an existing key, and
// returns the previous value (nil if none), as Java's put does.
func (m *Map) Put(k, v any) any {
	nk := NormKey(k)
	if i, ok := m.lookup(nk); ok {
		old := m.vals[i]
		m.vals[i] = v
		return old
	}
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[nk] = len(m.keys) - 1
	} else if len(m.keys) > 32 {
		m.index = make(map[any]int, len(m.keys)*2)
		for i, key := range m.keys {
			m.index[NormKey(key)] = i
		}
	}
	return nil
}

// Append adds an entry whose key the caller knows is not in the map yet,
// without looking for it: for building maps of known, distinct keys.
func (m *Map) Append(k, v any) {
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[NormKey(k)] = len(m.keys) - 1
	}
}

// Remove deletes k and returns its value (nil if absent).
func (m *Map) Remove(k any) any {
	nk := NormKey(k)
	i, ok := m.lookup(nk)
	if !ok {
		return nil
	}
	old := m.vals[i]
	m.keys = append(m.keys[:i], m.keys[i+1:]...)
	m.vals = append(m.vals[:i], m.vals[i+1:]...)
	if m.index != nil {
		delete(m.index, nk)
		for j := i; j < len(m.keys); j++ {
			m.index[NormKey(m.keys[j])] = j
		}
	}
	return old
}

// Clear removes every entry.
func (m *Map) Clear() {
	m.keys, m.vals, m.index = m.keys[:0], m.vals[:0], nil
}

// Keys returns the keys in insertion order. The slice is shared: do not
// modify it.
func (m *Map) Keys() []any { return m.keys }

// Values returns the values in insertion order. The slice is shared: do
// not modify it.
func (m *Map) Values() []any { return m.vals }

// At returns the i-th entry in insertion order.
func (m *Map) At(i int) (key, val any) { return m.keys[i], m.vals[i] }
