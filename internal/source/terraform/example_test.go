package terraform

import (
	"reflect"
	"testing"

	"archway/internal/compile"
	"archway/internal/model"
	"archway/internal/plan/plantest"
)

func TestExample(t *testing.T) {
	res, err := Load("../../../examples/terraform", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Log(w)
	}
	api := res.API
	if api.Name != "orders" || api.Stage("dev") == nil {
		t.Fatalf("api %q stages %+v", api.Name, api.Stages)
	}
	if v, _ := api.Stage("dev").Variables.Get("shop"); v != "EXAMPLE" {
		t.Errorf("stage variable shop = %q", v)
	}
	r := api.ResourceByPath("/orders/{id}")
	if r == nil || r.Method("GET") == nil || r.Method("GET").Integration == nil {
		t.Fatalf("resources %+v", api.Resources)
	}
	in := r.Method("GET").Integration
	if in.Type != model.IntegrationMock || in.PassthroughBehavior != model.PassthroughWhenNoTemplates {
		t.Errorf("integration %+v", in)
	}
	if tm, _ := in.RequestTemplates.Get("application/json"); tm != `{"statusCode":200}` {
		t.Errorf("request template %q", tm)
	}
	p, err := compile.Compile(api, compile.StageConfig{Name: "dev", Variables: api.Stage("dev").Variables})
	if err != nil {
		t.Fatal(err)
	}
	got := plantest.Routes(p)
	want := []string{"GET /orders/{id} MOCK   passthrough=WHEN_NO_TEMPLATES request:application/json response:200/application/json"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("routes\n%q\nwant\n%q", got, want)
	}
}
