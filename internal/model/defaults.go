package model

// DefaultTimeoutInMillis is the integration timeout AWS applies when none is
// given, and the largest one it accepts.
const DefaultTimeoutInMillis = 29000

// MinTimeoutInMillis is the smallest integration timeout AWS accepts.
const MinTimeoutInMillis = 50

// ApplyDefaults fills in what AWS fills in when a definition leaves it out,
// throughout the API: see Method.ApplyDefaults and Integration.ApplyDefaults.
// The API itself gets API key source HEADER and endpoint type EDGE.
func (a *RestApi) ApplyDefaults() {
	if a.APIKeySource == "" {
		a.APIKeySource = APIKeyFromHeader
	}
	if len(a.EndpointConfiguration.Types) == 0 {
		a.EndpointConfiguration.Types = []EndpointType{EndpointEdge}
	}
	for _, r := range a.Resources {
		for _, m := range r.Methods {
			m.ApplyDefaults()
			if m.Integration != nil {
				m.Integration.ApplyDefaults(r.ID)
			}
		}
	}
}

// ApplyDefaults sets authorization type NONE when none is given.
func (m *Method) ApplyDefaults() {
	if m.AuthorizationType == "" {
		m.AuthorizationType = AuthNone
	}
}

// ApplyDefaults does what PutIntegration does with a new integration of the
// resource with id resourceID (vectors control-put-integration-*):
// passthroughBehavior WHEN_NO_MATCH, timeoutInMillis 29000, an empty (not
// absent) list of cache key parameters, cacheNamespace the resource id,
// connectionType INTERNET for HTTP and HTTP_PROXY, and a MOCK integration
// drops its uri.
func (in *Integration) ApplyDefaults(resourceID string) {
	if in.PassthroughBehavior == "" {
		in.PassthroughBehavior = PassthroughWhenNoMatch
	}
	if in.TimeoutInMillis == 0 {
		in.TimeoutInMillis = DefaultTimeoutInMillis
	}
	if in.CacheKeyParameters == nil {
		in.CacheKeyParameters = []string{}
	}
	if in.CacheNamespace == "" {
		in.CacheNamespace = resourceID
	}
	if in.ConnectionType == "" && in.Type.IsHTTP() {
		in.ConnectionType = ConnectionInternet
	}
	if in.Type == IntegrationMock {
		in.URI = ""
	}
}
