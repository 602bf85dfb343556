// Package runtime hosts local Lambda functions: it starts each function's
// handler as a process speaking the Lambda Runtime API (2018-06-01), which
// it serves on loopback, keeps processes warm and runs one invocation at a
// time per process, up to a concurrency limit per function. An invocation
// over the limit is throttled as Lambda throttles it
// (ErrTooManyRequests), after an optional bounded wait (Config.Queue).
//
// Any runtime client works unmodified: github.com/aws/aws-lambda-go
// handlers, the AWS runtime interface clients, custom bootstraps.
// Archway's own Node.js bootstrap (NodeCommand) speaks a cheaper protocol
// with the host instead, length-prefixed frames over two pipes
// (frame.go), with the same invocation data and the same outcomes.
package runtime

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"archway/internal/deadline"
)

// Defaults applied by NewPool to zero Config fields (the Lambda defaults).
const (
	DefaultMemoryMB    = 128
	DefaultTimeout     = 3 * time.Second
	DefaultConcurrency = 10
	DefaultRegion      = "us-east-1"
	DefaultAccount     = "123456789012"
	// InitTimeout bounds a process's init phase (start to its first
	// invocation/next), as on AWS.
	InitTimeout = 10 * time.Second
	// MaxResponseSize is the synchronous invocation payload limit.
	MaxResponseSize = 6 * 1024 * 1024
)

// ErrClosed is returned by Invoke after Close.
var ErrClosed = errors.New("lambda runtime: pool closed")

// ErrTooManyRequests is wrapped by Invoke when every process is busy and
// the queue is full: Lambda's TooManyRequestsException (HTTP 429 from the
// Invoke API, reason ReservedFunctionConcurrentInvocationLimitExceeded).
//
//lint:ignore ST1005 Lambda's exact message.
var ErrTooManyRequests = errors.New("TooManyRequestsException: Rate Exceeded.")

// Config describes one local function.
type Config struct {
	// Name is the function name (AWS_LAMBDA_FUNCTION_NAME).
	Name string
	// ARN is the function ARN reported to the runtime
	// (Lambda-Runtime-Invoked-Function-Arn); built from Region and a
	// placeholder account when empty.
	ARN string
	// Version is AWS_LAMBDA_FUNCTION_VERSION ("$LATEST" when empty).
	Version string
	// Command is the program and its arguments. When empty and Runtime
	// is a Node.js runtime, Archway's bootstrap runs the handler
	// (NodeCommand).
	Command []string
	// Dir is the working directory (and LAMBDA_TASK_ROOT).
	Dir string
	// Env holds extra KEY=VALUE variables, applied after the standard
	// ones. The process does not inherit Archway's environment except
	// PATH, HOME and TMPDIR.
	Env []string
	// Handler is _HANDLER ("index.handler"; free-form for Go).
	Handler string
	// Runtime names the Lambda runtime (AWS_EXECUTION_ENV
	// "AWS_Lambda_<runtime>"), e.g. "provided.al2023", "nodejs20.x".
	Runtime string
	// Region is AWS_REGION.
	Region string
	// MemoryMB is AWS_LAMBDA_FUNCTION_MEMORY_SIZE (not enforced).
	MemoryMB int
	// Timeout is the function timeout.
	Timeout time.Duration
	// Concurrency caps the number of processes (and so of concurrent
	// invocations).
	Concurrency int
	// Queue is how many invocations may wait for a free process when
	// Concurrency are running; one more is throttled at once with
	// ErrTooManyRequests. Lambda queues none (0): it answers a synchronous
	// Invoke over the function's concurrency with TooManyRequestsException.
	Queue int
	// IdleTimeout stops a process left idle this long (Lambda reclaims
	// idle execution environments after some minutes); 0 keeps processes
	// until Close.
	IdleTimeout time.Duration
	// Logger receives the processes' stdout/stderr lines and lifecycle
	// events; slog.Default() when nil.
	Logger *slog.Logger
}

// Result is the outcome of one invocation, as the Lambda Invoke API
// reports it.
type Result struct {
	// RequestID is the invocation's request id.
	RequestID string
	// Payload is the response payload, or the error payload when
	// FunctionError is set.
	Payload []byte
	// FunctionError is the X-Amz-Function-Error value: "" on success,
	// "Unhandled" when the function failed (an error it reported, a
	// crash, a timeout).
	FunctionError string
}

// InvokeOptions carries per-invocation metadata.
type InvokeOptions struct {
	// RequestID is the invocation id; a random UUID when empty.
	RequestID string
	// TraceID is the X-Ray trace header passed as Lambda-Runtime-Trace-Id.
	TraceID string
	// ClientContext is the client context JSON passed as
	// Lambda-Runtime-Client-Context (the Invoke API's X-Amz-Client-Context,
	// decoded), or "".
	ClientContext string
	// CognitoIdentity is the Cognito identity JSON passed as
	// Lambda-Runtime-Cognito-Identity, or "".
	CognitoIdentity string
}

// Pool runs the processes of one function. It is safe for concurrent use.
type Pool struct {
	cfg Config
	log *slog.Logger
	// framed is set when Command is Archway's Node.js bootstrap, which
	// speaks the bootstrap protocol (frame.go) instead of the Runtime API.
	framed bool
	// timers runs the deadlines of the bootstrap protocol's reads.
	timers deadline.Timers
	slots  chan struct{}
	// waiting counts the invocations queued for a slot.
	waiting atomic.Int64

	mu       sync.Mutex
	idle     []*sandbox
	all      map[*sandbox]struct{}
	closed   bool
	reaping  bool
	stopReap chan struct{}
}

