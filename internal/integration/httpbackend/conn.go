package httpbackend

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"sync"
	"syscall"
	"time"

	"archway/internal/rawio"
)

// maxHeaderBytes bounds a response's status line and headers, as
// net/http's transport bounds them by default.
const maxHeaderBytes = 10 << 20

// errHeaderTooLarge is the error of a response whose headers exceed
// maxHeaderBytes.
var errHeaderTooLarge = fmt.Errorf("response headers exceed %d bytes", maxHeaderBytes)

// persistConn is one connection to a backend, used by one request at a
// time and kept between requests while both sides allow it.
type persistConn struct {
	conn net.Conn
	// io reads and writes conn: with raw system calls (rawio) when conn
	// is plain TCP.
	io io.ReadWriter
	// raw is the socket under conn, checked for an end or unexpected
	// bytes before an idle connection is reused; nil when conn has none.
	raw syscall.RawConn
	// tls tells whether conn is a TLS connection: bytes waiting on its
	// socket are then TLS records, not an unsolicited response.
	tls bool
	// interruptFunc is interrupt, made once: the end of a request's
	// context calls it.
	interruptFunc func()
	// idleAt is when the connection went back to its pool.
	idleAt time.Time
	// read and written count the bytes of the current request; limit is
	// what may still be read (maxHeaderBytes while the headers are).
	read, written, limit int64
	// writeFailed is set when writing the current request to the
	// connection failed (not reading its body from the client).
	writeFailed bool
	// body reads a response body of known length from the connection's
	// reader (receive).
	body io.LimitedReader
}

// newPersistConn wraps a connection the dialer made; plain is the TCP
// connection under a TLS one (conn itself when not TLS).
func newPersistConn(conn, plain net.Conn) *persistConn {
	pc := &persistConn{conn: conn, io: conn, tls: conn != plain}
	pc.interruptFunc = pc.interrupt
	if rw := rawio.New(conn); rw != nil && !pc.tls {
		pc.io = rw
	}
	if sc, ok := plain.(syscall.Conn); ok {
		pc.raw, _ = sc.SyscallConn()
	}
	return pc
}

// Read reads from the connection for the response reader, counting the
// bytes and refusing to read past limit.
func (pc *persistConn) Read(b []byte) (int, error) {
	if pc.limit <= 0 {
		return 0, errHeaderTooLarge
	}
	if int64(len(b)) > pc.limit {
		b = b[:pc.limit]
	}
	n, err := pc.io.Read(b)
	pc.read += int64(n)
	pc.limit -= int64(n)
	return n, err
}

// Write writes to the connection for the request writer, counting the
// bytes.
func (pc *persistConn) Write(b []byte) (int, error) {
	n, err := pc.io.Write(b)
	pc.written += int64(n)
	if err != nil {
		pc.writeFailed = true
	}
	return n, err
}

// bufioSize is the size of the pooled readers and writers.
const bufioSize = 4 << 10

// readerPool and writerPool hold the buffers a request reads its response
// and writes itself with; an idle connection holds neither.
var (
	readerPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, bufioSize) }}
	writerPool = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, bufioSize) }}
)

// reader returns a pooled reader of pc.
func (pc *persistConn) reader() *bufio.Reader {
	br := readerPool.Get().(*bufio.Reader)
	br.Reset(pc)
	return br
}

// writer returns a pooled writer to pc.
func (pc *persistConn) writer() *bufio.Writer {
	bw := writerPool.Get().(*bufio.Writer)
	bw.Reset(pc)
	return bw
}

// putReader returns br to the pool.
func putReader(br *bufio.Reader) {
	br.Reset(nil)
	readerPool.Put(br)
}

// putWriter returns bw to the pool.
func putWriter(bw *bufio.Writer) {
	bw.Reset(nil)
	writerPool.Put(bw)
}
