// Command lambdadirect invokes a Lambda handler process directly: it
// starts the handler with AWS_LAMBDA_RUNTIME_API pointing at a minimal
// Runtime API of its own (net/http), invokes it with an API Gateway proxy
// event as fast as it answers, and prints the median latency of an
// invocation in microseconds. bench/lambda.sh measures the latency
// Archway adds to a Lambda proxy request against it.
//
//	lambdadirect -handler ./hello -c 1 -d 5s
//
// With -c N it runs N handler processes and N invokers, one invocation
// at a time each, as N concurrent requests would.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// event is the proxy event of GET /dev/hello/Ada as Archway and API
// Gateway make it for a client that sends only Host.
const event = `{"resource":"/hello/{name}","path":"/hello/Ada","httpMethod":"GET",` +
	`"headers":{"Host":"127.0.0.1:18350","X-Forwarded-For":"127.0.0.1","X-Forwarded-Port":"18350","X-Forwarded-Proto":"http"},` +
	`"multiValueHeaders":{"Host":["127.0.0.1:18350"],"X-Forwarded-For":["127.0.0.1"],"X-Forwarded-Port":["18350"],"X-Forwarded-Proto":["http"]},` +
	`"queryStringParameters":null,"multiValueQueryStringParameters":null,"pathParameters":{"name":"Ada"},"stageVariables":null,` +
	`"requestContext":{"resourceId":"abc123","resourcePath":"/hello/{name}","httpMethod":"GET","extendedRequestId":"Nq8mCFfUoAMEdPQ=",` +
	`"requestTime":"21/Nov/2026:12:00:00 +0000","path":"/dev/hello/Ada","accountId":"123456789012","protocol":"HTTP/1.1","stage":"dev",` +
	`"domainPrefix":"127","requestTimeEpoch":1795262400000,"requestId":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef",` +
	`"identity":{"cognitoIdentityPoolId":null,"accountId":null,"cognitoIdentityId":null,"caller":null,"sourceIp":"127.0.0.1",` +
	`"principalOrgId":null,"accessKey":null,"cognitoAuthenticationType":null,"cognitoAuthenticationProvider":null,"userArn":null,` +
	`"userAgent":null,"user":null},"domainName":"127.0.0.1","deploymentId":"dep123","apiId":"api123"},"body":null,"isBase64Encoded":false}`

// invocation is one event on its way to a handler and back.
type invocation struct {
	id   string
	done chan []byte
}

// host is the Runtime API the handler processes call.
type host struct {
	queue   chan *invocation
	mu      sync.Mutex
	pending map[string]*invocation
	seq     int
}

func (h *host) invoke() []byte {
	h.mu.Lock()
	h.seq++
	inv := &invocation{id: "req-" + strconv.Itoa(h.seq), done: make(chan []byte, 1)}
	h.pending[inv.id] = inv
	h.mu.Unlock()
	h.queue <- inv
	return <-inv.done
}

func (h *host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	const prefix = "/2018-06-01/runtime/"
	path := strings.TrimPrefix(r.URL.Path, prefix)
	switch {
	case r.Method == http.MethodGet && path == "invocation/next":
		inv := <-h.queue
		hd := w.Header()
		hd.Set("Lambda-Runtime-Aws-Request-Id", inv.id)
		hd.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(time.Minute).UnixMilli(), 10))
		hd.Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:hello")
		hd.Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, event)
	case r.Method == http.MethodPost && strings.HasPrefix(path, "invocation/"):
		id, what, _ := strings.Cut(strings.TrimPrefix(path, "invocation/"), "/")
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		inv := h.pending[id]
		delete(h.pending, id)
		h.mu.Unlock()
		if inv == nil || what != "response" {
			log.Fatalf("lambdadirect: %s for invocation %q: %s", what, id, body)
		}
		w.WriteHeader(http.StatusAccepted)
		inv.done <- body
	default:
		log.Fatalf("lambdadirect: unexpected %s %s", r.Method, r.URL.Path)
	}
}

func main() {
	handler := flag.String("handler", "", "the handler's executable")
	conc := flag.Int("c", 1, "handler processes and concurrent invocations")
	d := flag.Duration("d", 5*time.Second, "how long to invoke")
	flag.Parse()
	if *handler == "" {
		log.Fatal("lambdadirect: -handler is required")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	h := &host{queue: make(chan *invocation), pending: map[string]*invocation{}}
	go func() { log.Fatal(http.Serve(ln, h)) }()
	ctx, cancel := context.WithCancel(context.Background())
	var exited sync.WaitGroup
	for range *conc {
		cmd := exec.CommandContext(ctx, *handler)
		cmd.Env = []string{"AWS_LAMBDA_RUNTIME_API=" + ln.Addr().String(), "AWS_LAMBDA_FUNCTION_NAME=hello",
			"AWS_LAMBDA_FUNCTION_VERSION=$LATEST", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128", "AWS_REGION=us-east-1",
			"PATH=" + os.Getenv("PATH")}
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			log.Fatal(err)
		}
		// A handler that ends before the measurement does would leave
		// its invocations waiting for ever: that fails the run.
		exited.Go(func() {
			err := cmd.Wait()
			if ctx.Err() == nil {
				log.Fatalf("lambdadirect: %s exited during the run: %v", *handler, err)
			}
		})
	}
	for range 500 { // warm up
		if !strings.Contains(string(h.invoke()), `"statusCode":200`) {
			log.Fatal("lambdadirect: the handler did not answer 200")
		}
	}
	var mu sync.Mutex
	var lat []time.Duration
	end := time.Now().Add(*d)
	var wg sync.WaitGroup
	for range *conc {
		wg.Go(func() {
			var mine []time.Duration
			for time.Now().Before(end) {
				t0 := time.Now()
				h.invoke()
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	cancel() // stop the handlers while their Runtime API still answers
	exited.Wait()
	slices.Sort(lat)
	fmt.Println(lat[len(lat)/2].Microseconds())
}
