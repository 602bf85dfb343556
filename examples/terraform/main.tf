# A mock "orders" API: GET /orders/{id} answers from API Gateway itself,
# turning the request into XML on the way out. Nothing here is rewritten
# for Archway: this is the configuration you would `terraform apply`.

resource "aws_api_gateway_rest_api" "shop" {
  name        = "${var.api_name}"
  description = "Orders answered by a MOCK integration"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = "${aws_api_gateway_rest_api.shop.id}"
  parent_id   = "${aws_api_gateway_rest_api.shop.root_resource_id}"
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{id}"
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"

  request_parameters = {
    "method.request.path.id" = true
  }
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  type        = "MOCK"

  request_parameters = {
    "integration.request.header.X-Source" = "'archway-example'"
  }

  passthrough_behavior = "WHEN_NO_TEMPLATES"

  # A MOCK integration picks its response from the statusCode the request
  # template produces.
  request_templates = {
    "application/json" = jsonencode({ statusCode = 200 })
  }
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = "200"

  response_parameters = {
    "method.response.header.Content-Type" = true
  }
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = aws_api_gateway_method_response.ok.status_code

  response_parameters = {
    "method.response.header.Content-Type" = "'application/xml'"
  }

  # The response body is XML built from the path parameter and a stage
  # variable.
  response_templates = {
    "application/json" = <<-EOT
      <?xml version="1.0" encoding="UTF-8"?>
      <order id="$util.escapeJavaScript($input.params('id'))">
        <shop>$stageVariables.shop</shop>
        <status>shipped</status>
      </order>
    EOT
  }
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  depends_on  = [aws_api_gateway_integration.get_order]
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = local.stage

  variables = {
    shop = upper(var.shop)
  }
}
