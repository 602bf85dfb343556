# An HTTP API with the aws provider's apigatewayv2 resources: a Lambda
# proxy route, a private HTTP proxy behind a VPC link, CORS and a stage.

resource "aws_apigatewayv2_api" "shop" {
  name          = "shop"
  protocol_type = "HTTP"
  description   = "shop front"

  cors_configuration {
    allow_origins = ["https://shop.example"]
    allow_methods = ["GET", "POST"]
    max_age       = 300
  }
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  filename      = "orders.zip"
  handler       = "bootstrap"
  runtime       = "provided.al2023"
  role          = "arn:aws:iam::123456789012:role/orders"
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id                 = aws_apigatewayv2_api.shop.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.orders.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_vpc_link" "private" {
  name               = "private"
  security_group_ids = ["sg-12345678"]
  subnet_ids         = ["subnet-12345678"]
}

resource "aws_apigatewayv2_integration" "catalog" {
  api_id               = aws_apigatewayv2_api.shop.id
  integration_type     = "HTTP_PROXY"
  integration_method   = "ANY"
  integration_uri      = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/catalog/50dc6c495c0c9188/0467ef3c8400ae65"
  connection_type      = "VPC_LINK"
  connection_id        = aws_apigatewayv2_vpc_link.private.id
  timeout_milliseconds = 30000

  tls_config {
    server_name_to_verify = "catalog.internal"
  }

  request_parameters = {
    "overwrite:path"       = "$request.path.proxy"
    "append:header.x-shop" = "front"
  }

  response_parameters {
    status_code = 404
    mappings = {
      "overwrite:statuscode" = "410"
    }
  }
}

resource "aws_apigatewayv2_route" "orders" {
  api_id    = aws_apigatewayv2_api.shop.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_apigatewayv2_route" "catalog" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "ANY /catalog/{proxy+}"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
  authorization_type = "AWS_IAM"
  operation_name     = "Catalog"
}

resource "aws_apigatewayv2_deployment" "shop" {
  api_id      = aws_apigatewayv2_api.shop.id
  description = "first"

  triggers = {
    redeployment = aws_apigatewayv2_route.orders.id
  }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id          = aws_apigatewayv2_api.shop.id
  name            = "prod"
  deployment_id   = aws_apigatewayv2_deployment.shop.id
  stage_variables = { backend = "catalog.internal" }

  default_route_settings {
    throttling_burst_limit = 10
    throttling_rate_limit  = 5
  }
}
