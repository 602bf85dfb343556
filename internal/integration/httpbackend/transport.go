package httpbackend

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// tlsKey identifies the TLS settings a transport serves: requests with the
// same settings share its keep-alive connections.
type tlsKey struct {
	insecure   bool
	serverName string
}

// transport returns the shared transport for key, creating it on first
// use. Two requests racing to create one both get the one stored first.
func (inv *Invoker) transport(key tlsKey) *http.Transport {
	if t, ok := inv.transports.Load(key); ok {
		return t.(*http.Transport)
	}
	d := &net.Dialer{Timeout: inv.cfg.DialTimeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		// Backends are called directly, as API Gateway calls them: no
		// proxy from the environment.
		Proxy:               nil,
		DialContext:         d.DialContext,
		MaxIdleConns:        1024,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: inv.cfg.DialTimeout,
		// API Gateway sends no Accept-Encoding of its own and returns
		// what the backend sent, compressed or not.
		DisableCompression: true,
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			RootCAs:            inv.cfg.RootCAs,
			ServerName:         key.serverName,
			InsecureSkipVerify: key.insecure, //nolint:gosec // the integration's insecureSkipVerification
		},
	}
	actual, _ := inv.transports.LoadOrStore(key, t)
	return actual.(*http.Transport)
}
