# A REST API whose GET / calls a Lambda function through a non-proxy (AWS)
# integration: the shape of the "Lambda integration" example of the
# aws_api_gateway_integration documentation, written in Terraform 0.11's
# "${...}" style as that example is, with the method and integration
# responses a non-proxy integration needs to answer 200.

variable "region" {}
variable "account_id" {}

resource "aws_api_gateway_rest_api" "greeter" {
  name = "greeter"
}

resource "aws_api_gateway_method" "get_root" {
  rest_api_id   = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id   = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get_root" {
  rest_api_id             = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id             = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method             = "${aws_api_gateway_method.get_root.http_method}"
  integration_http_method = "POST"
  type                    = "AWS"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.greeter.arn}/invocations"

  # The function receives {"name": "..."} built from the query string.
  request_templates = {
    "application/json" = "{\"name\": \"$util.escapeJavaScript($input.params('name'))\"}"
  }
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method = "${aws_api_gateway_method.get_root.http_method}"
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method = "${aws_api_gateway_method.get_root.http_method}"
  status_code = "${aws_api_gateway_method_response.ok.status_code}"
  depends_on  = [aws_api_gateway_integration.get_root]
}

resource "aws_api_gateway_method_response" "bad_request" {
  rest_api_id = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method = "${aws_api_gateway_method.get_root.http_method}"
  status_code = "400"
}

# A function error whose message starts with "Bad request" answers 400 with
# the message alone.
resource "aws_api_gateway_integration_response" "bad_request" {
  rest_api_id       = "${aws_api_gateway_rest_api.greeter.id}"
  resource_id       = "${aws_api_gateway_rest_api.greeter.root_resource_id}"
  http_method       = "${aws_api_gateway_method.get_root.http_method}"
  status_code       = "${aws_api_gateway_method_response.bad_request.status_code}"
  selection_pattern = "Bad request.*"
  response_templates = {
    "application/json" = "{\"error\": \"$util.escapeJavaScript($input.path('$.errorMessage'))\"}"
  }
  depends_on = [aws_api_gateway_integration.get_root]
}

resource "aws_lambda_permission" "apigw_greeter" {
  statement_id  = "AllowExecutionFromAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = "${aws_lambda_function.greeter.arn}"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:${var.region}:${var.account_id}:${aws_api_gateway_rest_api.greeter.id}/*/${aws_api_gateway_method.get_root.http_method}/"
}

# Deployed, greeter.zip holds greeter/index.js; Archway runs the unpacked
# directory next to the archive's name.
resource "aws_lambda_function" "greeter" {
  filename      = "greeter.zip"
  function_name = "greeter"
  role          = "${aws_iam_role.greeter.arn}"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}

resource "aws_iam_role" "greeter" {
  name = "greeter"

  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": { "Service": "lambda.amazonaws.com" },
      "Effect": "Allow"
    }
  ]
}
POLICY
}
