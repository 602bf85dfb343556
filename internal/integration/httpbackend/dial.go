package httpbackend

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"time"
)

// errHandshakeTimeout is the error of a TLS handshake that took longer
// than Config.DialTimeout.
var errHandshakeTimeout = errors.New("TLS handshake timeout")

// dial opens a connection of p: TCP within Config.DialTimeout, then for
// https a TLS handshake (TLS 1.2 or later, HTTP/1.1 by ALPN) within it
// again. ctx ends both.
func (inv *Invoker) dial(ctx context.Context, p *connPool) (*persistConn, error) {
	d := net.Dialer{Timeout: inv.cfg.DialTimeout, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", p.key.addr)
	if err != nil {
		return nil, err
	}
	if !p.key.https {
		return newPersistConn(conn, conn), nil
	}
	tc := tls.Client(conn, p.tlsConfig)
	hctx, cancel := context.WithTimeout(ctx, inv.cfg.DialTimeout)
	defer cancel()
	if err := tc.HandshakeContext(hctx); err != nil {
		_ = conn.Close()
		if ctx.Err() == nil && hctx.Err() != nil {
			return nil, errHandshakeTimeout
		}
		return nil, err
	}
	return newPersistConn(tc, conn), nil
}
