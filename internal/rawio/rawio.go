// Package rawio reads and writes non-blocking file descriptors (sockets,
// pipes) with raw system calls, still waiting for readiness, deadlines and
// Close through the runtime's poller.
//
// Why: a read or write of a non-blocking descriptor never blocks, so the
// scheduler need not know of it; through net.Conn or os.File every one
// enters and leaves the scheduler's syscall state, and each entry wakes
// the runtime's monitor thread (sysmon) when the process was idle. On a
// lightly loaded server that is a wake-up per request, which on a small
// machine costs about as much as the request's own work.
package rawio

import (
	"io"
	"os"
	"syscall"
	"unsafe"
)

// RW reads and writes one descriptor. It is not safe for concurrent use:
// one reader and one writer at a time, as with the descriptor's owner.
type RW struct {
	rc syscall.RawConn
	// The buffer and outcome of the call in progress, and the method
	// values handed to rc (bound once, so that a call allocates nothing).
	p       []byte
	n       int
	errno   syscall.Errno
	readFn  func(fd uintptr) bool
	writeFn func(fd uintptr) bool
}

// New returns the raw reader and writer of c (a *net.TCPConn, a pipe's
// *os.File), or nil when c has no pollable descriptor, or when the race
// detector is on: it learns that a write happens before the read that
// returns its bytes only from the standard library's reads and writes, so
// under it callers use those.
func New(c any) *RW {
	sc, ok := c.(syscall.Conn)
	if !ok || raceEnabled {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	s := &RW{rc: rc}
	s.readFn, s.writeFn = s.read, s.write
	return s
}

// Read reads once into p.
func (s *RW) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	s.p, s.n, s.errno = p, 0, 0
	err := s.rc.Read(s.readFn)
	s.p = nil
	switch {
	case err != nil:
		return 0, err
	case s.errno != 0:
		return 0, os.NewSyscallError("read", s.errno)
	case s.n == 0:
		return 0, io.EOF
	}
	return s.n, nil
}

// read is one read(2); false asks the poller to wait for readability.
func (s *RW) read(fd uintptr) bool {
	n, e := Read(fd, s.p)
	switch e {
	case syscall.EAGAIN:
		return false
	case 0:
		s.n = n
	default:
		s.errno = e
	}
	return true
}

// Read is read(2) of a non-blocking descriptor as a raw system call,
// repeated when interrupted; p must not be empty.
func Read(fd uintptr, p []byte) (int, syscall.Errno) {
	for {
		n, _, e := syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
		if e != syscall.EINTR {
			return int(n), e
		}
	}
}

// Write writes all of p.
func (s *RW) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	s.p, s.n, s.errno = p, 0, 0
	err := s.rc.Write(s.writeFn)
	n := s.n
	s.p = nil
	switch {
	case err != nil:
		return n, err
	case s.errno != 0:
		return n, os.NewSyscallError("write", s.errno)
	}
	return n, nil
}

// write writes what is left of s.p; false asks the poller to wait for
// writability.
func (s *RW) write(fd uintptr) bool {
	for s.n < len(s.p) {
		rest := s.p[s.n:]
		n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&rest[0])), uintptr(len(rest)))
		switch e {
		case 0:
			s.n += int(n)
		case syscall.EINTR:
		case syscall.EAGAIN:
			return false
		default:
			s.errno = e
			return true
		}
	}
	return true
}
