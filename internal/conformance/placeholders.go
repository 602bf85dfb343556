package conformance

import (
	"errors"
	"fmt"
	"strings"
)

// Placeholder roles: what value the runner supplies for a token (FORMAT.md
// section 5).
const (
	RoleRegion             = "region"
	RoleAccountID          = "account_id"
	RoleRoleName           = "role_name"
	RoleLambdaFunctionName = "lambda_function_name"
	RoleLambdaFunctionARN  = "lambda_function_arn"
	RoleHTTPBackendOrigin  = "http_backend_origin"
	RoleHTTPBackendHost    = "http_backend_host"
	RoleS3Bucket           = "s3_bucket"
	RoleSQSQueueName       = "sqs_queue_name"
	RoleSQSQueueURL        = "sqs_queue_url"
	RoleDynamoDBTable      = "dynamodb_table"
	RoleKinesisStream      = "kinesis_stream"
	RoleStateMachineARN    = "state_machine_arn"
	RoleRestAPIID          = "restapi_id"
	RoleRootResourceID     = "root_resource_id"
)

// knownRoles is the closed set of roles.
var knownRoles = map[string]bool{
	RoleRegion: true, RoleAccountID: true, RoleRoleName: true,
	RoleLambdaFunctionName: true, RoleLambdaFunctionARN: true,
	RoleHTTPBackendOrigin: true, RoleHTTPBackendHost: true, RoleS3Bucket: true,
	RoleSQSQueueName: true, RoleSQSQueueURL: true, RoleDynamoDBTable: true,
	RoleKinesisStream: true, RoleStateMachineARN: true, RoleRestAPIID: true,
	RoleRootResourceID: true,
}

// Placeholder binds an input token to a role.
type Placeholder struct {
	Token string
	Role  string
}

// Placeholders are a vector's input tokens in substitution order.
type Placeholders []Placeholder

// UnmarshalJSON reads the placeholders object in document order.
func (p *Placeholders) UnmarshalJSON(data []byte) error {
	pairs, err := parseStringObject(data)
	if err != nil {
		return fmt.Errorf("placeholders: %w", err)
	}
	out := make(Placeholders, len(pairs))
	for i, p := range pairs {
		out[i] = Placeholder{Token: p[0], Role: p[1]}
	}
	*p = out
	return nil
}

// substitutedMembers are the input members placeholders occur in.
var substitutedMembers = map[string]bool{
	"api": true, "stage": true, "request": true, "setup_requests": true, "setup_calls": true,
}

// Substitute returns a copy of v whose inputs (api, stage, request,
// setup_requests, setup_calls) have every placeholder token replaced by the
// value of its role, in the listed order (section 5); v itself when it
// declares no placeholders. values maps roles to values; a role the vector
// uses without a value is an error. Expectations are never substituted.
func (v *Vector) Substitute(values map[string]string) (*Vector, error) {
	if len(v.Placeholders) == 0 {
		return v, nil
	}
	var missing []string
	for _, p := range v.Placeholders {
		if _, ok := values[p.Role]; !ok {
			missing = append(missing, p.Role)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("conformance: %s: no value for role(s) %s", v.ID, strings.Join(missing, ", "))
	}
	doc, err := parseJSON(v.raw)
	if err != nil {
		return nil, fmt.Errorf("conformance: %s: %w", v.ID, err)
	}
	top, ok := doc.(*object)
	if !ok {
		return nil, errors.New("conformance: " + v.ID + ": not a JSON object")
	}
	for i, m := range top.members {
		if substitutedMembers[m.name] {
			top.members[i].value = replaceStrings(m.value, v.Placeholders, values)
		}
	}
	return decodeVector(encodeJSON(top))
}

// replaceStrings applies the placeholder replacements to every string value
// under x (object member names are left alone).
func replaceStrings(x any, ps Placeholders, values map[string]string) any {
	switch t := x.(type) {
	case string:
		for _, p := range ps {
			t = strings.ReplaceAll(t, p.Token, values[p.Role])
		}
		return t
	case []any:
		for i, e := range t {
			t[i] = replaceStrings(e, ps, values)
		}
	case *object:
		for i, m := range t.members {
			t.members[i].value = replaceStrings(m.value, ps, values)
		}
	}
	return x
}
