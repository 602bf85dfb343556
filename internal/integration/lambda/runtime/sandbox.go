package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// invocation is one request handed to a process.
type invocation struct {
	opts    InvokeOptions
	payload []byte
	// deadline is set by the invocation/next handler before delivered is
	// closed.
	deadline  time.Time
	delivered chan struct{}
	done      chan *Result
}

func newInvocation(opts InvokeOptions, payload []byte) *invocation {
	return &invocation{opts: opts, payload: payload, delivered: make(chan struct{}), done: make(chan *Result, 1)}
}

// sandbox is one handler process and the Runtime API endpoint it talks to.
type sandbox struct {
	cfg *Config
	log *slog.Logger
	cmd *exec.Cmd
	srv *http.Server

	next        chan *invocation
	exited      chan struct{}
	initialized atomic.Bool
	killed      atomic.Bool
	// lastUsed is when the process last became idle (guarded by the
	// pool's mutex).
	lastUsed  time.Time
	requestID atomic.Value // string: the invocation being processed, for logs

	mu        sync.Mutex
	current   *invocation
	initError []byte
	exitErr   error
}

// startSandbox starts a Runtime API endpoint on loopback and the handler
// process pointed at it.
func startSandbox(cfg *Config, log *slog.Logger) (*sandbox, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("lambda runtime: function %s: %w", cfg.Name, err)
	}
	sb := &sandbox{
		cfg:    cfg,
		next:   make(chan *invocation, 1),
		exited: make(chan struct{}),
	}
	sb.requestID.Store("")
	sb.srv = &http.Server{Handler: sb.routes(), ReadHeaderTimeout: 10 * time.Second}
	cmd := exec.Command(cfg.Command[0], cfg.Command[1:]...)
	cmd.Dir = cfg.Dir
	cmd.Env = environment(cfg, ln.Addr().String())
	cmd.WaitDelay = time.Second
	sb.cmd = cmd
	sb.log = log
	cmd.Stdout = &lineLogger{sb: sb, stream: "stdout"}
	cmd.Stderr = &lineLogger{sb: sb, stream: "stderr"}
	if err := cmd.Start(); err != nil {
		ln.Close()
		return nil, fmt.Errorf("lambda runtime: function %s: start %s: %w", cfg.Name, cfg.Command[0], err)
	}
	sb.log.Debug("lambda process started", "pid", cmd.Process.Pid, "runtimeApi", ln.Addr().String())
	go func() { _ = sb.srv.Serve(ln) }()
	go func() {
		err := cmd.Wait()
		sb.mu.Lock()
		sb.exitErr = err
		sb.mu.Unlock()
		close(sb.exited)
		_ = sb.srv.Close()
		sb.log.Debug("lambda process exited", "pid", cmd.Process.Pid, "err", err)
	}()
	return sb, nil
}

// environment builds the process environment Lambda defines for a
// function.
func environment(cfg *Config, api string) []string {
	env := []string{
		"AWS_LAMBDA_RUNTIME_API=" + api,
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
	sb.next <- inv // capacity 1, one invocation at a time per process
	return sb.await(ctx, inv, timeout)
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

// finish waits for an invocation run gave up on.
func (sb *sandbox) finish(inv *invocation, timeout time.Duration) {
	sb.await(context.Background(), inv, timeout)
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
		sb.kill()
		sb.log.Warn("lambda function timed out", "requestId", inv.opts.RequestID, "timeout", timeout)
		return errorResult(inv, "Sandbox.Timedout", "Error: Task timed out after "+seconds(timeout)), true
	case <-ctx.Done():
		return nil, false
	}
}

// exitResult is the outcome of an invocation whose process exited.
func (sb *sandbox) exitResult(inv *invocation) *Result {
	sb.mu.Lock()
	initError, exitErr := sb.initError, sb.exitErr
	sb.mu.Unlock()
	if initError != nil {
		return &Result{RequestID: inv.opts.RequestID, Payload: initError, FunctionError: "Unhandled"}
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
