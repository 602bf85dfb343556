package openapi

import (
	"reflect"
	"slices"
	"testing"

	"archway/internal/model"
)

func mustLoad(t *testing.T, path string) (*model.RestApi, []model.Warning) {
	t.Helper()
	api, warnings, err := Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return api, warnings
}

func resourcePaths(api *model.RestApi) []string {
	var out []string
	for _, r := range api.Resources {
		out = append(out, r.Path)
	}
	return out
}

func mustMethod(t *testing.T, api *model.RestApi, path, httpMethod string) *model.Method {
	t.Helper()
	r := api.ResourceByPath(path)
	if r == nil {
		t.Fatalf("no resource %s in %v", path, resourcePaths(api))
	}
	m := r.Method(httpMethod)
	if m == nil {
		t.Fatalf("no method %s %s", httpMethod, path)
	}
	return m
}

func patterns(in *model.Integration) []string {
	var out []string
	for _, r := range in.IntegrationResponses {
		out = append(out, r.SelectionPattern+" -> "+r.StatusCode)
	}
	return out
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

func TestPetStoreOpenAPI3(t *testing.T) {
	api, warnings := mustLoad(t, "testdata/petstore.yaml")
	check(t, "warnings", warnings, []model.Warning(nil))
	check(t, "name", api.Name, "PetStore")
	check(t, "description", api.Description, "Pets with MOCK integrations")
	check(t, "version", api.Version, "2024-01-01")
	check(t, "base path", api.BasePath, "/prod")
	check(t, "binary media types", api.BinaryMediaTypes, []string{"image/png", "application/octet-stream"})
	check(t, "api key source", api.APIKeySource, model.APIKeyFromHeader)
	check(t, "minimum compression size", *api.MinimumCompressionSize, 1024)
	check(t, "endpoint types", api.EndpointConfiguration.Types, []model.EndpointType{model.EndpointRegional})

	check(t, "resources", resourcePaths(api), []string{"/", "/pets", "/pets/{petId}", "/files", "/files/{proxy+}"})
	for _, r := range api.Resources[1:] {
		parent := api.Resource(r.ParentID)
		if parent == nil || (parent.Path != "/" && parent.Path+"/"+r.PathPart != r.Path) || (parent.Path == "/" && "/"+r.PathPart != r.Path) {
			t.Errorf("resource %s (%s) has parent %v", r.Path, r.PathPart, parent)
		}
	}

	list := mustMethod(t, api, "/pets", "GET")
	check(t, "operation name", list.OperationName, "ListPets")
	check(t, "list parameters", list.RequestParameters, map[string]bool{
		"method.request.querystring.type": false, "method.request.header.X-Trace": false,
	})
	check(t, "default validator", api.RequestValidator(list.RequestValidatorID).Name, "params-only")
	check(t, "list response models", list.MethodResponse("200").ResponseModels, model.StringMap{{Key: "application/json", Value: "Pets"}})
	check(t, "list response headers", list.MethodResponse("200").ResponseParameters,
		map[string]bool{"method.response.header.Access-Control-Allow-Origin": false})
	mock := list.Integration
	check(t, "mock type", mock.Type, model.IntegrationMock)
	check(t, "passthrough", mock.PassthroughBehavior, model.PassthroughWhenNoTemplates)
	check(t, "template order", mock.RequestTemplates.Keys(), []string{"text/plain", "application/json"})
	check(t, "mock responses", patterns(mock), []string{" -> 200"})
	check(t, "response template kept byte for byte", mock.IntegrationResponses[0].ResponseTemplates,
		model.StringMap{{Key: "application/json", Value: "[{\"id\": 1, \"type\": \"$input.params('type')\"}]\n"}})
	check(t, "cache namespace", mock.CacheNamespace, api.ResourceByPath("/pets").ID)

	create := mustMethod(t, api, "/pets", "POST")
	check(t, "method validator", api.RequestValidator(create.RequestValidatorID).Name, "all")
	check(t, "request models", create.RequestModels, model.StringMap{{Key: "application/json", Value: "Pet"}})
	check(t, "creation order", patterns(create.Integration), []string{`5\d{2} -> 500`, " -> 201"})

	get := mustMethod(t, api, "/pets/{petId}", "GET")
	check(t, "path parameters", get.RequestParameters, map[string]bool{
		"method.request.path.petId": true, "method.request.header.X-Trace": false,
	})
	in := get.Integration
	check(t, "http", []any{in.Type, in.HTTPMethod, in.URI, in.ConnectionType, in.TimeoutInMillis, in.ContentHandling},
		[]any{model.IntegrationHTTP, "GET", "https://backend.example.com/pets/{id}", model.ConnectionInternet, 5000, model.ConvertToText})
	check(t, "tls", in.TLSConfig.InsecureSkipVerification, true)
	check(t, "request parameters", in.RequestParameters, model.StringMap{
		{Key: "integration.request.path.id", Value: "method.request.path.petId"},
		{Key: "integration.request.header.X-Trace", Value: "method.request.header.X-Trace"},
	})
	check(t, "cache key parameters", in.CacheKeyParameters, []string{"method.request.path.petId"})
	check(t, "http responses", patterns(in), []string{`4\d{2} -> 404`, " -> 200"})
	check(t, "built-in Error model", get.MethodResponse("404").ResponseModels.Keys(), []string{"application/json"})
	if api.Model(model.ErrorModelName) == nil {
		t.Error("the built-in Error model was not added")
	}

	proxy := mustMethod(t, api, "/files/{proxy+}", "ANY").Integration
	check(t, "proxy", []any{proxy.Type, proxy.HTTPMethod, proxy.URI, proxy.PassthroughBehavior, proxy.TimeoutInMillis},
		[]any{model.IntegrationHTTPProxy, "ANY", "https://${stageVariables.host}/files/{proxy}", model.PassthroughWhenNoMatch, 29000})

	check(t, "gateway responses", len(api.GatewayResponses), 1)
	g := api.GatewayResponses[0]
	check(t, "gateway response", []any{g.ResponseType, g.StatusCode, g.ResponseParameters, g.ResponseTemplates},
		[]any{model.GatewayMissingAuthenticationToken, "404",
			model.StringMap{{Key: "gatewayresponse.header.Access-Control-Allow-Origin", Value: "'*'"}},
			model.StringMap{{Key: "application/json", Value: `{"message": "no such route"}`}}})
	check(t, "validators", []model.RequestValidator{
		{ID: api.RequestValidators[0].ID, Name: "all", ValidateRequestBody: true, ValidateRequestParameters: true},
		{ID: api.RequestValidators[1].ID, Name: "params-only", ValidateRequestParameters: true},
	}, stripSources(api.RequestValidators))
	check(t, "schema keeps member order", api.Model("Pet").Schema,
		`{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}}}`)
	check(t, "schema keeps references", api.Model("Pets").Schema,
		`{"type":"array","items":{"$ref":"#/components/schemas/Pet"}}`)

	check(t, "location of a field", in.Src.Field("timeoutInMillis").String(),
		"testdata/petstore.yaml:106: paths./pets/{petId}.get.x-amazon-apigateway-integration.timeoutInMillis")
	check(t, "location of a method", get.Src.Loc.String(), "testdata/petstore.yaml:92: paths./pets/{petId}.get")
}

func stripSources(vs []model.RequestValidator) []model.RequestValidator {
	out := slices.Clone(vs)
	for i := range out {
		out[i].Src = model.Source{}
	}
	return out
}

func TestPetStoreSwagger2(t *testing.T) {
	api, warnings := mustLoad(t, "testdata/petstore-swagger.json")
	check(t, "warnings", warnings, []model.Warning(nil))
	check(t, "name", api.Name, "PetStore2")
	check(t, "base path", api.BasePath, "/v1")
	check(t, "resources", resourcePaths(api), []string{"/", "/pets", "/pets/{id}"})

	post := mustMethod(t, api, "/pets", "POST")
	check(t, "body model", post.RequestModels, model.StringMap{{Key: "application/json", Value: "Pet"}})
	check(t, "header parameter", post.RequestParameters, map[string]bool{"method.request.header.X-Request-Id": true})
	mr := post.MethodResponse("200")
	check(t, "response headers", mr.ResponseParameters, map[string]bool{"method.response.header.X-Request-Id": false})
	check(t, "response models", mr.ResponseModels, model.StringMap{{Key: "application/json", Value: "Pet"}})
	in := post.Integration
	check(t, "aws", []any{in.Type, in.HTTPMethod, in.Credentials, in.ConnectionType},
		[]any{model.IntegrationAWS, "POST", "arn:aws:iam::123456789012:role/apigw", model.ConnectionType("")})
	check(t, "creation order", patterns(in), []string{".*not found.* -> 404", " -> 200"})

	get := mustMethod(t, api, "/pets/{id}", "GET")
	check(t, "aws proxy", get.Integration.Type, model.IntegrationAWSProxy)
	check(t, "method responses", len(get.MethodResponses), 2)
	check(t, "definitions", api.Model("Pet").Schema, `{"type":"object","properties":{"name":{"type":"string"}}}`)
	check(t, "location in JSON", in.Src.Field("uri").String(),
		"testdata/petstore-swagger.json:24: paths./pets.post.x-amazon-apigateway-integration.uri")
}
