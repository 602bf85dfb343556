// Package terraform reads a directory of Terraform configuration (.tf
// files) into a model.RestApi and the Lambda functions it defines, the way
// the AWS provider would create them.
//
// The configuration is parsed with HCL 2 and evaluated here: variable
// blocks (defaults, overrides, terraform.tfvars and *.auto.tfvars), locals,
// references between resources (with stable generated ids for what AWS
// computes: id, root_resource_id, path, arn, invoke_arn, execution_arn),
// interpolation, and a small set of functions written in-house. Every
// problem is reported with its file, line and resource address
// ("aws_api_gateway_integration.get.uri"), all at once.
//
// Resource types Archway does not read are reported as warnings, never
// dropped silently.
package terraform
