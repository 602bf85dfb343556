package integration

import (
	"context"
	"testing"
)

func TestInvokerFunc(t *testing.T) {
	var inv Invoker = InvokerFunc(func(_ context.Context, req *Request) (*Response, error) {
		return &Response{Status: 201, Body: req.Body}, nil
	})
	resp, err := inv.Invoke(context.Background(), &Request{Body: []byte("x")})
	if err != nil || resp.Status != 201 || string(resp.Body) != "x" {
		t.Errorf("got %+v, %v", resp, err)
	}
}
