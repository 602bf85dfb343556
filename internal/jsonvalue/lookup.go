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
		return m.lookupHidden(key)
	}
	i, ok := m.index[key]
	if !ok {
		return m.lookupHidden(key)
	}
	return m.vals[i], true
}

func (m *Map) lookupHidden(key string) (any, bool) {
	if m.Hidden != nil {
		return m.Hidden.Lookup(key)
	}
	return nil, false
}
