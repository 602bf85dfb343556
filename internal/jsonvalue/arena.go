package jsonvalue

import "unsafe"

// arena hands out the values of one parsed document from a few blocks, so
// that parsing costs a handful of allocations however many values the
// document holds: maps, lists, the slices of their entries, and the
// scalars boxed into interfaces.
//
// Scalars are boxed by pointing an interface at an element of a typed
// block, which is what the runtime's own boxing does with a fresh
// allocation. Elements are never written again once boxed, and a block
// stays alive as long as any interface points into it.
type arena struct {
	maps   []Map
	lists  []List
	slots  []any
	strs   []string
	floats []float64
	ints   []int64
	hint   int // block size to start from, from the document's length
}

func newArena(docLen int) arena { return arena{hint: docLen/32 + 4} }

// eface is the layout of an empty interface.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func typeWord(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).typ }

var (
	stringTypeWord  = typeWord("")
	float64TypeWord = typeWord(float64(0))
	int64TypeWord   = typeWord(int64(0))
)

func boxed(typ, data unsafe.Pointer) any {
	e := eface{typ: typ, data: data}
	return *(*any)(unsafe.Pointer(&e))
}

// grow returns a new block size: at least need, doubling from the hint.
func (a *arena) grow(have, need int) int {
	n := max(2*have, a.hint, need)
	return n
}

func (a *arena) str(s string) any {
	if len(a.strs) == cap(a.strs) {
		a.strs = make([]string, 0, a.grow(cap(a.strs), 1))
	}
	a.strs = append(a.strs, s)
	return boxed(stringTypeWord, unsafe.Pointer(&a.strs[len(a.strs)-1]))
}

func (a *arena) float(f float64) any {
	if len(a.floats) == cap(a.floats) {
		a.floats = make([]float64, 0, a.grow(cap(a.floats), 1)/2+1)
	}
	a.floats = append(a.floats, f)
	return boxed(float64TypeWord, unsafe.Pointer(&a.floats[len(a.floats)-1]))
}

func (a *arena) int(n int64) any {
	if n >= 0 && n < 256 {
		return n // the runtime boxes small integers without allocating
	}
	if len(a.ints) == cap(a.ints) {
		a.ints = make([]int64, 0, a.grow(cap(a.ints), 1)/2+1)
	}
	a.ints = append(a.ints, n)
	return boxed(int64TypeWord, unsafe.Pointer(&a.ints[len(a.ints)-1]))
}

// take returns n slots with capacity n, so that an append by a template
// reallocates instead of overwriting a neighbour.
func (a *arena) take(n int) []any {
	if n == 0 {
		return nil
	}
	if len(a.slots)+n > cap(a.slots) {
		a.slots = make([]any, 0, max(2*cap(a.slots), 2*a.hint, n))
	}
	s := a.slots[len(a.slots) : len(a.slots)+n : len(a.slots)+n]
	a.slots = a.slots[:len(a.slots)+n]
	return s
}

func (a *arena) newMap() *Map {
	if len(a.maps) == cap(a.maps) {
		a.maps = make([]Map, 0, a.grow(cap(a.maps), 1)/4+1)
	}
	a.maps = a.maps[:len(a.maps)+1]
	return &a.maps[len(a.maps)-1]
}

func (a *arena) newList() *List {
	if len(a.lists) == cap(a.lists) {
		a.lists = make([]List, 0, a.grow(cap(a.lists), 1)/4+1)
	}
	a.lists = a.lists[:len(a.lists)+1]
	return &a.lists[len(a.lists)-1]
}

// Arena builds many values with a few allocations, for code that makes
// the same structures on every request (API Gateway's $context). The
// values stay valid after the Arena is dropped. An Arena is not safe for
// concurrent use.
type Arena struct{ a arena }

// NewArena returns an arena whose blocks start at about n values.
func NewArena(n int) *Arena { return &Arena{a: arena{hint: max(n, 4)}} }

// NewMap returns an empty map with room for n entries: the first n Puts
// do not allocate.
func (a *Arena) NewMap(n int) *Map {
	m := a.a.newMap()
	m.keys = a.a.take(n)[:0]
	m.vals = a.a.take(n)[:0]
	return m
}

// String returns s boxed without an allocation of its own.
func (a *Arena) String(s string) any { return a.a.str(s) }

// Int returns n boxed without an allocation of its own.
func (a *Arena) Int(n int64) any { return a.a.int(n) }
