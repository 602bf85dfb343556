package httpbackend

import (
	"crypto/tls"
	"sync"
	"time"
)

// idleTimeout is how long an idle connection is kept for another request.
const idleTimeout = 90 * time.Second

// checkAfter is how long a connection stays idle before it is checked
// for a close by the backend when taken again (persistConn.alive). Backends
// close idle connections after seconds (Node.js after 5, nginx after 75);
// a connection back from a request moments ago is taken unchecked, which
// spares busy backends a system call per request. A connection closed
// sooner fails the request it is taken for, which is sent again on a new
// connection when that is safe (roundTrip).
const checkAfter = 100 * time.Millisecond

// maxIdlePerPool bounds the idle connections kept to one backend.
const maxIdlePerPool = 256

// tlsKey is the TLS settings of a connection.
type tlsKey struct {
	insecure bool
	// serverName is sent as SNI and verified: the integration's
	// serverNameToVerify, else the host of the URI.
	serverName string
}

// poolKey identifies the connections a request may use: those to the same
// address, with the same scheme and TLS settings.
type poolKey struct {
	https bool
	// addr is the backend's host:port.
	addr string
	tls  tlsKey
}

// connPool holds the idle keep-alive connections of one poolKey, the most
// recently used last.
type connPool struct {
	key poolKey
	// tlsConfig configures the connections of an https pool.
	tlsConfig *tls.Config

	mu   sync.Mutex
	idle []*persistConn
	// pruning is set while a prune is scheduled.
	pruning bool
}

// pool returns the pool of key, creating it on first use. Two requests
// racing to create one both get the one stored first.
func (inv *Invoker) pool(key poolKey) *connPool {
	if p, ok := inv.pools.Load(key); ok {
		return p.(*connPool)
	}
	p := &connPool{key: key}
	if key.https {
		p.tlsConfig = &tls.Config{
			MinVersion:         tls.VersionTLS12,
			RootCAs:            inv.cfg.RootCAs,
			ServerName:         key.tls.serverName,
			InsecureSkipVerify: key.tls.insecure, //nolint:gosec // the integration's insecureSkipVerification
			NextProtos:         []string{"http/1.1"},
		}
	}
	actual, _ := inv.pools.LoadOrStore(key, p)
	return actual.(*connPool)
}

// get takes the most recently used idle connection that is still open,
// closing the ones found expired or closed on the way; nil when none is
// left.
func (p *connPool) get() *persistConn {
	for {
		p.mu.Lock()
		n := len(p.idle)
		if n == 0 {
			p.mu.Unlock()
			return nil
		}
		pc := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		idle := time.Since(pc.idleAt)
		if idle < checkAfter || idle < idleTimeout && pc.alive() {
			return pc
		}
		_ = pc.conn.Close()
	}
}

// put keeps pc for another request, unless the pool is full.
func (p *connPool) put(pc *persistConn) {
	pc.idleAt = time.Now()
	p.mu.Lock()
	if len(p.idle) >= maxIdlePerPool {
		p.mu.Unlock()
		_ = pc.conn.Close()
		return
	}
	p.idle = append(p.idle, pc)
	if !p.pruning {
		p.pruning = true
		time.AfterFunc(idleTimeout, p.prune)
	}
	p.mu.Unlock()
}

// prune closes the connections idle for idleTimeout and schedules itself
// again while connections are left.
func (p *connPool) prune() {
	now := time.Now()
	p.mu.Lock()
	n := 0
	for n < len(p.idle) && now.Sub(p.idle[n].idleAt) >= idleTimeout {
		n++
	}
	expired := make([]*persistConn, n)
	copy(expired, p.idle)
	p.idle = append(p.idle[:0], p.idle[n:]...)
	clear(p.idle[len(p.idle):cap(p.idle)])
	if len(p.idle) > 0 {
		time.AfterFunc(idleTimeout-now.Sub(p.idle[0].idleAt), p.prune)
	} else {
		p.pruning = false
	}
	p.mu.Unlock()
	for _, pc := range expired {
		_ = pc.conn.Close()
	}
}

// closeIdle closes every idle connection.
func (p *connPool) closeIdle() {
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, pc := range idle {
		_ = pc.conn.Close()
	}
}
