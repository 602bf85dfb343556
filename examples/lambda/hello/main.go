// Command hello is the Lambda function of the examples/lambda API: an
// unmodified github.com/aws/aws-lambda-go handler, the same binary one
// deploys to AWS (GOOS=linux go build -o bootstrap). It greets the name in
// the path, or in the ?name= query parameter, and echoes a few fields of
// the proxy event it got.
package main

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// greeting is the JSON body the function answers.
type greeting struct {
	Message   string `json:"message"`
	Path      string `json:"path"`
	Method    string `json:"method"`
	Stage     string `json:"stage"`
	RequestID string `json:"requestId"`
}

func handle(_ context.Context, ev events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	name := ev.PathParameters["name"]
	if q := ev.QueryStringParameters["name"]; q != "" {
		name = q
	}
	if name == "" {
		name = "world"
	}
	body, err := json.Marshal(greeting{
		Message:   "Hello, " + name + "!",
		Path:      ev.Path,
		Method:    ev.HTTPMethod,
		Stage:     ev.RequestContext.Stage,
		RequestID: ev.RequestContext.RequestID,
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{
		StatusCode: http.StatusOK,
		Headers:    map[string]string{"Content-Type": "application/json", "X-Greeted": name},
		Body:       string(body),
	}, nil
}

func main() {
	lambda.Start(handle)
}
