package pipeline

import (
	"net/http"
	"strconv"

	"archway/internal/jsonvalue"
	"archway/internal/plan"
	"archway/internal/router"
	"archway/internal/vtl/apigw"
)

// exchange is the state of one request as it goes through the stages.
type exchange struct {
	h      *Handler
	plan   *plan.Plan
	w      http.ResponseWriter
	r      *http.Request
	canary bool
	docs   []parsedDoc // payloads parsed for body mappings

	requestID string // x-amzn-RequestId, $context.requestId
	apigwID   string // x-amz-apigw-id, $context.extendedRequestId

	// path is the request-target path as received, query its raw query.
	path, query string

	// Set by route.
	resource *plan.Resource
	method   *plan.Method
	integ    *plan.Integration
	params   router.Params

	body []byte

	// trace is the X-Amzn-Trace-Id sent back with integration responses
	// of every type but MOCK; "" for MOCK.
	trace string

	// tpl is what mapping templates read; its Context is $context,
	// shared by the request and the response templates.
	tpl apigw.Request
}

func newExchange(h *Handler, p *plan.Plan, w http.ResponseWriter, r *http.Request, canary bool) *exchange {
	x := &exchange{h: h, plan: p, w: w, r: r, canary: canary, requestID: newUUID(), apigwID: newAPIGWID()}
	x.path, x.query = splitTarget(r.RequestURI)
	return x
}

// stageVariables returns a fresh $stageVariables map.
func (x *exchange) stageVariables() *jsonvalue.Map {
	m := jsonvalue.NewMap(len(x.plan.StageVariables))
	for _, v := range x.plan.StageVariables {
		m.Put(v.Name, v.Value)
	}
	return m
}

// stageVariable returns the value of a stage variable, "" when undefined.
func (x *exchange) stageVariable(name string) (string, bool) {
	for _, v := range x.plan.StageVariables {
		if v.Name == name {
			return v.Value, true
		}
	}
	return "", false
}

// addStandardHeaders sets the headers API Gateway adds to every response.
func (x *exchange) addStandardHeaders(h http.Header, bodyLen int) {
	// One backing array for the three values.
	vs := [...]string{strconv.Itoa(bodyLen), x.requestID, x.apigwID}
	all := vs[:]
	h["Content-Length"] = all[0:1:1]
	h["x-amzn-RequestId"] = all[1:2:2]
	h["x-amz-apigw-id"] = all[2:3:3]
}
