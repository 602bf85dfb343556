package router

// methodSlot indexes the per-resource method table.
type methodSlot uint8

const (
	slotGET methodSlot = iota
	slotPOST
	slotPUT
	slotDELETE
	slotPATCH
	slotHEAD
	slotOPTIONS
	slotANY
	numSlots
	// slotNone is a request method API Gateway has no method for; only ANY
	// can serve it.
	slotNone = numSlots
)

// slotOf maps an upper-case method name to its slot without allocating.
func slotOf(method string) methodSlot {
	switch method {
	case "GET":
		return slotGET
	case "POST":
		return slotPOST
	case "PUT":
		return slotPUT
	case "DELETE":
		return slotDELETE
	case "PATCH":
		return slotPATCH
	case "HEAD":
		return slotHEAD
	case "OPTIONS":
		return slotOPTIONS
	case "ANY":
		return slotANY
	}
	return slotNone
}

// methodTable maps a slot to the index of that method in Route.Methods, or
// -1 when the resource does not define it.
type methodTable [numSlots]int16

// emptyMethodTable has no method defined.
var emptyMethodTable = methodTable{-1, -1, -1, -1, -1, -1, -1, -1}

// lookup returns the Route.Methods index serving a request with the given
// slot: the exact method, else ANY, else -1.
func (t *methodTable) lookup(s methodSlot) int {
	if s != slotNone && t[s] >= 0 {
		return int(t[s])
	}
	return int(t[slotANY])
}
