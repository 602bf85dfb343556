package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

const petstore = "../../examples/petstore/openapi.yaml"

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger
// and the reads of a test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// served is an archway serve command running in the test process.
type served struct {
	// banner is what serve printed before serving, up to "Press CTRL+C".
	banner []string
	// errOut holds the warnings and the log.
	errOut *syncBuffer
	stop   context.CancelFunc
	// done is closed when the command returned err.
	done chan struct{}
	err  error
}

// startServe runs archway serve with args and waits until it serves.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	s := &served{errOut: &syncBuffer{}, stop: cancel, done: make(chan struct{})}
	cmd := newRootCmd()
	cmd.SetOut(pw)
	cmd.SetErr(s.errOut)
	cmd.SetArgs(append([]string{"serve"}, args...))
	go func() {
		s.err = cmd.ExecuteContext(ctx)
		pw.CloseWithError(io.EOF)
		close(s.done)
	}()
	t.Cleanup(func() {
		cancel()
		<-s.done
	})
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		s.banner = append(s.banner, sc.Text())
		if sc.Text() == "Press CTRL+C to quit" {
			go io.Copy(io.Discard, pr)
			return s
		}
	}
	<-s.done
	t.Fatalf("serve %v stopped before serving: %v\n%s", args, s.err, s.errOut)
	return nil
}

var baseURLPattern = regexp.MustCompile(`http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+`)

// baseURLs returns the stage URLs of the "Serving" lines, in order.
func (s *served) baseURLs() []string {
	var urls []string
	for _, l := range s.banner {
		if strings.HasPrefix(l, "Serving ") {
			urls = append(urls, baseURLPattern.FindString(l))
		}
	}
	return urls
}

type exchange struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	status      int
	headers     map[string]string
	want        string
}

// check sends the request to base and compares the answer.
func (c exchange) check(t *testing.T, base string) {
	t.Helper()
	req, err := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	if resp.StatusCode != c.status || string(got) != c.want {
		t.Errorf("%s: %s %s answered %d %q, want %d %q", c.name, c.method, c.path, resp.StatusCode, got, c.status, c.want)
	}
	for k, v := range c.headers {
		if g := resp.Header.Get(k); g != v {
			t.Errorf("%s: header %s is %q, want %q", c.name, k, g, v)
		}
	}
	if !json.Valid(got) {
		t.Errorf("%s: the body is not valid JSON: %s", c.name, got)
	}
}

const (
	allPets = `[
  {"id": 1, "type": "dog", "name": "Rex", "price": 249.99},
  {"id": 2, "type": "cat", "name": "Tom", "price": 124.5},
  {"id": 3, "type": "fish", "name": "Nemo", "price": 0.99}
]
`
	cats = `[
  {"id": 2, "type": "cat", "name": "Tom", "price": 124.5}
]
`
	missingToken = `{"message":"Missing Authentication Token"}`
)

