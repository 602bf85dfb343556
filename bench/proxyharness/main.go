// Command proxyharness serves the reverse proxies bench/proxy.sh compares
// that are written in Go:
//
//   - -mode reverseproxy: a bare net/http/httputil.ReverseProxy with a
//     buffer pool, the floor any Go proxy starts from;
//   - -mode forward: a byte-copying relay that does no HTTP processing
//     (forward.go), the floor for a proxy written in Go;
//   - -mode epoll: the same relay on one thread waiting in epoll with raw
//     system calls (epoll_linux.go), the floor under any proxy;
//   - -mode archway: Archway's request pipeline with one HTTP_PROXY route
//     (/{proxy+} to the backend) and its HTTP integration, served as
//     `archway serve` serves it (internal/server, its garbage collector
//     target).
package main

import (
	"context"
	"flag"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"archway/internal/compile"
	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/server"
	"archway/internal/source/openapi"
)

// servingGCPercent is the garbage collector's target `archway serve` sets
// unless GOGC is set (cmd/archway/gc.go).
const servingGCPercent = 400

func main() {
	listen := flag.String("listen", "127.0.0.1:18090", "address to listen on")
	backend := flag.String("backend", "http://127.0.0.1:18080", "backend origin")
	mode := flag.String("mode", "archway", "reverseproxy, forward, epoll or archway")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the first -profile-for to this file")
	profileFor := flag.Duration("profile-for", 10*time.Second, "how long -cpuprofile records")
	flag.Parse()
	if *cpuprofile != "" {
		if err := profile(*cpuprofile, *profileFor); err != nil {
			log.Fatal(err)
		}
	}
	switch *mode {
	case "reverseproxy":
		h, err := reverseProxy(*backend)
		if err != nil {
			log.Fatal(err)
		}
		log.Fatal(http.ListenAndServe(*listen, h))
	case "forward":
		u, err := url.Parse(*backend)
		if err != nil {
			log.Fatal(err)
		}
		log.Fatal(serveForward(*listen, u.Host))
	case "epoll":
		u, err := url.Parse(*backend)
		if err != nil {
			log.Fatal(err)
		}
		log.Fatal(serveEpoll(*listen, u.Host))
	case "archway":
		log.Fatal(serveArchway(*listen, *backend))
	default:
		log.Fatalf("proxyharness: unknown mode %q", *mode)
	}
}

// serveArchway serves the archway mode on listen as `archway serve` does.
func serveArchway(listen, backend string) error {
	h, err := archway(backend)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(servingGCPercent)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil)) // wrk cuts connections when it stops
	return server.Serve(context.Background(), server.Options{Logger: quiet}, server.Site{Listener: ln, Handler: h})
}

// profile records a CPU profile into file for d, in the background.
func profile(file string, d time.Duration) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	time.AfterFunc(d, func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	})
	return nil
}

// bufferPool lends httputil.ReverseProxy its copy buffers.
type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() []byte {
	if v, ok := b.p.Get().(*[]byte); ok {
		return *v
	}
	return make([]byte, 32<<10)
}

func (b *bufferPool) Put(buf []byte) { b.p.Put(&buf) }

func reverseProxy(backend string) (http.Handler, error) {
	u, err := url.Parse(backend)
	if err != nil {
		return nil, err
	}
	rp := &httputil.ReverseProxy{
		Rewrite:    func(r *httputil.ProxyRequest) { r.SetURL(u) },
		BufferPool: &bufferPool{},
		// wrk closes its connections mid-request when it stops.
		ErrorLog:  log.New(io.Discard, "", 0),
		Transport: &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: true},
	}
	return rp, nil
}

func archway(backend string) (http.Handler, error) {
	doc := `
openapi: 3.0.1
info: {title: proxy-bench, version: "1"}
paths:
  /{proxy+}:
    x-amazon-apigateway-any-method:
      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: "` + backend + `/{proxy}"}
`
	api, _, err := openapi.Parse("proxy-bench.yaml", []byte(doc))
	if err != nil {
		return nil, err
	}
	p, err := compile.Compile(api, compile.StageConfig{Name: "dev"})
	if err != nil {
		return nil, err
	}
	inv := httpbackend.New(httpbackend.Config{})
	return pipeline.New(p, pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTPProxy: inv, plan.HTTP: inv},
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}), nil
}
