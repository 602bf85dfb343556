// Command testhandler is an unmodified github.com/aws/aws-lambda-go
// function the runtime tests run as a real process. The event drives what
// it does; ARCHWAY_TEST_INIT selects a failing init phase.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

// event is what the tests send.
type event struct {
	SleepMs int    `json:"sleepMs"`
	Crash   bool   `json:"crash"`
	Fail    string `json:"fail"`
	Log     string `json:"log"`
}

// reply is what the handler answers on success.
type reply struct {
	PID       int               `json:"pid"`
	RequestID string            `json:"requestId"`
	ARN       string            `json:"arn"`
	Deadline  int64             `json:"deadlineMs"`
	Env       map[string]string `json:"env"`
	Event     json.RawMessage   `json:"event"`
}

func handle(ctx context.Context, raw json.RawMessage) (*reply, error) {
	var ev event
	if err := json.Unmarshal(raw, &ev); err != nil {
		return nil, err
	}
	if ev.Log != "" {
		fmt.Println(ev.Log)
	}
	if ev.SleepMs > 0 {
		time.Sleep(time.Duration(ev.SleepMs) * time.Millisecond)
	}
	if ev.Crash {
		os.Exit(2)
	}
	if ev.Fail != "" {
		return nil, errors.New(ev.Fail)
	}
	lc, _ := lambdacontext.FromContext(ctx)
	deadline, _ := ctx.Deadline()
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok && (strings.HasPrefix(k, "AWS_") || strings.HasPrefix(k, "_") || k == "LAMBDA_TASK_ROOT" || k == "TEST_VAR") {
			env[k] = v
		}
	}
	return &reply{PID: os.Getpid(), RequestID: lc.AwsRequestID, ARN: lc.InvokedFunctionArn,
		Deadline: deadline.UnixMilli(), Env: env, Event: raw}, nil
}

func main() {
	switch os.Getenv("ARCHWAY_TEST_INIT") {
	case "exit":
		log.Fatal("init failed")
	case "report":
		// Report an init error the way runtime clients do, then exit.
		url := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/init/error"
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"errorMessage":"bad config","errorType":"Runtime.InitError"}`))
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
	lambda.Start(handle)
}
