package jsonvalue

import (
	"fmt"
	"math/big"
	"testing"
)

func TestMapKeepsInsertionOrder(t *testing.T) {
	for _, n := range []int{3, 40} { // below and above the index threshold
		m := NewMap(0)
		for i := range n {
			m.Put(fmt.Sprint("k", i), int64(i))
		}
		if old := m.Put("k1", "x"); old != int64(1) {
			t.Fatalf("Put returned %v, want the previous value 1", old)
		}
		if k, v := m.At(1); k != "k1" || v != "x" {
			t.Fatalf("n=%d: replaced entry moved: %v=%v", n, k, v)
		}
		if got := m.Remove("k0"); got != int64(0) || m.Len() != n-1 || m.Has("k0") {
			t.Fatalf("n=%d: Remove: got %v, len %d", n, got, m.Len())
		}
		for i := 1; i < n; i++ {
			if v, ok := m.Get(fmt.Sprint("k", i)); !ok || (i > 1 && v != int64(i)) {
				t.Fatalf("n=%d: Get(k%d) = %v, %v after Remove", n, i, v, ok)
			}
			if k, _ := m.At(i - 1); k != fmt.Sprint("k", i) {
				t.Fatalf("n=%d: At(%d) = %v", n, i-1, k)
			}
		}
	}
}

func TestMapKeys(t *testing.T) {
	m := NewMap(0)
	m.Put(int64(1), "int")
	m.Put("1", "string")
	m.Put(big.NewInt(1), "big")
	if m.Len() != 3 {
		t.Fatalf("Integer 1, \"1\" and BigInteger 1 are different keys; got %d entries", m.Len())
	}
	if v, _ := m.Get(big.NewInt(1)); v != "big" {
		t.Errorf("big key: %v", v)
	}
	if ToString(m) != "{1=int, 1=string, 1=big}" {
		t.Errorf("toString: %s", ToString(m))
	}
}

func TestMapHiddenAndAppend(t *testing.T) {
	m := NewMap(2)
	m.Append("a", "1")
	m.Append("b", "2")
	m.Hidden = NewMap(1)
	m.Hidden.Put("secret", "s")
	if v, ok := m.Get("secret"); !ok || v != "s" {
		t.Errorf("Get of a hidden member: %v %v", v, ok)
	}
	if v, ok := m.Lookup("secret"); !ok || v != "s" {
		t.Errorf("Lookup of a hidden member: %v %v", v, ok)
	}
	if m.Has("secret") || m.Len() != 2 || ToString(m) != "{a=1, b=2}" {
		t.Errorf("hidden members must not be entries: Has=%v Len=%d %s", m.Has("secret"), m.Len(), ToString(m))
	}
	if c := Clone(m).(*Map); c.Hidden != m.Hidden {
		t.Error("Clone must keep the hidden members")
	}
}
