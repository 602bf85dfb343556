resource "aws_api_gateway_rest_api" "same" {
  name = "same"
}

locals {
  api  = aws_api_gateway_rest_api.same.id
  item = templatefile("${path.module}/item.tpl", { attr = "id" })
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.same.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_resource" "item" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.items.id
  path_part   = "{id}"
}

resource "aws_api_gateway_method" "get_item" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.item.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get_item" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_method.get_item.resource_id
  http_method       = aws_api_gateway_method.get_item.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": 200}" }
}

resource "aws_api_gateway_integration_response" "get_item" {
  rest_api_id        = local.api
  resource_id        = aws_api_gateway_resource.item.id
  http_method        = "GET"
  status_code        = "200"
  response_templates = { "application/xml" = trimspace(local.item) }
  depends_on         = [aws_api_gateway_integration.get_item]
}

resource "aws_api_gateway_resource" "hello" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.same.root_resource_id
  path_part   = "hello"
}

resource "aws_api_gateway_method" "hello" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.hello.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "hello" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.hello.id
  http_method             = aws_api_gateway_method.hello.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.hello.invoke_arn
}

resource "aws_lambda_function" "hello" {
  function_name = "hello"
  filename      = "hello.zip"
  handler       = "bootstrap"
  runtime       = "provided.al2023"
  role          = aws_iam_role.hello.arn
}

# Accepted without a warning: it changes nothing locally.
resource "aws_lambda_permission" "hello" {
  function_name = aws_lambda_function.hello.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.same.execution_arn}/*/*"
}

resource "aws_iam_role" "hello" {
  name = "hello"
}
