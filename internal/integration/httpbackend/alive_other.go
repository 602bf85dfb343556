//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package httpbackend

// alive reports whether an idle connection can carry another request.
// Without a way to peek at the socket here, it is assumed to; a reused
// connection that turns out closed is retried for replayable requests.
func (pc *persistConn) alive() bool { return true }
