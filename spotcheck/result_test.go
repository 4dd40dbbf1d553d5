package spotcheck

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func failed() Result {
	return Result{
		Product: "p-formula", Batch: "B2026-01", Platform: "a", Merchant: "m1",
		Category: qinglang.CatInfantFormula, Lab: "某省食品检验研究院",
		SampledAt: time.Date(2026, 2, 1, 10, 0, 0, 0, cst), TestedAt: time.Date(2026, 2, 10, 16, 0, 0, 0, cst),
		FailedItems: []Item{{Name: "蛋白质", Measured: "1.2", Limit: "≥1.8", Unit: "g/100kJ"}},
	}
}

func TestResultValidate(t *testing.T) {
	r := failed()
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		field string
		edit  func(*Result)
	}{
		{"product", func(r *Result) { r.Product = " " }},
		{"platform", func(r *Result) { r.Platform = "" }},
		{"lab", func(r *Result) { r.Lab = "" }},
		{"batch", func(r *Result) { r.Batch = strings.Repeat("x", qinglang.MaxIDBytes+1) }},
		{"category", func(r *Result) { r.Category = "toys" }},
		{"sampled_at", func(r *Result) { r.SampledAt = time.Time{} }},
		{"tested_at", func(r *Result) { r.TestedAt = r.SampledAt.Add(-time.Hour) }},
		{"failed_items", func(r *Result) { r.FailedItems = nil }},
		{"failed_items", func(r *Result) { r.Pass = true }},
		{"failed_items", func(r *Result) { r.FailedItems[0].Measured = "" }},
	} {
		r := failed()
		r.FailedItems = append([]Item(nil), r.FailedItems...)
		tc.edit(&r)
		fe := r.Validate()
		if fe == nil {
			t.Errorf("%s: accepted", tc.field)
			continue
		}
		if fe.Field != tc.field || !strings.Contains(fe.Err.Message, "字段 "+tc.field) ||
			!strings.Contains(fe.Err.MessageEN, "field "+tc.field) || qinglang.Code(fe) != qinglang.EINVALID {
			t.Errorf("%s: got field %q, %v", tc.field, fe.Field, fe)
		}
	}
	pass := failed()
	pass.Pass, pass.FailedItems = true, nil
	if err := pass.Validate(); err != nil {
		t.Errorf("passing result: %v", err)
	}
}

const csvFile = "\ufeffproduct,batch,platform,merchant,category,lab,sampled_at,tested_at,pass,failed_items,note\n" +
	"p1,B1,a,m1,food,LabA,2026-02-01,2026-02-05,不合格,铅|0.8|0.5|mg/kg;菌落总数|5000|1000|CFU/g,x\n" + // 2 good
	"p2,,b,m2,apparel,LabB,2026-02-01T09:00:00+08:00,2026-02-03T09:00:00+08:00,true,,\n" + // 3 good
	",B3,a,m3,food,LabA,2026-02-01,2026-02-05,false,铅|0.8,\n" + // 4 no product
	"p4,B4,a,m4,food,LabA,2026/02/01,2026-02-05,false,铅|0.8,\n" + // 5 bad date
	"p5,B5,a,m5,food,LabA,2026-02-01,2026-02-05,maybe,铅|0.8,\n" + // 6 bad pass
	"p6,B6,a,m6,food,LabA,2026-02-01,2026-02-05,false,,\n" + // 7 failing without items
	"p7,B7,a,m7,food,LabA,2026-02-01,2026-02-05,false,铅,\n" + // 8 item without value
	"p8,B8,a,m8,toys,LabA,2026-02-01,2026-02-05,false,铅|1,\n" + // 9 bad category
	"\"p9,B9,a\n" + // 10 unterminated quote runs to the end
	""

func TestReadCSV(t *testing.T) {
	res, bad, err := ReadCSV(strings.NewReader(csvFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Product != "p1" || res[1].Product != "p2" {
		t.Fatalf("good rows: %+v", res)
	}
	r := res[0]
	if r.Pass || len(r.FailedItems) != 2 || r.FailedItems[1] != (Item{"菌落总数", "5000", "1000", "CFU/g"}) ||
		r.Category != qinglang.CatFood || !r.SampledAt.Equal(time.Date(2026, 2, 1, 0, 0, 0, 0, cst)) {
		t.Errorf("row 2: %+v", r)
	}
	if !res[1].Pass || res[1].Batch != "" {
		t.Errorf("row 3: %+v", res[1])
	}
	want := []struct {
		line  int
		field string
	}{{4, "product"}, {5, "sampled_at"}, {6, "pass"}, {7, "failed_items"}, {8, "failed_items"}, {9, "category"}, {10, ""}}
	if len(bad) != len(want) {
		for _, b := range bad {
			t.Log(b)
		}
		t.Fatalf("%d bad rows, want %d", len(bad), len(want))
	}
	for i, w := range want {
		if bad[i].Line != w.line || bad[i].Field != w.field {
			t.Errorf("bad row %d: line %d field %q, want line %d field %q (%v)", i, bad[i].Line, bad[i].Field, w.line, w.field, bad[i])
		}
		if !strings.Contains(bad[i].Error(), "第 ") || !strings.Contains(bad[i].Error(), "line ") {
			t.Errorf("error does not name the line: %v", bad[i])
		}
		var qe *qinglang.Error
		if !errors.As(bad[i], &qe) || qe.Code != qinglang.EINVALID {
			t.Errorf("not an EINVALID *qinglang.Error: %v", bad[i])
		}
	}
}

func TestReadCSVHeader(t *testing.T) {
	for name, in := range map[string]string{
		"empty":          "",
		"missing column": "product,platform,lab,sampled_at,pass\n",
		"duplicate":      "product,product,platform,lab,sampled_at,tested_at,pass\n",
	} {
		if _, _, err := ReadCSV(strings.NewReader(in)); err == nil || qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Columns in another order, and a blank line.
	res, bad, err := ReadCSV(strings.NewReader("pass,tested_at,sampled_at,lab,platform,product\n\n1,2026-01-02,2026-01-01,L,a,p\n"))
	if err != nil || len(bad) != 0 || len(res) != 1 || res[0].Product != "p" || !res[0].Pass {
		t.Errorf("reordered: %+v %v %v", res, bad, err)
	}
}
