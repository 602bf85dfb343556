package runtime

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"time"
)

// The Runtime API paths (version 2018-06-01).
const (
	pathNext      = "/2018-06-01/runtime/invocation/next"
	pathResponse  = "/2018-06-01/runtime/invocation/{id}/response"
	pathError     = "/2018-06-01/runtime/invocation/{id}/error"
	pathInitError = "/2018-06-01/runtime/init/error"
)

func (sb *sandbox) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+pathNext, sb.handleNext)
	mux.HandleFunc("POST "+pathResponse, sb.handleResponse)
	mux.HandleFunc("POST "+pathError, sb.handleError)
	mux.HandleFunc("POST "+pathInitError, sb.handleInitError)
	return mux
}

// handleNext blocks until an invocation arrives and hands it over with the
// Lambda-Runtime-* headers.
func (sb *sandbox) handleNext(w http.ResponseWriter, r *http.Request) {
	sb.initialized.Store(true)
	var inv *invocation
	select {
	case inv = <-sb.next:
	case <-r.Context().Done():
		return
	}
	sb.dispatch(inv)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Lambda-Runtime-Aws-Request-Id", inv.opts.RequestID)
	h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(inv.deadline.UnixMilli(), 10))
	h.Set("Lambda-Runtime-Invoked-Function-Arn", sb.cfg.ARN)
	if inv.opts.TraceID != "" {
		h.Set("Lambda-Runtime-Trace-Id", inv.opts.TraceID)
	}
	if inv.opts.ClientContext != "" {
		h.Set("Lambda-Runtime-Client-Context", inv.opts.ClientContext)
	}
	if inv.opts.CognitoIdentity != "" {
		h.Set("Lambda-Runtime-Cognito-Identity", inv.opts.CognitoIdentity)
	}
	close(inv.delivered)
	_, _ = w.Write(inv.payload)
}

func (sb *sandbox) handleResponse(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize+1))
	tooLarge := err != nil || len(body) > MaxResponseSize
	payload, functionError := body, ""
	if tooLarge {
		payload, functionError = responseTooLarge(), "Unhandled"
	}
	if !sb.answer(r.PathValue("id"), payload, functionError) {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "Invalid request ID")
		return
	}
	if tooLarge {
		writeAPIError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
			"Exceeded maximum allowed payload size ("+strconv.Itoa(MaxResponseSize)+" bytes).")
		return
	}
	writeAccepted(w)
}

// handleError records a function error; the posted body is the error
// payload the invoker receives, byte for byte (Python runtimes post
// errorMessage, errorType, requestId and stackTrace; aws-lambda-go posts
// errorMessage, errorType and an optional stackTrace).
func (sb *sandbox) handleError(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize))
	if len(bytes.TrimSpace(body)) == 0 {
		body = errorPayload(r.Header.Get("Lambda-Runtime-Function-Error-Type"))
	}
	if !sb.answer(r.PathValue("id"), body, "Unhandled") {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "Invalid request ID")
		return
	}
	writeAccepted(w)
}

// handleInitError records an initialisation failure; the process is then
// stopped and the pending invocation fails with the posted payload.
func (sb *sandbox) handleInitError(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize))
	if len(bytes.TrimSpace(body)) == 0 {
		body = errorPayload(r.Header.Get("Lambda-Runtime-Function-Error-Type"))
	}
	sb.initFailed(body)
	writeAccepted(w)
	go func() {
		// Let the runtime read the 202 before the process is stopped.
		time.Sleep(10 * time.Millisecond)
		sb.kill()
	}()
}

// responseTooLarge is the error payload of a response over
// MaxResponseSize.
func responseTooLarge() []byte {
	return []byte(`{"errorMessage":"Response payload size exceeded maximum allowed payload size (` +
		strconv.Itoa(MaxResponseSize) + ` bytes).","errorType":"Function.ResponseSizeTooLarge"}`)
}

// answer ends the invocation id names with its outcome, after forwarding
// the output it wrote; it reports false when id is not the current
// invocation.
func (sb *sandbox) answer(id string, payload []byte, functionError string) bool {
	inv := sb.take(id)
	if inv == nil {
		return false
	}
	sb.endInvocation()
	inv.done <- &Result{RequestID: inv.opts.RequestID, Payload: payload, FunctionError: functionError}
	return true
}

// await waits for the outcome of a dispatched invocation, through the
// init phase of a cold process.
func (sb *sandbox) await(ctx context.Context, inv *invocation, timeout time.Duration) (*Result, bool) {
	if !sb.initialized.Load() {
		init := time.NewTimer(InitTimeout)
		defer init.Stop()
		select {
		case <-inv.delivered:
		case <-sb.exited:
			return sb.exitResult(inv), true
		case <-init.C:
			sb.kill()
			return errorResult(inv, "Runtime.InitTimeout", "Error: Init timed out after "+seconds(InitTimeout)), true
		case <-ctx.Done():
			return nil, false
		}
	}
	return sb.wait(ctx, inv, timeout)
}

// wait waits for the outcome of a warm process's invocation.
func (sb *sandbox) wait(ctx context.Context, inv *invocation, timeout time.Duration) (*Result, bool) {
	select {
	case <-inv.delivered:
	case <-sb.exited:
		return sb.exitResult(inv), true
	case <-ctx.Done():
		return nil, false
	}
	timer := time.NewTimer(time.Until(inv.deadline))
	defer timer.Stop()
	select {
	case res := <-inv.done:
		return res, true
	case <-sb.exited:
		select {
		case res := <-inv.done:
			return res, true
		default:
		}
		return sb.exitResult(inv), true
	case <-timer.C:
		return sb.timedOut(inv, timeout), true
	case <-ctx.Done():
		return nil, false
	}
}

func errorPayload(errorType string) []byte {
	if errorType == "" {
		errorType = "Runtime.Unknown"
	}
	return []byte(`{"errorMessage":"","errorType":"` + jsonSafe(errorType) + `"}`)
}

// jsonSafe drops the characters that would need escaping in a JSON string.
func jsonSafe(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			b = append(b, c)
		}
	}
	return string(b)
}

func writeAccepted(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	_, _ = io.WriteString(w, `{"status":"OK"}`)
}

func writeAPIError(w http.ResponseWriter, status int, errorType, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, `{"errorMessage":"`+message+`","errorType":"`+errorType+`"}`)
}
