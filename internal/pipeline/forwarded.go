package pipeline

import (
	"net"
	"net/http"
	"strconv"
)

// forwarded returns the X-Forwarded-For, X-Forwarded-Port and
// X-Forwarded-Proto values API Gateway sends with a Lambda proxy event and
// an HTTP_PROXY request: the client's X-Forwarded-For followed by its
// address, and the port and scheme it called.
func (x *exchange) forwarded() (forwardedFor, port, proto string) {
	forwardedFor = sourceIP(x.r.RemoteAddr)
	if prev := x.r.Header.Get("X-Forwarded-For"); prev != "" {
		forwardedFor = prev + ", " + forwardedFor
	}
	port, proto = "80", "http"
	if x.r.TLS != nil {
		port, proto = "443", "https"
	}
	switch addr := x.r.Context().Value(http.LocalAddrContextKey).(type) {
	case *net.TCPAddr:
		port = strconv.Itoa(addr.Port)
	case net.Addr:
		if _, p, err := net.SplitHostPort(addr.String()); err == nil {
			port = p
		}
	}
	return forwardedFor, port, proto
}
