// Package cloudformation reads AWS CloudFormation and SAM templates, in
// JSON or YAML, into a model.RestApi and the Lambda functions the template
// defines, the way CloudFormation would create them.
//
// Short-form tags (!Ref, !Sub, !GetAtt …) are rewritten into their long
// forms, then an intrinsic evaluator resolves what an API needs:
// parameters (defaults and overrides), pseudo parameters, conditions,
// Ref/Fn::GetAtt of resources (with stable generated ids), Fn::Sub, Fn::Join,
// Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not,
// Fn::FindInMap, Fn::Base64, Fn::GetAZs and Fn::Cidr. Every problem is
// reported with the file, the line and the template path of the value
// ("Resources.GetPets.Properties.Integration.Uri"), all at once.
//
// Resources of types Archway does not read are reported as warnings, never
// dropped silently.
package cloudformation
