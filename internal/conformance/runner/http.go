package runner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"archway/internal/compile"
	"archway/internal/conformance"
	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/model"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/server"
	"archway/internal/source/openapi"
)

// ioTimeout bounds each exchange with the in-process gateway.
const ioTimeout = 30 * time.Second

// runHTTP executes an http vector (FORMAT.md 4.4) and returns the
// mismatches with its expectation.
func runHTTP(v *conformance.Vector) ([]string, error) {
	values := placeholderValues
	var fixture *httpFixture
	if v.Backend != nil && strings.HasPrefix(v.Backend.Fixture, "http:") {
		var err error
		if fixture, err = startHTTPFixture(v.Backend); err != nil {
			return nil, err
		}
		defer fixture.Close()
		values = maps.Clone(placeholderValues)
		values["http_backend_origin"] = fixture.origin()
		values["http_backend_host"] = fixture.host()
	}
	var fn *lambdaFixture
	if v.Backend != nil && strings.HasPrefix(v.Backend.Fixture, "lambda:") {
		var err error
		if fn, err = startLambdaFixture(v.Backend); err != nil {
			return nil, err
		}
		defer fn.Close()
	}
	v, err := v.Substitute(values)
	if err != nil {
		return nil, err
	}
	p, err := deploy(v)
	if err != nil {
		return nil, err
	}
	ca, err := runCA()
	if err != nil {
		return nil, err
	}
	backend := httpbackend.New(httpbackend.Config{RootCAs: ca.authority.Pool})
	defer backend.Close()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	invokers := map[plan.IntegrationType]integration.Invoker{plan.HTTP: backend, plan.HTTPProxy: backend}
	if fn != nil {
		invokers[plan.AWS], invokers[plan.AWSProxy] = fn, fn
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &server.HTTP1{Handler: pipeline.New(p, pipeline.Options{Logger: quiet, Invokers: invokers}), Logger: quiet}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	addr := ln.Addr().String()
	// Host-based addressing (FORMAT.md 4.4): the Host header names the API
	// as execute-api's does, so that $context.domainName, domainPrefix and
	// the proxy event's Host agree as they did on AWS.
	host := p.APIID + ".execute-api." + placeholderValues["region"] + ".amazonaws.com"
	cmp := conformance.NewComparer()
	for i, sr := range v.SetupRequests {
		got, err := send(addr, host, v.Stage.Name, &sr.Request)
		if err != nil {
			return nil, fmt.Errorf("setup request %d: %w", i, err)
		}
		if got.Status != sr.ExpectStatus {
			return []string{fmt.Sprintf("setup request %d: status %d, want %d", i, got.Status, sr.ExpectStatus)}, nil
		}
	}
	if fixture != nil {
		fixture.reset()
	}
	if fn != nil {
		fn.reset()
	}
	got, err := send(addr, host, v.Stage.Name, v.Request)
	if err != nil {
		return nil, err
	}
	if fixture != nil {
		got.BackendReceived = &conformance.BackendRecord{HTTP: fixture.last()}
	}
	if fn != nil {
		got.BackendReceived = fn.record()
	}
	var out []string
	for _, m := range cmp.Compare(v.Expect, got) {
		out = append(out, m.String())
	}
	return out, nil
}

// deploy imports the vector's API and compiles it for its stage.
func deploy(v *conformance.Vector) (*plan.Plan, error) {
	api, err := importAPI(v.ID, v.API)
	if err != nil {
		return nil, err
	}
	if api.ID == "" {
		// AWS's REST API ids are 10 lower-case letters and digits.
		api.ID = model.StableID(10, "restapi", v.ID)
	}
	st := compile.StageConfig{Name: v.Stage.Name, AccountID: placeholderValues["account_id"]}
	for _, k := range sortedKeys(v.Stage.Variables) {
		st.Variables.Set(k, v.Stage.Variables[k])
	}
	if c := v.Stage.CanarySettings; c != nil {
		capi := api
		if len(c.API) > 0 {
			if capi, err = importAPI(v.ID+".canary", c.API); err != nil {
				return nil, err
			}
		}
		st.Canary = &compile.Canary{PercentTraffic: c.PercentTraffic, API: capi}
		for _, k := range sortedKeys(c.StageVariableOverrides) {
			st.Canary.StageVariableOverrides.Set(k, c.StageVariableOverrides[k])
		}
	}
	return compile.Compile(api, st)
}

func importAPI(name string, doc json.RawMessage) (*model.RestApi, error) {
	api, _, err := openapi.Parse(name+".json", doc)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return api, nil
}

// send writes the request on a fresh connection to addr exactly as the
// vector gives it (FORMAT.md 6.1), with Host: host, and reads the response.
func send(addr, host, stage string, req *conformance.Request) (*conformance.Actual, error) {
	body, err := req.Body()
	if err != nil {
		return nil, err
	}
	conn, err := net.DialTimeout("tcp", addr, ioTimeout)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(ioTimeout))
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.Target(stage), host)
	hasLength := false
	for _, h := range req.Headers {
		if strings.EqualFold(h.Name, "Content-Length") || strings.EqualFold(h.Name, "Transfer-Encoding") {
			hasLength = true
		}
		fmt.Fprintf(&b, "%s: %s\r\n", h.Name, h.Value)
	}
	chunked := req.TransferEncoding == "chunked"
	if chunked && !hasLength {
		b.WriteString("Transfer-Encoding: chunked\r\n")
	} else if !hasLength && len(body) > 0 {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	if chunked {
		if len(body) > 0 {
			fmt.Fprintf(&b, "%x\r\n%s\r\n", len(body), body)
		}
		b.WriteString("0\r\n\r\n")
	} else {
		b.Write(body)
	}
	if _, err := conn.Write(b.Bytes()); err != nil {
		return nil, err
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, &http.Request{Method: req.Method})
	// Interim responses (100 Continue to an Expect header) precede the
	// final one, which is what the recording client saw.
	for err == nil && resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
		resp, err = http.ReadResponse(br, &http.Request{Method: req.Method})
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	headers := http.Header{}
	for k, vs := range resp.Header {
		headers[k] = []string{strings.Join(vs, ", ")}
	}
	if resp.ContentLength >= 0 && headers.Get("Content-Length") == "" && len(resp.TransferEncoding) == 0 {
		headers.Set("Content-Length", strconv.FormatInt(resp.ContentLength, 10))
	}
	return &conformance.Actual{Status: resp.StatusCode, Headers: headers, Body: got}, nil
}
