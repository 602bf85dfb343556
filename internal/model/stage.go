package model

// Stage is a named, deployed snapshot of an API with its own variables and
// settings.
type Stage struct {
	Src          Source
	Name         string
	Description  string
	DeploymentID string
	// Variables are the stage variables, read as $stageVariables.NAME and
	// ${stageVariables.NAME}.
	Variables StringMap
	// CacheClusterEnabled turns the stage's response cache on.
	CacheClusterEnabled bool
	// CacheClusterSize is the cache size in GB ("0.5", "1.6", ... "237").
	CacheClusterSize string
	// MethodSettings keyed by "{resourcePath}/{httpMethod}", with "*/*" for
	// every method.
	MethodSettings []MethodSetting
	TracingEnabled bool
	// CanarySettings routes a share of the stage's traffic to another
	// deployment; nil when the stage has no canary.
	CanarySettings *CanarySettings
}

// MethodSetting holds the settings of one method of a stage, or of every
// method ("*/*").
type MethodSetting struct {
	Src                                    Source
	Key                                    string // "{resourcePath}/{httpMethod}" or "*/*"
	CachingEnabled                         bool
	CacheTTLInSeconds                      int
	CacheDataEncrypted                     bool
	RequireAuthorizationForCacheControl    bool
	UnauthorizedCacheControlHeaderStrategy string
	ThrottlingBurstLimit                   int
	ThrottlingRateLimit                    float64
	LoggingLevel                           string
	DataTraceEnabled                       bool
	MetricsEnabled                         bool
}

// CanarySettings sends PercentTraffic percent of a stage's requests to
// another deployment, with stage variables overridden.
type CanarySettings struct {
	Src                    Source
	DeploymentID           string
	PercentTraffic         float64
	StageVariableOverrides StringMap
	UseStageCache          bool
}
