package server

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Kinds of request body.
const (
	bodyNone = iota
	bodyFixed
	bodyChunked
)

// maxDiscard is how much of a body its handler left unread the server
// reads to keep the connection; with more it closes the connection.
const maxDiscard = 256 << 10

// maxChunkLine bounds a chunk-size or trailer line.
const maxChunkLine = 4 << 10

// errChunk is the error of a malformed chunked body.
var errChunk = errors.New("server: malformed chunked request body")

// body reads a request's body from its connection: Content-Length bytes,
// or chunks (RFC 9112 §7.1), sending 100 Continue first when the client
// asked for it.
type body struct {
	c    *conn
	kind int
	// left is what remains of the body (bodyFixed) or of the current
	// chunk (bodyChunked).
	left int64
	// dataEnd: a chunk's data has been read and its CRLF has not.
	dataEnd bool
	// expect: the client waits for 100 Continue before sending the body.
	expect bool
	err    error
}

// reset prepares b for a request's body.
func (b *body) reset(kind int, n int64, expect bool) {
	b.kind, b.left, b.dataEnd, b.expect, b.err = kind, n, false, expect, nil
}

// Read reads the body.
func (b *body) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.kind == bodyNone {
		return 0, io.EOF
	}
	if b.expect {
		b.expect = false
		if _, err := io.WriteString(b.c.sock, "HTTP/1.1 100 Continue\r\n\r\n"); err != nil {
			b.err = err
			return 0, err
		}
	}
	if b.kind == bodyChunked && b.left == 0 {
		if err := b.nextChunk(); err != nil {
			b.err = err
			return 0, err
		}
	}
	if len(p) == 0 {
		return 0, nil
	}
	n, err := b.c.readBody(p[:min(int64(len(p)), b.left)])
	b.left -= int64(n)
	switch {
	case err == io.EOF:
		err = io.ErrUnexpectedEOF
	case err == nil && b.left == 0 && b.kind == bodyChunked:
		b.dataEnd = true
	case err == nil && b.left == 0:
		err = io.EOF
	}
	if err != nil {
		b.err = err
	}
	return n, err
}

// Close does nothing: the server itself consumes what the handler left.
func (b *body) Close() error { return nil }

// nextChunk reads up to the data of the next chunk; at the last chunk it
// reads the trailer section and returns io.EOF.
func (b *body) nextChunk() error {
	if b.dataEnd {
		line, err := b.c.readLine()
		if err != nil {
			return err
		}
		if len(line) != 0 {
			return errChunk
		}
		b.dataEnd = false
	}
	line, err := b.c.readLine()
	if err != nil {
		return err
	}
	if i := bytes.IndexByte(line, ';'); i >= 0 {
		line = line[:i] // chunk extensions are ignored
	}
	size, err := strconv.ParseUint(strings.TrimRight(string(line), " \t"), 16, 62)
	if err != nil || len(line) == 0 || line[0] == '+' {
		return errChunk
	}
	if size > 0 {
		b.left = int64(size)
		return nil
	}
	for { // the trailer section, discarded
		line, err := b.c.readLine()
		if err != nil {
			return err
		}
		if len(line) == 0 {
			return io.EOF
		}
	}
}

// finish reads and drops what the handler left of the body, up to
// maxDiscard, and reports whether the connection can carry another
// request: not when the body was malformed, too long to drop, or never
// sent because the client still waits for 100 Continue.
func (b *body) finish() bool {
	switch {
	case b.kind == bodyNone || b.err == io.EOF:
		return true
	case b.err != nil || b.expect:
		return false
	}
	n, err := io.CopyN(io.Discard, b, maxDiscard+1)
	return err == io.EOF && n <= maxDiscard
}

// readBody reads body bytes: those already buffered first, then straight
// from the connection when p is at least as large as the buffer.
func (c *conn) readBody(p []byte) (int, error) {
	if c.r == c.w {
		if len(p) >= len(c.buf) {
			return c.sock.Read(p)
		}
		if err := c.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, c.buf[c.r:c.w])
	c.r += n
	return n, nil
}

// readLine reads a line of a chunked body, without its line ending; the
// line is valid until the next read.
func (c *conn) readLine() ([]byte, error) {
	scan := 0
	for {
		if i := bytes.IndexByte(c.buf[c.r+scan:c.w], '\n'); i >= 0 {
			line := c.buf[c.r : c.r+scan+i]
			c.r += scan + i + 1
			return bytes.TrimSuffix(line, []byte{'\r'}), nil
		}
		scan = c.w - c.r
		if scan > maxChunkLine {
			return nil, errChunk
		}
		if err := c.fill(); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}
