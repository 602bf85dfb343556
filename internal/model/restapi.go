package model

// RestApi is one REST API: its settings and everything it contains.
type RestApi struct {
	Src         Source
	ID          string
	Name        string
	Description string
	Version     string

	// BinaryMediaTypes are the media types (type/subtype, wildcards
	// allowed) whose payloads API Gateway treats as binary.
	BinaryMediaTypes []string
	// APIKeySource is where API keys are read from (HEADER by default).
	APIKeySource APIKeySource
	// EndpointConfiguration is how the API is exposed (EDGE by default).
	EndpointConfiguration EndpointConfiguration
	// MinimumCompressionSize is the smallest response body, in bytes, that
	// is compressed; nil disables compression.
	MinimumCompressionSize *int
	// DisableExecuteAPIEndpoint turns the default execute-api endpoint off.
	DisableExecuteAPIEndpoint bool
	// BasePath is the base path the definition declares (OpenAPI servers or
	// basePath), for information: by default AWS import ignores it.
	BasePath string

	// Resources is the resource tree, root first, every parent before its
	// children.
	Resources         []*Resource
	Models            []Model
	RequestValidators []RequestValidator
	// GatewayResponses are the customised gateway responses; a type not
	// listed has its default response.
	GatewayResponses []GatewayResponse
	Stages           []Stage
}

// EndpointConfiguration is how a REST API is exposed.
type EndpointConfiguration struct {
	Src            Source
	Types          []EndpointType
	VPCEndpointIDs []string
}

// RootResource returns the resource whose path is "/", or nil.
func (a *RestApi) RootResource() *Resource {
	for _, r := range a.Resources {
		if r.Path == "/" {
			return r
		}
	}
	return nil
}

// Resource returns the resource with the given id, or nil.
func (a *RestApi) Resource(id string) *Resource {
	for _, r := range a.Resources {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ResourceByPath returns the resource with the given path ("/pets/{id}"),
// or nil.
func (a *RestApi) ResourceByPath(path string) *Resource {
	for _, r := range a.Resources {
		if r.Path == path {
			return r
		}
	}
	return nil
}

// Model returns the model with the given name, or nil.
func (a *RestApi) Model(name string) *Model {
	for i := range a.Models {
		if a.Models[i].Name == name {
			return &a.Models[i]
		}
	}
	return nil
}

// RequestValidator returns the validator with the given id, or nil.
func (a *RestApi) RequestValidator(id string) *RequestValidator {
	for i := range a.RequestValidators {
		if a.RequestValidators[i].ID == id {
			return &a.RequestValidators[i]
		}
	}
	return nil
}

// GatewayResponse returns the response API Gateway sends for type t: the
// customised one if there is one, else the default. It does not fall back
// to a customised DEFAULT_4XX/DEFAULT_5XX; see GatewayResponseType.Parent.
func (a *RestApi) GatewayResponse(t GatewayResponseType) GatewayResponse {
	for _, g := range a.GatewayResponses {
		if g.ResponseType == t {
			return g
		}
	}
	return DefaultGatewayResponse(t)
}

// Stage returns the stage with the given name, or nil.
func (a *RestApi) Stage(name string) *Stage {
	for i := range a.Stages {
		if a.Stages[i].Name == name {
			return &a.Stages[i]
		}
	}
	return nil
}