func TestServePetStore(t *testing.T) {
	s := startServe(t, "--listen", "127.0.0.1:0", petstore)
	urls := s.baseURLs()
	if len(urls) != 1 {
		t.Fatalf("want one API served, got banner:\n%s", strings.Join(s.banner, "\n"))
	}
	base := urls[0]
	wantBanner := []string{
		"Serving PetStore (MOCK) from " + petstore + " at " + base,
		"Mounting GET /pets (MOCK) at " + base + "/pets",
		"Mounting POST /pets (MOCK) at " + base + "/pets",
		"Mounting GET /pets/{petId} (MOCK) at " + base + "/pets/{petId}",
		"Press CTRL+C to quit",
	}
	if strings.Join(s.banner, "\n") != strings.Join(wantBanner, "\n") {
		t.Errorf("banner:\n%s\nwant:\n%s", strings.Join(s.banner, "\n"), strings.Join(wantBanner, "\n"))
	}
	if !strings.HasSuffix(base, "/dev") {
		t.Errorf("the default stage is not dev: %s", base)
	}
	if strings.Contains(s.errOut.String(), "warning") {
		t.Errorf("the example has warnings:\n%s", s.errOut)
	}

	json := map[string]string{"Content-Type": "application/json"}
	for _, c := range []exchange{
		{"list", "GET", "/pets", "", "", 200, json, allPets},
		{"list one type", "GET", "/pets?type=cat", "", "", 200, json, cats},
		{"list a type nobody has", "GET", "/pets?type=bird", "", "", 200, json, "[\n]\n"},
		{"one pet", "GET", "/pets/1", "", "", 200, json,
			`{"id": 1, "type": "dog", "name": "Rex", "price": 249.99}` + "\n"},
		{"no such pet", "GET", "/pets/9", "", "", 404, json, `{"message": "no pet with id 9"}` + "\n"},
		{"an id escapeJavaScript quotes", "GET", "/pets/a'b", "", "", 404, json,
			`{"message": "no pet with id a'b"}` + "\n"},
		{"add", "POST", "/pets", "application/json", `{"name": "Kitty \"K\" O'Hara", "type": "cat"}`, 201,
			map[string]string{"Location": "/pets/4", "Content-Type": "application/json"},
			`{"id": 4, "type": "cat", "name": "Kitty \"K\" O'Hara"}` + "\n"},
		{"add without a type", "POST", "/pets", "application/json", `{"name": "Kitty"}`, 400, json,
			`{"message": "a pet needs a name and a type"}` + "\n"},
		{"add a form", "POST", "/pets", "application/x-www-form-urlencoded", "name=Kitty&type=cat", 415,
			map[string]string{"x-amzn-ErrorType": "UnsupportedMediaTypeException"}, `{"message":"Unsupported Media Type"}`},
		{"unknown path", "GET", "/owners", "", "", 403,
			map[string]string{"x-amzn-ErrorType": "MissingAuthenticationTokenException"}, missingToken},
		{"unknown method", "DELETE", "/pets/1", "", "", 403, nil, missingToken},
	} {
		c.check(t, base)
	}
	exchange{"unknown stage", "GET", "/prod/pets", "", "", 403, nil, missingToken}.
		check(t, strings.TrimSuffix(base, "/dev"))

	s.stop()
	<-s.done
	if s.err != nil {
		t.Errorf("serve after cancel: %v", s.err)
	}
	if !strings.Contains(s.errOut.String(), "msg=stopped") {
		t.Errorf("no clean shutdown in the log:\n%s", s.errOut)
	}
}

func TestServeSeveralDefinitionsOnOneStage(t *testing.T) {
	s := startServe(t, "--listen", "127.0.0.1:0", "--stage", "prod", "--stage-var", "greeting=hello",
		"testdata/mixed.yaml", petstore, "testdata/untitled.yaml")
	urls := s.baseURLs()
	if len(urls) != 3 || urls[0] == urls[1] || urls[1] == urls[2] || urls[0] == urls[2] {
		t.Fatalf("want three APIs on three listeners, got banner:\n%s", strings.Join(s.banner, "\n"))
	}
	for _, want := range []string{
		"Serving Mixed from testdata/mixed.yaml at " + urls[0],
		"Serving testdata/untitled.yaml at " + urls[2],
		"Mounting GET /hello (MOCK) at " + urls[0] + "/hello",
		"Mounting GET /proxy (AWS_PROXY) at " + urls[0] + "/proxy",
		"Mounting GET /pets (MOCK) at " + urls[1] + "/pets",
	} {
		if !strings.Contains(strings.Join(s.banner, "\n"), want) {
			t.Errorf("banner has no %q:\n%s", want, strings.Join(s.banner, "\n"))
		}
	}
	warning := "warning: testdata/mixed.yaml:17: paths./proxy.get.x-amazon-apigateway-integration.type: " +
		`GET /proxy calls a Lambda function, and no function is configured (serve --functions FILE or --function NAME=COMMAND): it answers 500 {"message": "Internal server error"}`
	if !strings.Contains(s.errOut.String(), warning) {
		t.Errorf("no warning %q at startup:\n%s", warning, s.errOut)
	}

	for _, c := range []struct {
		base string
		exchange
	}{
		{urls[0], exchange{"stage and variables", "GET", "/hello", "", "", 200, nil,
			`{"stage": "prod", "greeting": "hello"}`}},
		{urls[0], exchange{"unsupported integration", "GET", "/proxy", "", "", 500, nil,
			`{"message": "Internal server error"}`}},
		{urls[1], exchange{"second API", "GET", "/pets?type=cat", "", "", 200, nil, cats}},
		{urls[2], exchange{"third API", "GET", "/", "", "", 200, nil, "{}"}},
	} {
		c.check(t, c.base)
	}
	if log := s.errOut.String(); !strings.Contains(log, "integration type AWS_PROXY is not supported yet") ||
		!strings.Contains(log, "path=/prod/proxy") {
		t.Errorf("the 500 of the unsupported integration is not explained in the log:\n%s", log)
	}
}

