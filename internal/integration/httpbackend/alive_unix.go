//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package httpbackend

import "syscall"

// alive reports whether an idle connection can carry another request: the
// backend has not closed it and, unless it is a TLS connection, has sent
// nothing unasked (such as a 408 before closing). It peeks at the socket
// without waiting: one system call, which spares a request the write to a
// connection that is gone (a non-idempotent one could not be sent again).
func (pc *persistConn) alive() bool {
	if pc.raw == nil {
		return true
	}
	var b [1]byte
	var n int
	var perr error
	err := pc.raw.Read(func(fd uintptr) bool {
		n, _, perr = syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		return true
	})
	switch {
	case err != nil:
		return false
	case perr == syscall.EAGAIN || perr == syscall.EWOULDBLOCK:
		return true // nothing to read: still open
	case perr != nil || n == 0:
		return false // an error or the end
	}
	// Bytes are waiting: TLS records (a session ticket) are the TLS
	// layer's business; anything else is a response nobody asked for.
	return pc.tls
}
