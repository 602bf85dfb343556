package lambdafixtures

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

// Serve runs f as a Lambda Runtime API client against api (the
// AWS_LAMBDA_RUNTIME_API host:port) until ctx ends or the API fails: it
// fetches each invocation and posts the outcome to /response or /error.
func Serve(ctx context.Context, api string, f Fixture) error {
	base := "http://" + api + "/2018-06-01/runtime/invocation/"
	client := &http.Client{}
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"next", nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("lambdafixtures: invocation/next: %w", err)
		}
		event, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return fmt.Errorf("lambdafixtures: invocation/next: %s %v", resp.Status, err)
		}
		id := resp.Header.Get("Lambda-Runtime-Aws-Request-Id")
		out := f(id, event)
		target := base + id + "/response"
		if out.Error {
			target = base + id + "/error"
		}
		post, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(out.Payload))
		if err != nil {
			return err
		}
		post.Header.Set("Content-Type", "application/json")
		if out.Error {
			post.Header.Set("Lambda-Runtime-Function-Error-Type", out.ErrorType)
		}
		presp, err := client.Do(post)
		if err != nil {
			return fmt.Errorf("lambdafixtures: posting the outcome: %w", err)
		}
		_, _ = io.Copy(io.Discard, presp.Body)
		presp.Body.Close()
		if presp.StatusCode != http.StatusAccepted {
			return fmt.Errorf("lambdafixtures: posting the outcome: %s", presp.Status)
		}
	}
}

// ReportInitError posts an initialisation failure to the Runtime API, as
// runtime clients do before exiting.
func ReportInitError(ctx context.Context, api string, cause error) error {
	payload := PyJSON(nil, Obj(Member{"errorMessage", Str(cause.Error())}, Member{"errorType", Str("Runtime.InitError")}))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+api+"/2018-06-01/runtime/init/error", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Lambda-Runtime-Function-Error-Type", "Runtime.InitError")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
