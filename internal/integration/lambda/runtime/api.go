package runtime

import (
	"bytes"
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
	inv.deadline = time.Now().Add(sb.cfg.Timeout)
	sb.mu.Lock()
	sb.current = inv
	sb.mu.Unlock()
	sb.requestID.Store(inv.opts.RequestID)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Lambda-Runtime-Aws-Request-Id", inv.opts.RequestID)
	h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(inv.deadline.UnixMilli(), 10))
	h.Set("Lambda-Runtime-Invoked-Function-Arn", sb.cfg.ARN)
	if inv.opts.TraceID != "" {
		h.Set("Lambda-Runtime-Trace-Id", inv.opts.TraceID)
	}
	close(inv.delivered)
	_, _ = w.Write(inv.payload)
}

// take returns the current invocation if id names it, and clears it: only
// the first response or error counts.
func (sb *sandbox) take(id string) *invocation {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	inv := sb.current
	if inv == nil || inv.opts.RequestID != id {
		return nil
	}
	sb.current = nil
	return inv
}

func (sb *sandbox) handleResponse(w http.ResponseWriter, r *http.Request) {
	inv := sb.take(r.PathValue("id"))
	if inv == nil {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "Invalid request ID")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize+1))
	sb.requestID.Store("")
	if err != nil || len(body) > MaxResponseSize {
		writeAPIError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
			"Exceeded maximum allowed payload size ("+strconv.Itoa(MaxResponseSize)+" bytes).")
		inv.done <- &Result{RequestID: inv.opts.RequestID, FunctionError: "Unhandled",
			Payload: []byte(`{"errorMessage":"Response payload size exceeded maximum allowed payload size (` +
				strconv.Itoa(MaxResponseSize) + ` bytes).","errorType":"Function.ResponseSizeTooLarge"}`)}
		return
	}
	inv.done <- &Result{RequestID: inv.opts.RequestID, Payload: body}
	writeAccepted(w)
}

// handleError records a function error; the posted body is the error
// payload the invoker receives, byte for byte (Python runtimes post
// errorMessage, errorType, requestId and stackTrace; aws-lambda-go posts
// errorMessage, errorType and an optional stackTrace).
func (sb *sandbox) handleError(w http.ResponseWriter, r *http.Request) {
	inv := sb.take(r.PathValue("id"))
	if inv == nil {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "Invalid request ID")
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize))
	sb.requestID.Store("")
	if len(bytes.TrimSpace(body)) == 0 {
		body = errorPayload(r.Header.Get("Lambda-Runtime-Function-Error-Type"))
	}
	inv.done <- &Result{RequestID: inv.opts.RequestID, Payload: body, FunctionError: "Unhandled"}
	writeAccepted(w)
}

// handleInitError records an initialisation failure; the process is then
// stopped and the pending invocation fails with the posted payload.
func (sb *sandbox) handleInitError(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, MaxResponseSize))
	if len(bytes.TrimSpace(body)) == 0 {
		body = errorPayload(r.Header.Get("Lambda-Runtime-Function-Error-Type"))
	}
	sb.mu.Lock()
	sb.initError = body
	sb.mu.Unlock()
	sb.log.Error("lambda init error", "payload", string(body))
	writeAccepted(w)
	go func() {
		// Let the runtime read the 202 before the process is stopped.
		time.Sleep(10 * time.Millisecond)
		sb.kill()
	}()
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
