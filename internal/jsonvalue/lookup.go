package jsonvalue

// Lookup returns the value stored under the string key, as Get does,
// without boxing the key for small maps.
func (m *Map) Lookup(key string) (any, bool) {
	if m.index == nil {
		for i, k := range m.keys {
			if s, ok := k.(string); ok && s == key {
				return m.vals[i], true
			}
		}
		return nil, false
	}
	i, ok := m.index[key]
	if !ok {
		return nil, false
	}
	return m.vals[i], true
}
