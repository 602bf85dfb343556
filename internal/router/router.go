package router

import (
	"errors"
	"fmt"
)

// Router matches request paths against a fixed set of routes. It is
// immutable after New and safe for concurrent use.
type Router struct {
	root   *node
	routes []compiledRoute
}

// compiledRoute is a route with its parsed path.
type compiledRoute struct {
	path    string
	parts   []part
	nparams int
}

// node is one resource in the tree. Children are keyed by literal text; a
// node has at most one variable child (param or greedy), as on AWS.
type node struct {
	literals map[string]*node
	param    *node
	greedy   *node
	// varPart is the variable child's part, for conflict reporting.
	varPart part
	// route is the index of the route ending here, or -1 for a resource
	// that only exists as a parent.
	route   int
	methods methodTable
}

func newNode() *node {
	return &node{route: -1, methods: emptyMethodTable}
}

// Match is the result of a successful match.
type Match struct {
	// Route is the index of the matched route in the slice given to New.
	Route int
	// Resource is the matched route's path template, e.g. "/pets/{petId}".
	Resource string
	// Method is the method that served the request: the request method, or
	// "ANY" when the resource fell back to it.
	Method string
	// MethodIndex is the index of Method in the route's Methods.
	MethodIndex int
	// Params holds the path variables in path order, values as received
	// (not percent-decoded). Nil when the route has no variables.
	Params Params
}

// New validates routes and builds a Router. Every invalid route is reported;
// errors wrap the Err* values of this package.
func New(routes []Route) (*Router, error) {
	r := &Router{root: newNode(), routes: make([]compiledRoute, len(routes))}
	seen := make(map[string]int, len(routes))
	var errs []error
	for i, rt := range routes {
		if err := r.add(i, rt, seen); err != nil {
			errs = append(errs, fmt.Errorf("router: route %q: %w", rt.Path, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// add inserts route i into the tree.
func (r *Router) add(i int, rt Route, seen map[string]int) error {
	parts, err := parsePath(rt.Path)
	if err != nil {
		return err
	}
	if j, dup := seen[rt.Path]; dup {
		return fmt.Errorf("%w (also route %d)", ErrDuplicatePath, j)
	}
	table := emptyMethodTable
	for k, m := range rt.Methods {
		s := slotOf(m)
		if s == slotNone {
			return fmt.Errorf("%w %q (want GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY)", ErrBadMethod, m)
		}
		if table[s] >= 0 {
			return fmt.Errorf("%w %q", ErrDuplicateMethod, m)
		}
		table[s] = int16(k)
	}
	n := r.root
	for _, p := range parts {
		if n, err = n.child(p); err != nil {
			return err
		}
	}
	seen[rt.Path] = i
	n.route = i
	n.methods = table
	nparams := 0
	for _, p := range parts {
		if p.kind != partLiteral {
			nparams++
		}
	}
	r.routes[i] = compiledRoute{path: rt.Path, parts: parts, nparams: nparams}
	return nil
}

// child returns the child of n for part p, creating it when needed.
func (n *node) child(p part) (*node, error) {
	if p.kind == partLiteral {
		c := n.literals[p.name]
		if c == nil {
			if n.literals == nil {
				n.literals = make(map[string]*node)
			}
			c = newNode()
			n.literals[p.name] = c
		}
		return c, nil
	}
	if n.param != nil || n.greedy != nil {
		if n.varPart != p {
			return nil, fmt.Errorf("%w: %s and %s", ErrSiblingVariable, n.varPart, p)
		}
		if n.param != nil {
			return n.param, nil
		}
		return n.greedy, nil
	}
	c := newNode()
	n.varPart = p
	if p.kind == partGreedy {
		n.greedy = c
	} else {
		n.param = c
	}
	return c, nil
}

// Match finds the route and method serving a request. path is the request
// path after the stage segment, exactly as received (e.g. "/pets/42").
// It reports false when no resource with the method or ANY matches, which
// API Gateway answers with 403 Missing Authentication Token.
func (r *Router) Match(method, path string) (Match, bool) {
	rest := trimSlashes(path)
	slot := slotOf(method)
	n := r.root.find(rest, slot)
	if n == nil {
		return Match{}, false
	}
	cr := &r.routes[n.route]
	m := Match{
		Route:       n.route,
		Resource:    cr.path,
		Method:      method,
		MethodIndex: n.methods.lookup(slot),
	}
	if slot == slotNone || n.methods[slot] < 0 {
		m.Method = "ANY"
	}
	if cr.nparams > 0 {
		m.Params = extract(cr, rest)
	}
	return m, true
}

// find returns the resource node serving rest (a path without leading or
// trailing slashes, "" for the root) for the method slot, or nil. Literal
// children are tried before the variable child, and the greedy child last;
// a branch that fails deeper, or ends at a resource lacking the method,
// falls back to the next alternative.
func (n *node) find(rest string, slot methodSlot) *node {
	if rest == "" {
		if n.route >= 0 && n.methods.lookup(slot) >= 0 {
			return n
		}
		return nil
	}
	seg, tail := cutSegment(rest)
	if seg != "" {
		if c := n.literals[seg]; c != nil {
			if found := c.find(tail, slot); found != nil {
				return found
			}
		}
		if n.param != nil {
			if found := n.param.find(tail, slot); found != nil {
				return found
			}
		}
	}
	if g := n.greedy; g != nil && g.route >= 0 && g.methods.lookup(slot) >= 0 {
		return g
	}
	return nil
}

// extract collects the variable values of route cr from rest, the
// normalised path that matched it. It allocates once.
func extract(cr *compiledRoute, rest string) Params {
	ps := make(Params, 0, cr.nparams)
	for _, p := range cr.parts {
		if p.kind == partGreedy {
			ps = append(ps, Param{Name: p.name, Value: rest})
			break
		}
		seg, tail := cutSegment(rest)
		if p.kind == partParam {
			ps = append(ps, Param{Name: p.name, Value: seg})
		}
		rest = tail
	}
	return ps
}

// cutSegment splits off the first segment of rest.
func cutSegment(rest string) (seg, tail string) {
	for i := 0; i < len(rest); i++ {
		if rest[i] == '/' {
			return rest[:i], rest[i+1:]
		}
	}
	return rest, ""
}

// trimSlashes drops leading and trailing slashes: AWS routes "//x" and
// "/x/" like "/x".
func trimSlashes(path string) string {
	i, j := 0, len(path)
	for i < j && path[i] == '/' {
		i++
	}
	for j > i && path[j-1] == '/' {
		j--
	}
	return path[i:j]
}
