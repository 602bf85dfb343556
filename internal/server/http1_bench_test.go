package server_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"

	"archway/internal/server"
)

// benchBody is the 24-byte JSON answer of benchHandler.
const benchBody = `{"message":"hello, you"}`

// benchRequest is the request every benchmark client sends.
const benchRequest = "GET /bench HTTP/1.1\r\nHost: bench\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n"

// benchHandler is the tiny handler both servers run.
func benchHandler(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, benchBody)
}

// BenchmarkHTTP1 measures a keep-alive request and response through HTTP1.
func BenchmarkHTTP1(b *testing.B) {
	s := &server.HTTP1{Handler: http.HandlerFunc(benchHandler), Logger: slog.New(slog.DiscardHandler)}
	benchServer(b, s.Serve, s.Close)
}

// BenchmarkNetHTTP measures the same through net/http's server, for
// comparison.
func BenchmarkNetHTTP(b *testing.B) {
	s := &http.Server{Handler: http.HandlerFunc(benchHandler)}
	benchServer(b, s.Serve, s.Close)
}

// benchServer runs serve on a loopback listener and drives it with
// parallel clients, each on its own keep-alive connection, then stops it
// with stop.
func benchServer(b *testing.B, serve func(net.Listener) error, stop func() error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	served := make(chan struct{})
	go func() {
		serve(ln)
		close(served)
	}()
	defer func() {
		stop()
		<-served
	}()
	addr := ln.Addr().String()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			b.Error(err)
			return
		}
		defer c.Close()
		br := bufio.NewReader(c)
		req := []byte(benchRequest)
		for pb.Next() {
			if _, err := c.Write(req); err != nil {
				b.Error(err)
				return
			}
			if err := readBenchResponse(br); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// errBenchResponse reports a response that is not a 200 with a
// Content-Length.
var errBenchResponse = errors.New("not a 200 response with a Content-Length")

// readBenchResponse reads one response minimally: header lines up to the
// empty line, then Content-Length bytes of body.
func readBenchResponse(br *bufio.Reader) error {
	status, err := br.ReadSlice('\n')
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(status, []byte("HTTP/1.1 200 ")) {
		return errBenchResponse
	}
	length := -1
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		if name, value, ok := bytes.Cut(line, []byte{':'}); ok && len(name) == len("Content-Length") &&
			bytes.EqualFold(name, []byte("Content-Length")) {
			length = 0
			for _, d := range bytes.TrimSpace(value) {
				if d < '0' || d > '9' {
					return errBenchResponse
				}
				length = 10*length + int(d-'0')
			}
		}
	}
	if length < 0 {
		return errBenchResponse
	}
	_, err = br.Discard(length)
	return err
}
