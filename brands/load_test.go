package brands

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestDefaultRegistry(t *testing.T) {
	r := Default()
	if len(r.Brands()) != 4 {
		t.Fatalf("default has %d brands", len(r.Brands()))
	}
	b, ok := r.Brand("luye")
	if !ok || b.Name() != "鹿野" || b.Lines[0].FloorFen != 39900 || len(b.Sellers) != 2 {
		t.Fatalf("luye = %+v", b)
	}
	want := time.Date(2025, 12, 31, 0, 0, 0, 0, China)
	if !b.Sellers[0].Until.Equal(want) {
		t.Errorf("until = %v", b.Sellers[0].Until)
	}
}

// problem finds the problem on line with field, or fails.
func problem(t *testing.T, err error, line int, field string) Problem {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v is not Problems", err)
	}
	for _, p := range ps {
		if p.Line == line && p.Field == field {
			return p
		}
	}
	t.Fatalf("no problem at line %d field %q in:\n%v", line, field, err)
	return Problem{}
}

func TestLoadYAMLErrors(t *testing.T) {
	src := `brands:
  - id: a
    names: [甲乙品牌, ALPHA]
    floor_fen: -5
    sellers:
      - {merchant: m1, from: 2025-13-01}
  - id: b
    names: [乙]
    colour: red
    category: toys
  - id: c
    names: [Alpha]
    sellers:
      - {merchant: m2, from: 2025-02-01, until: 2025-01-01}
`
	_, err := LoadYAML("reg.yaml", strings.NewReader(src))
	if err == nil {
		t.Fatal("no error")
	}
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("code = %q", qinglang.Code(err))
	}
	p := problem(t, err, 4, "brands[0].floor_fen")
	if !strings.Contains(p.Error(), "reg.yaml:4: 字段 brands[0].floor_fen") {
		t.Errorf("format: %s", p.Error())
	}
	problem(t, err, 6, "brands[0].sellers[0].from")
	problem(t, err, 9, "brands[1].colour")
	problem(t, err, 10, "brands[1].category")

	// Field problems found, the registry checks (short and clashing
	// names, dates in the wrong order) report the brand's line.
	src = `brands:
  - id: a
    names: [甲乙品牌, ALPHA]
  - id: b
    names: [乙]
  - id: c
    names: [Alpha]
    sellers:
      - {merchant: m2, from: 2025-02-01, until: 2025-01-01}
`
	_, err = LoadYAML("reg.yaml", strings.NewReader(src))
	problem(t, err, 4, "brands[1].names[0]")
	problem(t, err, 6, "brands[2].names[0]")
	problem(t, err, 6, "brands[2].sellers[0].until")

	_, err = LoadYAML("bad.yaml", strings.NewReader("brands:\n  - id: [unclosed\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:") {
		t.Errorf("syntax error: %v", err)
	}
}

func TestLoadCSV(t *testing.T) {
	src := "brand,names,category,floor_fen,line,merchant,from,until\n" +
		"luye,鹿野|LUYE,apparel,9900,,,,\n" + // 2
		"luye,,,39900,飞羚跑鞋,,,\n" + // 3: a line
		"luye,,,,,m-demo-001,2025-01-01,2025-12-31\n" + // 4: a seller
		"luye,,,,,m-demo-002,2025-02-30,\n" + // 5: bad date
		"ranka,燃咔,food,abc,,,,\n" + // 6: bad floor
		"ranka,燃咔,snacks,,,,,\n" + // 7: bad category
		"ranka,燃,food,,,,,\n" + // 8: short name
		"\"unclosed,x\n" // 9: malformed
	r, ps, err := LoadCSV("reg.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{5: "from", 6: "floor_fen", 7: "category", 8: "names", 9: ""}
	got := map[int]string{}
	for _, p := range ps {
		got[p.Line] = p.Field
		if p.File != "reg.csv" {
			t.Errorf("file = %q", p.File)
		}
	}
	for line, field := range want {
		if f, ok := got[line]; !ok || f != field {
			t.Errorf("line %d: got field %q (present %v), want %q; all: %v", line, f, ok, field, ps)
		}
	}
	b, ok := r.Brand("luye")
	if !ok || len(b.Lines) != 1 || b.Lines[0].FloorFen != 39900 || len(b.Sellers) != 1 || b.FloorFen != 9900 {
		t.Fatalf("luye = %+v", b)
	}
	if _, ok := r.Brand("ranka"); ok {
		t.Error("ranka had no good row")
	}
	a := r.Authorise("luye", "m-demo-001", time.Date(2025, 6, 1, 12, 0, 0, 0, China))
	if !a.Authorised {
		t.Errorf("authorise = %+v", a)
	}

	if _, _, err := LoadCSV("x.csv", strings.NewReader("id,name\n")); qinglang.Code(err) != qinglang.EINVALID {
		t.Errorf("bad header: %v", err)
	}
}

func TestLoadCSVClash(t *testing.T) {
	src := "brand,names\na,甲品牌|ALPHA\nb,乙品牌|Alpha\nc,丙品牌\n"
	r, ps, err := LoadCSV("reg.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Brands()) != 2 || len(ps) != 1 || !strings.Contains(ps[0].Reason, "b") {
		t.Fatalf("brands %v, problems %v", r.Brands(), ps)
	}
}
