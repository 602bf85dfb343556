# An HTTP API in front of a Lambda function, written with the awscc
# (Cloud Control) provider's apigatewayv2 resources.

resource "aws_iam_role" "greeter" {
  name = "greeter-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "greeter" {
  function_name = "greeter"
  filename      = "greeter.zip"
  handler       = "index.handler"
  runtime       = "nodejs18.x"
  role          = aws_iam_role.greeter.arn
}

resource "awscc_apigatewayv2_api" "greetings" {
  name          = "greetings-api"
  protocol_type = "HTTP"

  tags = {
    Environment = "test"
    Name        = "greetings-api"
  }
}

resource "awscc_apigatewayv2_integration" "greeter" {
  api_id           = awscc_apigatewayv2_api.greetings.id
  integration_type = "AWS_PROXY"

  integration_uri        = aws_lambda_function.greeter.arn
  integration_method     = "POST"
  payload_format_version = "2.0"
  timeout_in_millis      = 10000

  description = "Lambda greeter"
}

resource "awscc_apigatewayv2_route" "hello" {
  api_id    = awscc_apigatewayv2_api.greetings.id
  route_key = "GET /hello/{name}"
  target    = "integrations/${awscc_apigatewayv2_integration.greeter.integration_id}"
}

resource "awscc_apigatewayv2_stage" "live" {
  api_id          = awscc_apigatewayv2_api.greetings.id
  stage_name      = "live"
  auto_deploy     = true
  stage_variables = jsonencode({ greeting = "hello", audience = "world" })
}
