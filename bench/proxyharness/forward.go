package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
)

// serveForward serves the forward mode, relaying to backend (host:port): each client connection gets a
// connection of its own to the backend, and every request head is
// copied to it unchanged and the response copied back, parsed only as
// far as its framing. It understands just what the benchmark sends
// (requests without a body, responses with a Content-Length), and does
// no HTTP processing at all: the latency it adds is that of the two
// extra hops between processes and of the Go scheduler, the floor for a
// proxy written in Go.
func serveForward(listen, backend string) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go forward(c, backend)
	}
}

// forward relays the requests of client c to backend until either side
// closes or sends what forward does not understand.
func forward(c net.Conn, backend string) {
	defer c.Close()
	b, err := net.Dial("tcp", backend)
	if err != nil {
		return
	}
	defer b.Close()
	in, out := bufio.NewReader(c), bufio.NewReader(b)
	for {
		req, err := readHead(in)
		if err != nil {
			return
		}
		if _, err := b.Write(req); err != nil {
			return
		}
		resp, err := readHead(out)
		if err != nil {
			return
		}
		n, err := contentLength(resp)
		if err != nil {
			return
		}
		msg := make([]byte, len(resp)+n)
		copy(msg, resp)
		if _, err := io.ReadFull(out, msg[len(resp):]); err != nil {
			return
		}
		if _, err := c.Write(msg); err != nil {
			return
		}
	}
}

// readHead reads a message head, through the empty line that ends it.
func readHead(r *bufio.Reader) ([]byte, error) {
	var head []byte
	for {
		line, err := r.ReadSlice('\n')
		if err != nil {
			return nil, err
		}
		head = append(head, line...)
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			return head, nil
		}
	}
}

// contentLength returns the Content-Length a response head declares.
func contentLength(head []byte) (int, error) {
	for _, line := range bytes.Split(head, []byte("\r\n")) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && bytes.EqualFold(name, []byte("Content-Length")) {
			return strconv.Atoi(string(bytes.TrimSpace(value)))
		}
	}
	return 0, errors.New("forward: response without Content-Length")
}
