variable "api_name" {
  type    = string
  default = "orders"
}

variable "shop" {
  type    = string
  default = "example"
}

locals {
  stage = "dev"
}
