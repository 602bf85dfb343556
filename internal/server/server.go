package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// DefaultShutdownTimeout is how long Serve waits for requests in flight when
// Options.ShutdownTimeout is zero: a little more than the longest
// integration timeout API Gateway allows (29 s), so that any request that
// could succeed on AWS finishes.
const DefaultShutdownTimeout = 30 * time.Second

// MaxHeaderBytes is API Gateway's limit on the request line plus headers
// (10,240 bytes); HTTP1 refuses a larger request head with 431. AWS's
// exact answer to an oversized header has not been recorded.
const MaxHeaderBytes = 10240

// readHeaderTimeout bounds how long a client may take to send the request
// line and headers; idleTimeout closes keep-alive connections nobody uses.
// AWS documents neither; these are common reverse-proxy values.
const (
	readHeaderTimeout = 30 * time.Second
	idleTimeout       = 60 * time.Second
)

// Site is one listener and the handler serving it.
type Site struct {
	Listener net.Listener
	Handler  http.Handler
}

// Options configure Serve.
type Options struct {
	// ShutdownTimeout bounds the wait for requests in flight once the
	// context is done; DefaultShutdownTimeout when zero.
	ShutdownTimeout time.Duration
	// Logger receives the lifecycle messages and handler panics and accept
	// errors; slog.Default() when nil.
	Logger *slog.Logger
}

// Serve serves every site until ctx is done or one of the listeners fails,
// then shuts all of them down gracefully. It returns nil after a clean
// shutdown requested through ctx; otherwise the listener failures and
// the shutdowns that timed out, joined. Serve closes the listeners.
func Serve(ctx context.Context, opts Options, sites ...Site) error {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	timeout := opts.ShutdownTimeout
	if timeout <= 0 {
		timeout = DefaultShutdownTimeout
	}
	servers := make([]*HTTP1, len(sites))
	done := make(chan error, len(sites))
	for i, s := range sites {
		srv := &HTTP1{Handler: s.Handler, Logger: log}
		servers[i] = srv
		addr := s.Listener.Addr().String()
		log.Info("listening", "addr", addr)
		go func() {
			err := srv.Serve(s.Listener)
			if errors.Is(err, http.ErrServerClosed) {
				err = nil
			} else {
				err = fmt.Errorf("server: %s: %w", addr, err)
			}
			done <- err
		}()
	}

	var errs []error
	running := len(sites)
	select {
	case <-ctx.Done():
	case err := <-done:
		running--
		errs = append(errs, err)
	}
	log.Info("shutting down", "timeout", timeout)
	errs = append(errs, shutdown(sites, servers, timeout, log))
	for ; running > 0; running-- {
		errs = append(errs, <-done)
	}
	return errors.Join(errs...)
}

// shutdown stops every server, waiting at most timeout for the requests in
// flight, and closes the connections of those that did not finish in time.
func shutdown(sites []Site, servers []*HTTP1, timeout time.Duration, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	errc := make(chan error, len(servers))
	for i, srv := range servers {
		addr := sites[i].Listener.Addr().String()
		go func() {
			if err := srv.Shutdown(ctx); err != nil {
				srv.Close()
				errc <- fmt.Errorf("server: %s: requests still in flight after %v were cut off: %w", addr, timeout, err)
				return
			}
			errc <- nil
		}()
	}
	var errs []error
	for range servers {
		errs = append(errs, <-errc)
	}
	err := errors.Join(errs...)
	if err == nil {
		log.Info("stopped")
	}
	return err
}
