package model

import (
	"bytes"
	"encoding/json"
)

// Entry is one member of a StringMap.
type Entry struct {
	Key   string
	Value string
}

// StringMap is a string-to-string map that keeps insertion order, as AWS
// does for request parameters, mapping templates and response parameters.
// An empty template value is what AWS stores as null: AWS turns "" into null
// and treats both alike. A nil StringMap is an absent member; an empty
// non-nil one is a member given as {} (AWS returns the two differently).
type StringMap []Entry

// Get returns the value stored under key.
func (m StringMap) Get(key string) (string, bool) {
	for _, e := range m {
		if e.Key == key {
			return e.Value, true
		}
	}
	return "", false
}

// Has reports whether key is present.
func (m StringMap) Has(key string) bool {
	_, ok := m.Get(key)
	return ok
}

// Set stores value under key, replacing an existing value in place (the key
// keeps its position) or appending a new entry.
func (m *StringMap) Set(key, value string) {
	for i := range *m {
		if (*m)[i].Key == key {
			(*m)[i].Value = value
			return
		}
	}
	*m = append(*m, Entry{Key: key, Value: value})
}

// Delete removes key, keeping the order of the others.
func (m *StringMap) Delete(key string) {
	for i := range *m {
		if (*m)[i].Key == key {
			*m = append((*m)[:i], (*m)[i+1:]...)
			return
		}
	}
}

// Keys returns the keys in order.
func (m StringMap) Keys() []string {
	keys := make([]string, len(m))
	for i, e := range m {
		keys[i] = e.Key
	}
	return keys
}

// MarshalJSON writes the map as a JSON object with its members in order,
// or null for a nil (absent) map.
func (m StringMap) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(e.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(e.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
