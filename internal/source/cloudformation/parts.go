package cloudformation

import (
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// method adds an AWS::ApiGateway::Method to its resource.
func (t *template) method(api *model.RestApi, o obj) {
	res := api.Resource(o.str("ResourceId"))
	if res == nil {
		v, ok := o.get("ResourceId")
		if !ok {
			v = o.v
		}
		t.fail(v, "Invalid Resource identifier specified")
		return
	}
	o.warnUnknown(typeMethod)
	m := &model.Method{Src: o.source(), HTTPMethod: strings.ToUpper(o.str("HttpMethod"))}
	o.field(&m.Src, "HttpMethod", "httpMethod")
	m.AuthorizationType = model.ParseAuthorizationType(o.str("AuthorizationType"))
	o.field(&m.Src, "AuthorizationType", "authorizationType")
	m.AuthorizerID = o.str("AuthorizerId")
	o.field(&m.Src, "AuthorizerId", "authorizerId")
	m.AuthorizationScopes = o.strs("AuthorizationScopes")
	m.APIKeyRequired = o.boolean("ApiKeyRequired")
	m.OperationName = o.str("OperationName")
	m.RequestParameters = o.boolMap("RequestParameters", &m.Src, "requestParameters")
	m.RequestModels = o.strMap("RequestModels", &m.Src, "requestModels")
	m.RequestValidatorID = o.str("RequestValidatorId")
	o.field(&m.Src, "RequestValidatorId", "requestValidatorId")
	for _, r := range o.list("MethodResponses") {
		mr := model.MethodResponse{Src: r.source(), StatusCode: r.str("StatusCode")}
		r.field(&mr.Src, "StatusCode", "statusCode")
		mr.ResponseParameters = r.boolMap("ResponseParameters", &mr.Src, "responseParameters")
		mr.ResponseModels = r.strMap("ResponseModels", &mr.Src, "responseModels")
		m.MethodResponses = append(m.MethodResponses, mr)
	}
	if in, ok := o.sub("Integration"); ok {
		m.Integration = integration(in)
	}
	if res.Method(m.HTTPMethod) != nil {
		t.fail(o.v, "Method already exists for this resource")
		return
	}
	res.Methods = append(res.Methods, m)
}

// integration reads a method's Integration property: every property of
// AWS::ApiGateway::Method Integration.
func integration(o obj) *model.Integration {
	o.warnUnknown("Integration")
	in := &model.Integration{Src: o.source()}
	fields := [][2]string{
		{"Type", "type"}, {"Uri", "uri"}, {"IntegrationHttpMethod", "httpMethod"}, {"ConnectionType", "connectionType"},
		{"ConnectionId", "connectionId"}, {"Credentials", "credentials"}, {"PassthroughBehavior", "passthroughBehavior"},
		{"ContentHandling", "contentHandling"}, {"TimeoutInMillis", "timeoutInMillis"},
	}
	for _, f := range fields {
		o.field(&in.Src, f[0], f[1])
	}
	if !o.has("Type") {
		o.t.fail(o.v, "Integration: Type is required")
	}
	in.Type = model.ParseIntegrationType(o.str("Type"))
	in.URI = o.str("Uri")
	in.HTTPMethod = strings.ToUpper(o.str("IntegrationHttpMethod"))
	in.ConnectionType = model.ParseConnectionType(o.str("ConnectionType"))
	in.ConnectionID = o.str("ConnectionId")
	in.Credentials = o.str("Credentials")
	in.PassthroughBehavior = model.ParsePassthroughBehavior(o.str("PassthroughBehavior"))
	in.ContentHandling = model.ParseContentHandling(o.str("ContentHandling"))
	in.TimeoutInMillis = o.integer("TimeoutInMillis")
	in.CacheNamespace = o.str("CacheNamespace")
	in.CacheKeyParameters = o.strs("CacheKeyParameters")
	in.RequestParameters = o.strMap("RequestParameters", &in.Src, "requestParameters")
	in.RequestTemplates = o.strMap("RequestTemplates", &in.Src, "requestTemplates")
	if tls, ok := o.sub("TlsConfig"); ok {
		in.TLSConfig = &model.TLSConfig{Src: tls.source(), InsecureSkipVerification: tls.boolean("InsecureSkipVerification")}
	}
	for _, r := range o.list("IntegrationResponses") {
		ir := model.IntegrationResponse{Src: r.source(), StatusCode: r.str("StatusCode"), SelectionPattern: r.str("SelectionPattern")}
		r.field(&ir.Src, "StatusCode", "statusCode")
		r.field(&ir.Src, "SelectionPattern", "selectionPattern")
		r.field(&ir.Src, "ContentHandling", "contentHandling")
		ir.ContentHandling = model.ParseContentHandling(r.str("ContentHandling"))
		ir.ResponseParameters = r.strMap("ResponseParameters", &ir.Src, "responseParameters")
		ir.ResponseTemplates = r.strMap("ResponseTemplates", &ir.Src, "responseTemplates")
		in.PutIntegrationResponse(ir)
	}
	return in
}

// deployment adds the stage an AWS::ApiGateway::Deployment creates with
// StageName.
func (t *template) deployment(api *model.RestApi, r *resource, o obj) {
	name := o.str("StageName")
	if name == "" {
		return
	}
	id, _ := t.physicalID(r)
	st := model.Stage{Src: o.source(), Name: name, DeploymentID: id}
	o.field(&st.Src, "StageName", "stageName")
	if d, ok := o.sub("StageDescription"); ok {
		st.Description = d.str("Description")
		st.Variables = d.strMap("Variables", &st.Src, "variables")
		st.CacheClusterEnabled = d.boolean("CacheClusterEnabled")
		st.CacheClusterSize = d.str("CacheClusterSize")
		st.TracingEnabled = d.boolean("TracingEnabled")
	}
	api.Stages = append(api.Stages, st)
}

// stage adds an AWS::ApiGateway::Stage.
func (t *template) stage(api *model.RestApi, o obj) {
	st := model.Stage{Src: o.source(), Name: o.str("StageName"), DeploymentID: o.str("DeploymentId"),
		Description: o.str("Description"), CacheClusterEnabled: o.boolean("CacheClusterEnabled"),
		CacheClusterSize: o.str("CacheClusterSize"), TracingEnabled: o.boolean("TracingEnabled")}
	o.field(&st.Src, "StageName", "stageName")
	st.Variables = o.strMap("Variables", &st.Src, "variables")
	if o.has("MethodSettings") {
		v, _ := o.get("MethodSettings")
		t.warn(v, "MethodSettings are not applied yet")
	}
	if existing := api.Stage(st.Name); existing != nil {
		*existing = st
		return
	}
	api.Stages = append(api.Stages, st)
}

// gatewayResponse adds an AWS::ApiGateway::GatewayResponse.
func (t *template) gatewayResponse(api *model.RestApi, o obj) {
	g := model.GatewayResponse{Src: o.source(), ResponseType: model.GatewayResponseType(o.str("ResponseType")),
		StatusCode: o.str("StatusCode")}
	o.field(&g.Src, "ResponseType", "responseType")
	o.field(&g.Src, "StatusCode", "statusCode")
	g.ResponseParameters = o.strMap("ResponseParameters", &g.Src, "responseParameters")
	g.ResponseTemplates = o.strMap("ResponseTemplates", &g.Src, "responseTemplates")
	api.GatewayResponses = append(api.GatewayResponses, g)
}

// apiModel adds an AWS::ApiGateway::Model; an object schema is kept as JSON
// text.
func (t *template) apiModel(api *model.RestApi, r *resource, o obj) {
	name, _ := t.physicalID(r)
	m := model.Model{Src: o.source(), ID: model.StableID(6, "model", t.opts.StackName, r.id), Name: name,
		Description: o.str("Description"), ContentType: o.str("ContentType")}
	o.field(&m.Src, "Name", "name")
	o.field(&m.Src, "Schema", "schema")
	if v, ok := o.get("Schema"); ok {
		if v.n.Kind == yaml.ScalarNode {
			m.Schema = v.n.Value
		} else {
			m.Schema = jsonText(v.n)
		}
	}
	if m.ContentType == "" {
		m.ContentType = "application/json"
	}
	api.Models = append(api.Models, m)
}
