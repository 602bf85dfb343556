package rawio_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"archway/internal/rawio"
)

// tcpPair returns both ends of a loopback TCP connection.
func tcpPair(t *testing.T) (client, server net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	client, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server, err = ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close(); server.Close() })
	return client, server
}

// pipePair returns both ends of a pipe.
func pipePair(t *testing.T) (r, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

func TestRoundTrip(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB: more than a socket or pipe buffer holds
	type ends struct {
		writer, reader io.ReadWriteCloser
		rawWriter      any
		rawReader      any
	}
	cases := map[string]func(t *testing.T) ends{
		"tcp": func(t *testing.T) ends {
			c, s := tcpPair(t)
			return ends{writer: c, reader: s, rawWriter: c, rawReader: s}
		},
		"pipe": func(t *testing.T) ends {
			r, w := pipePair(t)
			return ends{writer: w, reader: r, rawWriter: w, rawReader: r}
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			e := mk(t)
			w, r := rawio.New(e.rawWriter), rawio.New(e.rawReader)
			if raceEnabled {
				if w != nil || r != nil {
					t.Fatal("New under the race detector is not nil")
				}
				return
			}
			if w == nil || r == nil {
				t.Fatal("New returned nil for a pollable descriptor")
			}
			done := make(chan error, 1)
			go func() {
				n, err := w.Write(big) // blocks in the poller until the reader catches up
				if err == nil && n != len(big) {
					err = io.ErrShortWrite
				}
				e.writer.Close()
				done <- err
			}()
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, big) {
				t.Fatalf("read %d bytes, want the %d written", len(got), len(big))
			}
			if n, err := r.Read(make([]byte, 1)); n != 0 || err != io.EOF {
				t.Errorf("Read after the end = %d, %v; want 0, EOF", n, err)
			}
		})
	}
}

func TestDeadlineAndClose(t *testing.T) {
	_, s := tcpPair(t)
	rw := rawio.New(s)
	if rw == nil {
		return // the race detector is on: TestRoundTrip checks New's nil
	}
	if err := s.SetReadDeadline(time.Now().Add(20 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Read(make([]byte, 8)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Read past the deadline: %v, want os.ErrDeadlineExceeded", err)
	}
	if err := s.SetReadDeadline(time.Time{}); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() {
		_, err := rw.Read(make([]byte, 8))
		errc <- err
	}()
	time.Sleep(10 * time.Millisecond)
	s.Close()
	if err := <-errc; !errors.Is(err, net.ErrClosed) {
		t.Fatalf("Read of a closed connection: %v, want net.ErrClosed", err)
	}
}

func TestErrors(t *testing.T) {
	c, s := tcpPair(t)
	if err := c.(*net.TCPConn).SetLinger(0); err != nil {
		t.Fatal(err)
	}
	c.Close() // a reset
	rw := rawio.New(s)
	if rw == nil {
		return // the race detector is on: TestRoundTrip checks New's nil
	}
	time.Sleep(10 * time.Millisecond)
	if _, err := rw.Read(make([]byte, 8)); !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("Read of a reset connection: %v, want ECONNRESET", err)
	}
	if rawio.New(struct{}{}) != nil {
		t.Error("New of a value without a descriptor is not nil")
	}
	if n, err := rw.Write(nil); n != 0 || err != nil {
		t.Errorf("Write(nil) = %d, %v", n, err)
	}
}
