package pipeline

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync/atomic"
	"time"

	"archway/internal/deadline"
	"archway/internal/integration"
	"archway/internal/integration/mock"
	"archway/internal/plan"
	"archway/internal/vtl/apigw"
)

// MaxPayload is the largest request body API Gateway accepts: 10 MB.
const MaxPayload = 10 << 20

// Options configure a Handler.
type Options struct {
	// Invokers serve the integration types; MOCK is built in and may be
	// replaced. A method whose type has no invoker answers 500.
	Invokers map[plan.IntegrationType]integration.Invoker
	// Now returns the request time; time.Now when nil.
	Now func() time.Time
	// Logger receives a warning for every gateway error with an underlying
	// cause (a failed template, an unreachable backend); slog.Default()
	// when nil. Clients never see the cause.
	Logger *slog.Logger
}

// Handler serves the current plan. It is safe for concurrent use.
type Handler struct {
	plan     atomic.Pointer[plan.Plan]
	invokers map[plan.IntegrationType]integration.Invoker
	engine   *apigw.Engine
	now      func() time.Time
	log      *slog.Logger
	// timers runs the integration timeouts (deadline explains why not
	// context.WithTimeout).
	timers deadline.Timers
}

var _ http.Handler = (*Handler)(nil)

// New returns a Handler serving p, which must not be nil.
func New(p *plan.Plan, opts Options) *Handler {
	h := &Handler{
		invokers: map[plan.IntegrationType]integration.Invoker{plan.Mock: mock.Invoker{}},
		engine:   apigw.NewEngine(),
		now:      opts.Now,
		log:      opts.Logger,
	}
	for t, inv := range opts.Invokers {
		h.invokers[t] = inv
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	h.plan.Store(p)
	return h
}

// Store replaces the plan; requests already in flight finish with the plan
// they started with.
func (h *Handler) Store(p *plan.Plan) { h.plan.Store(p) }

// Plan returns the plan being served.
func (h *Handler) Plan() *plan.Plan { return h.plan.Load() }

// ServeHTTP runs one request through the pipeline.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := h.plan.Load()
	canary := false
	if c := p.Canary; c != nil && rand.Float64()*100 < c.PercentTraffic {
		p, canary = c.Plan, true
	}
	x := newExchange(h, p, w, r, canary)
	if err := x.serve(); err != nil {
		var ge *GatewayError
		if !errors.As(err, &ge) {
			ge = &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal, Cause: err}
		}
		if ge.Cause != nil {
			h.log.Warn("gateway error", "type", ge.Type, "method", r.Method, "path", x.path,
				"requestId", x.requestID, "cause", ge.Cause.Error())
		}
		x.writeGatewayError(ge)
	}
}

// serve runs the stages in order; an error is a *GatewayError or an
// unexpected failure reported as 500.
func (x *exchange) serve() error {
	if err := x.route(); err != nil {
		return err
	}
	if err := x.readBody(); err != nil {
		return err
	}
	if err := x.methodRequest(); err != nil {
		return err
	}
	ireq, err := x.integrationRequest()
	if err != nil {
		return err
	}
	inv := x.h.invokers[x.integ.Type]
	if inv == nil {
		return &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: errors.New("integration type " + string(x.integ.Type) + " is not supported yet")}
	}
	ctx := x.r.Context()
	if x.integ.Type != plan.Mock { // a MOCK answers at once: no timer needed
		tctx, release := x.h.timers.WithTimeout(ctx, x.integ.Timeout)
		defer release()
		ctx = tctx
	}
	resp, err := inv.Invoke(ctx, ireq)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return &GatewayError{Type: TypeIntegrationTimeout, Message: "Endpoint request timed out", Cause: err}
		}
		// Recorded integration failures answered 500, not the documented
		// 504 (AWS-BEHAVIOR.md, section 2).
		return &GatewayError{Type: TypeIntegrationFailure, Status: http.StatusInternalServerError, Message: msgInternal, Cause: err}
	}
	if x.integ.Type == plan.AWSProxy {
		return x.lambdaProxyResponse(resp)
	}
	if x.integ.Type.IsProxy() {
		x.writeProxyResponse(resp)
		return nil
	}
	return x.integrationResponse(resp)
}

// readBody reads the request body, refusing more than MaxPayload bytes
// with 413 REQUEST_TOO_LARGE. A body streamed to the backend is left
// unread.
func (x *exchange) readBody() error {
	if x.r.ContentLength == 0 {
		return nil
	}
	if x.r.ContentLength > MaxPayload {
		return &GatewayError{Type: TypeRequestTooLarge, Message: "Request Too Long"}
	}
	if x.streamsBody() {
		return nil
	}
	body, err := io.ReadAll(io.LimitReader(x.r.Body, MaxPayload+1))
	if err != nil {
		return &GatewayError{Type: TypeDefault4XX, Status: http.StatusBadRequest, Message: "Bad Request", Cause: err}
	}
	if len(body) > MaxPayload {
		return &GatewayError{Type: TypeRequestTooLarge, Message: "Request Too Long"}
	}
	x.body = body
	return nil
}

// streamsBody reports whether the request body goes to the backend
// unread: an HTTP_PROXY integration that no mapping reads the body of,
// and a length the client gave. A chunked body is read whole, so that the
// backend gets a Content-Length, as it does from API Gateway
// (header-remap-http-proxy-no-param).
func (x *exchange) streamsBody() bool {
	if x.integ.Type != plan.HTTPProxy || x.r.ContentLength <= 0 {
		return false
	}
	for _, m := range x.integ.RequestParameters {
		if m.Kind == plan.MethodRequestBody {
			return false
		}
	}
	return true
}
