package terraform

import (
	"slices"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// schema lists the arguments and nested blocks of a resource type, as the
// provider's documentation gives them. Archway reads some and accepts the
// rest; a name in neither list is most likely a typo, which Terraform would
// reject, so it is reported.
type schema struct {
	args   []string
	blocks map[string]schema
}

// commonArgs are accepted on every resource: Terraform's meta-arguments
// and the provider's per-resource region (aws provider 6).
var commonArgs = []string{"count", "for_each", "depends_on", "provider", "region"}

// schemas holds the resource types whose arguments are known.
var schemas = map[string]schema{
	typeRestAPI: {args: []string{"name", "description", "body", "binary_media_types", "minimum_compression_size",
		"api_key_source", "disable_execute_api_endpoint", "fail_on_warnings", "parameters", "policy",
		"put_rest_api_mode", "tags", "ip_address_type"},
		blocks: map[string]schema{"endpoint_configuration": {args: []string{"types", "vpc_endpoint_ids", "ip_address_type"}}}},
	typeResource: {args: []string{"rest_api_id", "parent_id", "path_part"}},
	typeMethod: {args: []string{"rest_api_id", "resource_id", "http_method", "authorization", "authorizer_id",
		"authorization_scopes", "api_key_required", "operation_name", "request_models", "request_validator_id",
		"request_parameters"}},
	typeIntegration: {args: []string{"rest_api_id", "resource_id", "http_method", "integration_http_method", "type",
		"connection_type", "connection_id", "uri", "credentials", "request_templates", "request_parameters",
		"request_parameters_in_json", "passthrough_behavior", "cache_key_parameters", "cache_namespace",
		"content_handling", "timeout_milliseconds", "response_transfer_mode"},
		blocks: map[string]schema{"tls_config": {args: []string{"insecure_skip_verification"}}}},
	typeIntegrationResponse: {args: []string{"rest_api_id", "resource_id", "http_method", "status_code",
		"selection_pattern", "response_templates", "response_parameters", "content_handling"}},
	typeMethodResponse: {args: []string{"rest_api_id", "resource_id", "http_method", "status_code",
		"response_models", "response_parameters"}},
	typeDeployment: {args: []string{"rest_api_id", "description", "stage_name", "stage_description", "variables",
		"triggers"},
		blocks: map[string]schema{"canary_settings": {args: []string{"percent_traffic", "stage_variable_overrides", "use_stage_cache"}}}},
	typeStage: {args: []string{"rest_api_id", "deployment_id", "stage_name", "description", "cache_cluster_enabled",
		"cache_cluster_size", "client_certificate_id", "documentation_version", "variables", "tags",
		"xray_tracing_enabled", "web_acl_arn"},
		blocks: map[string]schema{
			"access_log_settings": {args: []string{"destination_arn", "format"}},
			"canary_settings":     {args: []string{"deployment_id", "percent_traffic", "stage_variable_overrides", "use_stage_cache"}},
		}},
	typeGatewayResponse: {args: []string{"rest_api_id", "response_type", "status_code", "response_templates",
		"response_parameters"}},
	typeModel: {args: []string{"rest_api_id", "name", "description", "content_type", "schema"}},
	typeRequestValidator: {args: []string{"rest_api_id", "name", "validate_request_body",
		"validate_request_parameters"}},
	typeFunction: {args: []string{"function_name", "role", "handler", "runtime", "filename", "source_code_hash",
		"s3_bucket", "s3_key", "s3_object_version", "image_uri", "package_type", "memory_size", "timeout",
		"publish", "description", "layers", "architectures", "kms_key_arn", "reserved_concurrent_executions",
		"tags", "code_signing_config_arn", "skip_destroy", "replace_security_groups_on_destroy",
		"replacement_security_group_ids", "source_kms_key_arn", "code_sha256"},
		blocks: map[string]schema{
			"environment":        {args: []string{"variables"}},
			"vpc_config":         {args: []string{"subnet_ids", "security_group_ids", "ipv6_allowed_for_dual_stack"}},
			"tracing_config":     {args: []string{"mode"}},
			"dead_letter_config": {args: []string{"target_arn"}},
			"ephemeral_storage":  {args: []string{"size"}},
			"file_system_config": {args: []string{"arn", "local_mount_path"}},
			"image_config":       {args: []string{"command", "entry_point", "working_directory"}},
			"logging_config":     {args: []string{"log_format", "log_group", "application_log_level", "system_log_level"}},
			"snap_start":         {args: []string{"apply_on"}},
			"timeouts":           {args: []string{"create", "update", "delete"}},
		}},
	typePermission: {args: []string{"action", "function_name", "principal", "statement_id", "statement_id_prefix",
		"source_arn", "source_account", "qualifier", "event_source_token", "function_url_auth_type",
		"principal_org_id"}},
	typeV2API: {args: []string{"name", "protocol_type", "api_key_selection_expression", "body", "credentials_arn",
		"description", "disable_execute_api_endpoint", "fail_on_warnings", "ip_address_type", "route_key",
		"route_selection_expression", "tags", "target", "version"},
		blocks: map[string]schema{"cors_configuration": {args: []string{"allow_credentials", "allow_headers",
			"allow_methods", "allow_origins", "expose_headers", "max_age"}}}},
	typeV2Integration: {args: []string{"api_id", "integration_type", "connection_id", "connection_type",
		"content_handling_strategy", "credentials_arn", "description", "integration_method", "integration_subtype",
		"integration_uri", "passthrough_behavior", "payload_format_version", "request_parameters",
		"request_templates", "template_selection_expression", "timeout_milliseconds"},
		blocks: map[string]schema{
			"response_parameters": {args: []string{"status_code", "mappings"}},
			"tls_config":          {args: []string{"server_name_to_verify"}},
		}},
	typeV2Route: {args: []string{"api_id", "route_key", "api_key_required", "authorization_scopes",
		"authorization_type", "authorizer_id", "model_selection_expression", "operation_name", "request_models",
		"route_response_selection_expression", "target"},
		blocks: map[string]schema{"request_parameter": {args: []string{"request_parameter_key", "required"}}}},
	typeV2Stage: {args: []string{"api_id", "name", "auto_deploy", "client_certificate_id", "deployment_id",
		"description", "stage_variables", "tags"},
		blocks: map[string]schema{
			"access_log_settings": {args: []string{"destination_arn", "format"}},
			"default_route_settings": {args: []string{"data_trace_enabled", "detailed_metrics_enabled", "logging_level",
				"throttling_burst_limit", "throttling_rate_limit"}},
			"route_settings": {args: []string{"route_key", "data_trace_enabled", "detailed_metrics_enabled",
				"logging_level", "throttling_burst_limit", "throttling_rate_limit"}},
		}},
	typeV2Deployment: {args: []string{"api_id", "description", "triggers"}},
	typeV2VPCLink:    {args: []string{"name", "security_group_ids", "subnet_ids", "tags"}},
	// The awscc provider gives nested objects as attributes (x = {...}),
	// never as blocks.
	typeCCAPI: {args: []string{"api_key_selection_expression", "base_path", "body", "body_s3_location",
		"cors_configuration", "credentials_arn", "description", "disable_execute_api_endpoint",
		"disable_schema_validation", "fail_on_warnings", "ip_address_type", "name", "protocol_type", "route_key",
		"route_selection_expression", "tags", "target", "version"}},
	typeCCIntegration: {args: []string{"api_id", "integration_type", "connection_id", "connection_type",
		"content_handling_strategy", "credentials_arn", "description", "integration_method", "integration_subtype",
		"integration_uri", "passthrough_behavior", "payload_format_version", "request_parameters",
		"request_templates", "response_parameters", "template_selection_expression", "timeout_in_millis",
		"tls_config"}},
	typeCCRoute: {args: []string{"api_id", "route_key", "api_key_required", "authorization_scopes",
		"authorization_type", "authorizer_id", "model_selection_expression", "operation_name", "request_models",
		"request_parameters", "route_response_selection_expression", "target"}},
	typeCCStage: {args: []string{"api_id", "stage_name", "access_log_settings", "auto_deploy",
		"client_certificate_id", "default_route_settings", "deployment_id", "description", "route_settings",
		"stage_variables", "tags"}},
}

// checkArguments warns about the arguments and nested blocks of d that its
// type does not have.
func (c *config) checkArguments(d *decl) {
	s, ok := schemas[d.typ]
	if !ok {
		return
	}
	c.checkBody(d.block.Body, s, d.addr(), true)
}

func (c *config) checkBody(b *hclsyntax.Body, s schema, path string, top bool) {
	for name, a := range b.Attributes {
		if slices.Contains(s.args, name) || (top && slices.Contains(commonArgs, name)) {
			continue
		}
		c.warnAt(a.SrcRange, path+"."+name, "Unsupported argument: an argument named %q is not expected here%s, Archway ignores it", name, suggest(name, s))
	}
	for _, nb := range b.Blocks {
		if top && nb.Type == "lifecycle" {
			continue
		}
		inner, ok := s.blocks[nb.Type]
		if !ok {
			c.warnAt(nb.TypeRange, path+"."+nb.Type, "Unsupported block type: blocks of type %q are not expected here%s, Archway ignores it", nb.Type, suggest(nb.Type, s))
			continue
		}
		c.checkBody(nb.Body, inner, path+"."+nb.Type, false)
	}
}

// suggest names the known argument or block closest to name, when one is
// a likely intended spelling.
func suggest(name string, s schema) string {
	best, bestD := "", 3
	try := func(cand string) {
		if d := editDistance(name, cand); d < bestD {
			best, bestD = cand, d
		}
	}
	for _, a := range s.args {
		try(a)
	}
	for b := range s.blocks {
		try(b)
	}
	if best == "" {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
