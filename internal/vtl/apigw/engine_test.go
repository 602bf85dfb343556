package apigw_test

import (
	"fmt"
	"sync"
	"testing"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

// TestEngineConcurrent renders one template from many goroutines through
// one Engine: pooled render state must never leak between renders.
func TestEngineConcurrent(t *testing.T) {
	tpl, err := vtl.Parse("c", `#set($r = $input.path('$'))${r.n}-${input.params('i')}-$stageVariables.s#set($r.n = 'x')`)
	if err != nil {
		t.Fatal(err)
	}
	engine := apigw.NewEngine()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				q := jsonvalue.NewMap(1)
				q.Put("i", fmt.Sprint(i))
				sv := jsonvalue.NewMap(1)
				sv.Put("s", fmt.Sprint(g))
				body := fmt.Sprintf(`{"n": %d}`, g*1000+i)
				out, err := engine.Render(nil, tpl, &apigw.Request{Body: []byte(body), Params: apigw.Params{QueryString: q}, StageVariables: sv})
				want := fmt.Sprintf("%d-%d-%d", g*1000+i, i, g)
				if err != nil || string(out) != want {
					errs <- fmt.Errorf("goroutine %d render %d: got %q (%v), want %q", g, i, out, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestPathResultsArePrivate: a template that changes what $input.path
// returned must not see the change in the next call (AWS re-parses the
// body for every call), and a template that cannot change anything shares
// the parsed body.
func TestPathResultsArePrivate(t *testing.T) {
	tpl, err := vtl.Parse("m", `#set($a = $input.path('$.l'))$a.add(9)|$a|$input.path('$.l')|$input.json('$.l')`)
	if err != nil {
		t.Fatal(err)
	}
	if !tpl.MayMutate() {
		t.Fatal("a template calling add() must report MayMutate")
	}
	out, err := apigw.NewEngine().Render(nil, tpl, &apigw.Request{Body: []byte(`{"l": [1, 2]}`)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "true|[1,2,9]|[1,2]|[1,2]"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	ro, _ := vtl.Parse("r", `$input.path('$.l').size()`)
	if ro.MayMutate() {
		t.Error("a read-only template must not report MayMutate")
	}
}