// NewPool validates cfg, applies the defaults and returns a pool that
// starts processes on demand.
func NewPool(cfg Config) (*Pool, error) {
	if cfg.Name == "" {
		return nil, errors.New("lambda runtime: function name is empty")
	}
	if len(cfg.Command) == 0 && IsNode(cfg.Runtime) {
		cfg.Command = NodeCommand("")
	}
	if len(cfg.Command) == 0 {
		return nil, fmt.Errorf("lambda runtime: function %s: command is empty", cfg.Name)
	}
	if cfg.Version == "" {
		cfg.Version = "$LATEST"
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	if cfg.ARN == "" {
		cfg.ARN = "arn:aws:lambda:" + cfg.Region + ":" + DefaultAccount + ":function:" + cfg.Name
	}
	if cfg.MemoryMB <= 0 {
		cfg.MemoryMB = DefaultMemoryMB
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Pool{
		cfg:      cfg,
		log:      log.With("function", cfg.Name),
		framed:   isBootstrap(cfg.Command),
		slots:    make(chan struct{}, cfg.Concurrency),
		all:      map[*sandbox]struct{}{},
		stopReap: make(chan struct{}),
	}, nil
}

// Config returns the pool's configuration with defaults applied.
func (p *Pool) Config() Config { return p.cfg }

// Invoke runs one synchronous invocation. A function failure is a Result
// with FunctionError set, not an error; an error means the invocation
// could not be made (ctx ended while waiting, every process busy and the
// queue full: ErrTooManyRequests, the pool is closed, a process could not
// be started).
func (p *Pool) Invoke(ctx context.Context, payload []byte, opts InvokeOptions) (*Result, error) {
	if opts.RequestID == "" {
		opts.RequestID = NewRequestID()
	}
	if err := p.takeSlot(ctx); err != nil {
		return nil, err
	}
	sb, err := p.acquire()
	if err != nil {
		<-p.slots
		return nil, err
	}
	inv := &invocation{opts: opts, payload: payload}
	res, finished := sb.run(ctx, inv, p.cfg.Timeout)
	if !finished {
		// ctx ended first: the function keeps running, as on AWS; the
		// process returns to the pool when it is done.
		go func() {
			sb.finish(inv, p.cfg.Timeout)
			p.release(sb)
		}()
		return nil, fmt.Errorf("lambda runtime: function %s: %w", p.cfg.Name, ctx.Err())
	}
	p.release(sb)
	return res, nil
}

// takeSlot takes a concurrency slot, waiting in the bounded queue when
// none is free.
func (p *Pool) takeSlot(ctx context.Context) error {
	select {
	case p.slots <- struct{}{}:
		return nil
	default:
	}
	if p.waiting.Add(1) > int64(p.cfg.Queue) {
		p.waiting.Add(-1)
		return fmt.Errorf("lambda runtime: function %s: %d invocations running (concurrency limit), %d queued: %w",
			p.cfg.Name, p.cfg.Concurrency, p.cfg.Queue, ErrTooManyRequests)
	}
	defer p.waiting.Add(-1)
	select {
	case p.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("lambda runtime: function %s: waiting for a free process: %w", p.cfg.Name, ctx.Err())
	}
}

// acquire returns a warm process or starts one. The caller holds a slot.
func (p *Pool) acquire() (*sandbox, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, ErrClosed
	}
	for len(p.idle) > 0 {
		sb := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if sb.alive() {
			p.mu.Unlock()
			return sb, nil
		}
		delete(p.all, sb)
	}
	p.mu.Unlock()
	sb, err := startSandbox(&p.cfg, p.log, p.framed, &p.timers)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		sb.kill()
		return nil, ErrClosed
	}
	p.all[sb] = struct{}{}
	return sb, nil
}

// release returns a live process to the idle list and frees its slot.
func (p *Pool) release(sb *sandbox) {
	p.mu.Lock()
	if sb.alive() && !p.closed {
		sb.lastUsed = time.Now()
		p.idle = append(p.idle, sb)
		if p.cfg.IdleTimeout > 0 && !p.reaping {
			p.reaping = true
			go p.reap()
		}
	} else {
		delete(p.all, sb)
		sb.kill()
	}
	p.mu.Unlock()
	<-p.slots
}

// reap stops processes idle longer than IdleTimeout until Close.
func (p *Pool) reap() {
	tick := time.NewTicker(p.cfg.IdleTimeout / 2)
	defer tick.Stop()
	for {
		select {
		case <-p.stopReap:
			return
		case now := <-tick.C:
			p.mu.Lock()
			kept := p.idle[:0]
			for _, sb := range p.idle {
				if now.Sub(sb.lastUsed) >= p.cfg.IdleTimeout {
					delete(p.all, sb)
					sb.kill()
					continue
				}
				kept = append(kept, sb)
			}
			clear(p.idle[len(kept):])
			p.idle = kept
			p.mu.Unlock()
		}
	}
}

// Processes returns the number of live processes.
func (p *Pool) Processes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for sb := range p.all {
		if sb.alive() {
			n++
		}
	}
	return n
}

// Close kills every process; running invocations end with a function
// error. Close is idempotent.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		close(p.stopReap)
	}
	p.closed = true
	all := p.all
	p.all = map[*sandbox]struct{}{}
	p.idle = nil
	p.mu.Unlock()
	for sb := range all {
		sb.kill()
	}
	return nil
}

// NewRequestID returns a random version-4 UUID.
func NewRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&0xf])
	}
	return string(out)
}