func TestServeRefuses(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cases := []struct {
		name    string
		args    []string
		wantErr string
		wantOut string
	}{
		{"bad stage name", []string{"--stage", "my stage", petstore},
			"--stage: Stage name only allows a-zA-Z0-9_-", ""},
		{"bad stage variable name", []string{"--stage-var", "my-var=x", petstore},
			"--stage-var my-var: Stage variable names can only contain alphanumeric characters and underscores: my-var", ""},
		{"bad stage variable value", []string{"--stage-var", "v=a b", petstore},
			`--stage-var v: Stage variable value of "v" can only contain alphanumeric characters and -._~:/?#&=,`, ""},
		{"stage variable without value", []string{"--stage-var", "v", petstore}, `--stage-var "v": expected NAME=VALUE`, ""},
		{"no definition", nil, "requires at least 1 arg", ""},
		{"missing file", []string{"testdata/nope.yaml", petstore}, "serve: 1 of 2 definitions are invalid; nothing served",
			"openapi: open testdata/nope.yaml: no such file or directory"},
		{"broken definition", []string{"testdata/broken.yaml"}, "serve: 1 of 1 definitions are invalid; nothing served",
			"testdata/broken.yaml:14: paths./orders.post.x-amazon-apigateway-integration.timeoutInMillis: Timeout should be between 50 ms and 29000 ms"},
		{"address without port", []string{"--listen", "127.0.0.1", petstore}, "missing port in address", ""},
		{"address in use", []string{"--listen", busy.Addr().String(), petstore}, "address already in use", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"serve", "--listen", "127.0.0.1:0"}, c.args...)
			out, err := runArchway(t, "", args...)
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, c.wantErr)
			}
			if !strings.Contains(out, c.wantOut) {
				t.Errorf("output has no %q:\n%s", c.wantOut, out)
			}
		})
	}
}

func TestServeStopsOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := archwayProcess(t, "serve", "--listen", "127.0.0.1:0", petstore)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			var base string
			for sc.Scan() && sc.Text() != "Press CTRL+C to quit" {
				if strings.HasPrefix(sc.Text(), "Serving ") {
					base = baseURLPattern.FindString(sc.Text())
				}
			}
			exchange{"before the signal", "GET", "/pets/2", "", "", 200, nil,
				`{"id": 2, "type": "cat", "name": "Tom", "price": 124.5}` + "\n"}.check(t, base)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			go io.Copy(io.Discard, stdout)
			if err := cmd.Wait(); err != nil {
				t.Errorf("archway serve exited with %v after %v:\n%s", err, sig, stderr.String())
			}
			if !strings.Contains(stderr.String(), "msg=stopped") {
				t.Errorf("no clean shutdown in the log:\n%s", stderr.String())
			}
		})
	}
}

// archwayProcess returns a command running this test binary as the archway
// command (see TestMain) with args.
func archwayProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], args...)
	cmd.Env = append(os.Environ(), runAsArchway+"=1")
	return cmd
}

// runProcess runs archway as a process with args to its end and returns its output and
// exit code.
func runProcess(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := archwayProcess(t, args...)
	var errBuf strings.Builder
	cmd.Stderr = &errBuf
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), errBuf.String(), code
}

func TestListenOnePortPerDefinition(t *testing.T) {
	sites, err := listen("127.0.0.1:0", 3)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range sites {
		addr := s.Listener.Addr().String()
		s.Listener.Close()
		if seen[addr] || !strings.HasPrefix(addr, "127.0.0.1:") {
			t.Errorf("port 0: listener on %s (others: %v)", addr, seen)
		}
		seen[addr] = true
	}

	// A given port: the next definitions take the following ports. A free
	// port is found by listening on port 0; its neighbour may be taken, so
	// a few are tried.
	for range 10 {
		probe, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := probe.Addr().(*net.TCPAddr).Port
		probe.Close()
		sites, err := listen(net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 2)
		if err != nil {
			continue
		}
		for i, s := range sites {
			if got := s.Listener.Addr().(*net.TCPAddr).Port; got != port+i {
				t.Errorf("definition %d listens on port %d, want %d", i, got, port+i)
			}
			s.Listener.Close()
		}
		return
	}
	t.Skip("no two consecutive free ports found")
}

func TestBaseURL(t *testing.T) {
	cases := []struct{ addr, want string }{
		{"127.0.0.1:3000", "http://127.0.0.1:3000/dev"},
		{"0.0.0.0:3000", "http://localhost:3000/dev"},
		{"[::]:3000", "http://localhost:3000/dev"},
		{"[::1]:8080", "http://[::1]:8080/dev"},
	}
	for _, c := range cases {
		addr, err := net.ResolveTCPAddr("tcp", c.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := baseURL(addr, "dev"); got != c.want {
			t.Errorf("baseURL(%s) = %s, want %s", c.addr, got, c.want)
		}
	}
}
