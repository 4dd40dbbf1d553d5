package webhook

import (
	"context"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestMemQueue(t *testing.T) {
	ctx := context.Background()
	var q MemQueue // the zero value works
	body := []byte(`{"a":1}`)
	for _, p := range []Pending{
		{ID: "c", NextAt: t0.Add(time.Second), Body: body},
		{ID: "b", NextAt: t0},
		{ID: "a", NextAt: t0},
		{ID: "later", NextAt: t0.Add(time.Hour)},
	} {
		if err := q.Put(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	body[2] = 'X' // the queue keeps its own copy
	if err := q.Put(ctx, Pending{}); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("Put without id: %v", err)
	}
	ids := func(ps []Pending) (out []string) {
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	due, _ := q.Due(ctx, t0.Add(time.Second), 10)
	if got := ids(due); len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Errorf("due %v, want a b c", got)
	}
	if string(due[2].Body) != `{"a":1}` {
		t.Errorf("body %s", due[2].Body)
	}
	due[2].Body[0] = 'X'
	if p, _ := q.Get("c"); string(p.Body) != `{"a":1}` {
		t.Errorf("Due shares the stored body: %s", p.Body)
	}
	if due, _ := q.Due(ctx, t0.Add(time.Second), 2); len(due) != 2 {
		t.Errorf("limit 2 gave %d", len(due))
	}
	if due, _ := q.Due(ctx, t0.Add(time.Second), 0); len(due) != 0 {
		t.Errorf("limit 0 gave %d", len(due))
	}
	q.Put(ctx, Pending{ID: "a", NextAt: t0.Add(2 * time.Hour), Attempts: 1}) // replaces
	if due, _ := q.Due(ctx, t0.Add(time.Second), 10); len(ids(due)) != 2 {
		t.Errorf("after moving a: due %v", ids(due))
	}
	if p, ok := q.Get("a"); !ok || p.Attempts != 1 {
		t.Errorf("a = %+v %v", p, ok)
	}
	if err := q.Done(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := q.Done(ctx, "missing"); err != nil {
		t.Errorf("Done of a missing id: %v", err)
	}
	if q.Len() != 3 {
		t.Errorf("Len %d, want 3", q.Len())
	}
}
