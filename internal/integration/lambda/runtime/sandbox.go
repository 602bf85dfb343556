package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"archway/internal/deadline"
	"archway/internal/server"
)

// invocation is one request handed to a process.
type invocation struct {
	opts    InvokeOptions
	payload []byte
	// deadline is set by dispatch, when the process gets the invocation.
	deadline time.Time
	// delivered is closed once the process has the invocation and done
	// receives its outcome (the Runtime API's; nil with the bootstrap
	// protocol, where the invoking goroutine reads the outcome itself).
	delivered chan struct{}
	done      chan *Result
}

// sandbox is one handler process and the endpoint it talks to: the
// Runtime API (api.go) or, for Archway's Node.js bootstrap, the bootstrap
// protocol (channel.go).
type sandbox struct {
	cfg *Config
	log *slog.Logger
	cmd *exec.Cmd

	// srv serves the Runtime API and next holds the invocation for its
	// invocation/next (nil with the bootstrap protocol).
	srv  *server.HTTP1
	next chan *invocation
	// ch is the bootstrap protocol's pipes (nil with the Runtime API).
	ch *channel

	logs        [2]*logPipe // stdout, stderr
	exited      chan struct{}
	initialized atomic.Bool
	killed      atomic.Bool
	// lastUsed is when the process last became idle (guarded by the
	// pool's mutex).
	lastUsed time.Time
	// requestID is the invocation being processed, for logs.
	requestID atomic.Pointer[string]

	mu          sync.Mutex
	current     *invocation
	initError   []byte
	exitErr     error
	protocolErr error
}

// noRequest is requestID between invocations.
var noRequest = new(string)

// startSandbox starts the handler process and its endpoint: the bootstrap
// protocol on two pipes when framed is set (Archway's Node.js
// bootstrap), else the Runtime API on loopback.
func startSandbox(cfg *Config, log *slog.Logger, framed bool, timers *deadline.Timers) (*sandbox, error) {
	sb := &sandbox{cfg: cfg, log: log, exited: make(chan struct{})}
	sb.requestID.Store(noRequest)
	cmd := exec.Command(cfg.Command[0], cfg.Command[1:]...)
	cmd.Dir = cfg.Dir
	sb.cmd = cmd
	// child holds the process's ends of its pipes, closed here
	// once it has started.
	var child []*os.File
	defer func() {
		for _, f := range child {
			f.Close()
		}
	}()
	var ln net.Listener
	fail := func(err error) (*sandbox, error) {
		if ln != nil {
			ln.Close()
		}
		sb.closeEndpoint()
		for _, l := range sb.logs {
			if l != nil {
				l.close()
			}
		}
		return nil, fmt.Errorf("lambda runtime: function %s: %w", cfg.Name, err)
	}
	if framed {
		ch, ends, err := newChannel(timers)
		if err != nil {
			return fail(err)
		}
		sb.ch = ch
		child = append(child, ends[:]...)
		cmd.ExtraFiles = ends[:]
		cmd.Env = environment(cfg, "")
	} else {
		var err error
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return fail(err)
		}
		sb.next = make(chan *invocation, 1)
		sb.srv = &server.HTTP1{Handler: sb.routes(), ReadHeaderTimeout: 10 * time.Second, Logger: log}
		cmd.Env = environment(cfg, ln.Addr().String())
	}
	var out [2]*os.File
	for i, stream := range []string{"stdout", "stderr"} {
		l, w, err := newLogPipe(sb, stream)
		if err != nil {
			return fail(err)
		}
		sb.logs[i], out[i] = l, w
		child = append(child, w)
	}
	cmd.Stdout, cmd.Stderr = out[0], out[1]
	if err := cmd.Start(); err != nil {
		return fail(fmt.Errorf("start %s: %w", cfg.Command[0], err))
	}
	sb.log.Debug("lambda process started", "pid", cmd.Process.Pid, "protocol", sb.protocol())
	for _, l := range sb.logs {
		go l.run()
	}
	if !framed {
		go func() { _ = sb.srv.Serve(ln) }()
	}
	go sb.waitExit()
	return sb, nil
}

// protocol names the endpoint for logs.
func (sb *sandbox) protocol() string {
	if sb.ch != nil {
		return "bootstrap"
	}
	return "runtime-api"
}

// waitExit records the process's exit and closes its endpoint. Output a
// process left in its pipes is forwarded first; the pipes close a second
// later when processes it started keep them open.
func (sb *sandbox) waitExit() {
	err := sb.cmd.Wait()
	sb.drainLogs()
	sb.mu.Lock()
	sb.exitErr = err
	sb.mu.Unlock()
	close(sb.exited)
	sb.closeEndpoint()
	time.AfterFunc(time.Second, func() {
		for _, l := range sb.logs {
			l.close()
		}
	})
	sb.log.Debug("lambda process exited", "pid", sb.cmd.Process.Pid, "err", err)
}

// closeEndpoint closes the Runtime API server or the protocol pipes.
func (sb *sandbox) closeEndpoint() {
	if sb.srv != nil {
		_ = sb.srv.Close()
	}
	if sb.ch != nil {
		sb.ch.close()
	}
}

// drainLogs forwards the output the process has written so far.
func (sb *sandbox) drainLogs() {
	for _, l := range sb.logs {
		l.drain()
	}
}

