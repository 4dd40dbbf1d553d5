package enforce

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/casework"
)

func TestPublicCasesShowsPublishedCasesMasked(t *testing.T) {
	e := cwSetup(t)
	c, m, _ := e.decided(cwReviewer)
	page, err := e.svc.PublicCases(e.ctx, "", 0)
	if err != nil || len(page.Cases) != 0 {
		t.Fatalf("PublicCases before publishing = %+v, %v; want none", page, err)
	}
	if _, err := e.svc.ActOnCase(e.ctx, cwPlatform, c.ID, casework.Action{Kind: casework.ActPublish}); err != nil {
		t.Fatal(err)
	}
	page, err = e.svc.PublicCases(e.ctx, "", 0)
	if err != nil || len(page.Cases) != 1 {
		t.Fatalf("PublicCases = %+v, %v; want the published case", page, err)
	}
	pc := page.Cases[0]
	if pc.SubjectKind != qinglang.SubjectHost || pc.Platform != "p1" || len(pc.Measures) != 1 ||
		pc.Measures[0].Kind != m.Kind || len(pc.Facts) != 1 {
		t.Errorf("public case = %+v", pc)
	}
	raw, err := json.Marshal(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"u_8812345", c.ID, m.ID, "r1-speech", "h1"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the public page shows %q: %s", secret, raw)
		}
	}
	_, err = e.svc.PublicCases(e.ctx, "", -1)
	cwCode(t, "negative limit", err, qinglang.EINVALID)
}
