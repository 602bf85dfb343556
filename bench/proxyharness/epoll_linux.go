package main

import (
	"fmt"
	"net"
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// serveEpoll serves the epoll mode: one thread waits in epoll_wait with
// raw system calls (no Go scheduler, no poller of the runtime) and copies
// whatever a client sends to its own backend connection, and back. It
// parses nothing, so it relays only what arrives in one read each way
// (the benchmark's small requests and responses): the latency it adds
// is that of the two extra hops between processes alone, the floor under
// any proxy on the machine.
//
// The thread holds its P while it waits, which would stall a garbage
// collection; the collector is off (the relay allocates only per
// connection).
func serveEpoll(listen, backend string) error {
	runtime.LockOSThread()
	debug.SetGCPercent(-1)
	ln, err := tcpSocket(listen, func(fd int, sa syscall.Sockaddr) error {
		if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1); err != nil {
			return err
		}
		if err := syscall.Bind(fd, sa); err != nil {
			return err
		}
		if err := syscall.Listen(fd, 128); err != nil {
			return err
		}
		return syscall.SetNonblock(fd, true)
	})
	if err != nil {
		return err
	}
	ep, err := syscall.EpollCreate1(0)
	if err != nil {
		return err
	}
	if err := watchFd(ep, ln); err != nil {
		return err
	}
	peer := map[int32]int32{}
	buf := make([]byte, 64<<10)
	events := make([]syscall.EpollEvent, 64)
	for {
		n, _, e := syscall.RawSyscall6(syscall.SYS_EPOLL_PWAIT, uintptr(ep),
			uintptr(unsafe.Pointer(&events[0])), uintptr(len(events)), ^uintptr(0), 0, 0)
		switch e {
		case 0:
		case syscall.EINTR:
			continue
		default:
			return e
		}
		for _, ev := range events[:n] {
			fd := ev.Fd
			if int(fd) == ln {
				if err := acceptAll(ep, ln, backend, peer); err != nil {
					return err
				}
				continue
			}
			m, _, e := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
			switch {
			case e == syscall.EAGAIN:
			case e != 0 || m == 0:
				other := peer[fd]
				_ = syscall.Close(int(fd))
				_ = syscall.Close(int(other))
				delete(peer, fd)
				delete(peer, other)
			default:
				_, _, _ = syscall.RawSyscall(syscall.SYS_WRITE, uintptr(peer[fd]), uintptr(unsafe.Pointer(&buf[0])), m)
			}
		}
	}
}

// acceptAll accepts the waiting clients, each with a connection of its
// own to backend.
func acceptAll(ep, ln int, backend string, peer map[int32]int32) error {
	for {
		c, _, err := syscall.Accept4(ln, syscall.SOCK_NONBLOCK)
		if err == syscall.EAGAIN {
			return nil
		}
		if err != nil {
			return err
		}
		b, err := tcpSocket(backend, syscall.Connect)
		if err != nil {
			return err
		}
		for _, fd := range []int{c, b} {
			if err := syscall.SetNonblock(fd, true); err != nil {
				return err
			}
			if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1); err != nil {
				return err
			}
			if err := watchFd(ep, fd); err != nil {
				return err
			}
		}
		peer[int32(c)], peer[int32(b)] = int32(b), int32(c)
	}
}

// tcpSocket makes a TCP socket and calls use with it and addr (an IPv4
// host:port).
func tcpSocket(addr string, use func(fd int, sa syscall.Sockaddr) error) (int, error) {
	a, err := net.ResolveTCPAddr("tcp4", addr)
	if err != nil {
		return -1, err
	}
	sa := &syscall.SockaddrInet4{Port: a.Port}
	copy(sa.Addr[:], a.IP.To4())
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		return -1, err
	}
	if err := use(fd, sa); err != nil {
		_ = syscall.Close(fd)
		return -1, fmt.Errorf("%s: %w", addr, err)
	}
	return fd, nil
}

// watchFd adds fd to the epoll set ep for reading.
func watchFd(ep, fd int) error {
	return syscall.EpollCtl(ep, syscall.EPOLL_CTL_ADD, fd, &syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(fd)})
}