// environment builds the process environment Lambda defines for a
// function, with AWS_LAMBDA_RUNTIME_API when api is not empty (the
// bootstrap protocol has no Runtime API).
func environment(cfg *Config, api string) []string {
	env := []string{
		"AWS_LAMBDA_FUNCTION_NAME=" + cfg.Name,
		"AWS_LAMBDA_FUNCTION_VERSION=" + cfg.Version,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=" + strconv.Itoa(cfg.MemoryMB),
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/" + cfg.Name,
		"AWS_LAMBDA_LOG_STREAM_NAME=" + time.Now().UTC().Format("2006/01/02") + "/[" + cfg.Version + "]" + NewRequestID()[:8],
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_REGION=" + cfg.Region,
		"AWS_DEFAULT_REGION=" + cfg.Region,
		"_HANDLER=" + cfg.Handler,
		"LAMBDA_TASK_ROOT=" + taskRoot(cfg.Dir),
		"TZ=:UTC",
		"LANG=en_US.UTF-8",
	}
	if api != "" {
		env = append(env, "AWS_LAMBDA_RUNTIME_API="+api)
	}
	if cfg.Runtime != "" {
		env = append(env, "AWS_EXECUTION_ENV=AWS_Lambda_"+cfg.Runtime)
	}
	for _, k := range []string{"PATH", "HOME", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return append(env, cfg.Env...)
}

// alive reports whether the process is still running and not being
// killed.
func (sb *sandbox) alive() bool {
	if sb.killed.Load() {
		return false
	}
	select {
	case <-sb.exited:
		return false
	default:
		return true
	}
}

// kill stops the process (its Runtime API endpoint closes when it exits).
func (sb *sandbox) kill() {
	if sb.alive() {
		sb.killed.Store(true)
		_ = sb.cmd.Process.Kill()
	}
}

// run hands inv to the process and waits for its outcome. It returns
// finished=false when ctx ended first; the invocation then continues and
// finish must be called.
func (sb *sandbox) run(ctx context.Context, inv *invocation, timeout time.Duration) (*Result, bool) {
	if sb.ch != nil {
		return sb.runFramed(ctx, inv)
	}
	inv.delivered, inv.done = make(chan struct{}), make(chan *Result, 1)
	sb.next <- inv // capacity 1, one invocation at a time per process
	return sb.await(ctx, inv, timeout)
}

// dispatch makes inv the process's current invocation, its deadline
// starting now.
func (sb *sandbox) dispatch(inv *invocation) {
	inv.deadline = time.Now().Add(sb.cfg.Timeout)
	sb.mu.Lock()
	sb.current = inv
	sb.mu.Unlock()
	sb.requestID.Store(&inv.opts.RequestID)
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

// endInvocation forwards the output of the invocation that was just
// answered before its request id is cleared.
func (sb *sandbox) endInvocation() {
	sb.drainLogs()
	sb.requestID.Store(noRequest)
}

// initFailed records an init error payload the runtime reported.
func (sb *sandbox) initFailed(payload []byte) {
	sb.mu.Lock()
	sb.initError = payload
	sb.mu.Unlock()
	sb.log.Error("lambda init error", "payload", string(payload))
}

// protocolError stops a process that broke the bootstrap protocol; its
// invocation fails with err.
func (sb *sandbox) protocolError(err error) {
	sb.mu.Lock()
	if sb.protocolErr == nil {
		sb.protocolErr = err
	}
	sb.mu.Unlock()
	sb.log.Error("lambda process stopped", "pid", sb.cmd.Process.Pid, "err", err)
	sb.kill()
}

// finish waits for an invocation run gave up on.
func (sb *sandbox) finish(inv *invocation, timeout time.Duration) {
	if sb.ch != nil {
		sb.runFramed(context.Background(), inv)
		return
	}
	sb.await(context.Background(), inv, timeout)
}

// timedOut stops the process of an invocation past its deadline and
// returns the invocation's outcome.
func (sb *sandbox) timedOut(inv *invocation, timeout time.Duration) *Result {
	sb.kill()
	sb.log.Warn("lambda function timed out", "requestId", inv.opts.RequestID, "timeout", timeout)
	return errorResult(inv, "Sandbox.Timedout", "Error: Task timed out after "+seconds(timeout))
}

// exitResult is the outcome of an invocation whose process exited.
func (sb *sandbox) exitResult(inv *invocation) *Result {
	sb.mu.Lock()
	initError, exitErr, protocolErr := sb.initError, sb.exitErr, sb.protocolErr
	sb.mu.Unlock()
	if initError != nil {
		return &Result{RequestID: inv.opts.RequestID, Payload: initError, FunctionError: "Unhandled"}
	}
	if protocolErr != nil {
		return errorResult(inv, "Runtime.ExitError", "Error: Runtime exited with error: "+protocolErr.Error())
	}
	msg := "exit status 0"
	var ee *exec.ExitError
	if errors.As(exitErr, &ee) {
		msg = ee.ProcessState.String()
	} else if exitErr != nil {
		msg = exitErr.Error()
	}
	return errorResult(inv, "Runtime.ExitError", "Error: Runtime exited with error: "+msg)
}

// errorResult builds the error payload Lambda returns for failures of the
// execution environment (errorType first, the message prefixed with the
// request id, as the Invoke API answers them).
func errorResult(inv *invocation, errorType, message string) *Result {
	payload := fmt.Appendf(nil, `{"errorType":%q,"errorMessage":%q}`, errorType, "RequestId: "+inv.opts.RequestID+" "+message)
	return &Result{RequestID: inv.opts.RequestID, Payload: payload, FunctionError: "Unhandled"}
}

// seconds formats a duration as Lambda does in timeout messages.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " seconds"
}

// taskRoot is LAMBDA_TASK_ROOT: the function's directory, absolute as on
// AWS (the working directory when none is configured).
func taskRoot(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
