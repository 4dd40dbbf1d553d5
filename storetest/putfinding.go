package storetest

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
)

// crewFinding builds a campaign finding with its id set, as
// campaign.Campaign.Finding makes one, reporting the accounts given.
func crewFinding(id string, accounts ...string) qinglang.Finding {
	return qinglang.Finding{
		ID: id, Kind: qinglang.KindCampaign, Rule: "campaign.coordinated_comments", Severity: qinglang.SeverityHigh,
		Platform: "p1", TS: at(time.Hour), EventIDs: []string{"c1", "c2"}, Accounts: accounts,
		Summary:   fmt.Sprintf("疑似职业弹幕团伙：%d 个账号", len(accounts)),
		SummaryEN: fmt.Sprintf("suspected paid comment crew: %d accounts", len(accounts)),
		Evidence:  json.RawMessage(fmt.Sprintf(`{"members":%d}`, len(accounts))),
		DedupKey:  id,
	}
}

// putFinding puts f in its own committed transaction and returns it as
// stored and whether it changed.
func (f *fixture) putFinding(fd qinglang.Finding) (qinglang.Finding, bool) {
	f.t.Helper()
	tx := f.begin()
	changed, err := tx.PutFinding(f.ctx, &fd)
	if err != nil {
		f.t.Fatalf("PutFinding(%s): %v", fd.ID, err)
	}
	f.commit(tx)
	return fd, changed
}

// findingIDs lists the ids of a page of findings for a filter.
func (f *fixture) findingIDs(flt qinglang.FindingFilter) []string {
	f.t.Helper()
	page, err := f.s.Findings(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("Findings(%+v): %v", flt, err)
	}
	out := make([]string, len(page.Findings))
	for i, fd := range page.Findings {
		out[i] = fd.ID
	}
	return out
}

func testPutFindingInsertReplaceNoop(f *fixture) {
	first, changed := f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3"))
	if !changed {
		f.t.Fatal("PutFinding of a new id = false, want true")
	}
	if first.DetectedAt.IsZero() || first.Platform != "p1" {
		f.t.Errorf("PutFinding set DetectedAt %v platform %q; want a time and p1", first.DetectedAt, first.Platform)
	}
	got, err := f.s.Finding(f.ctx, "cmp_a")
	if err != nil || len(got.Accounts) != 3 || got.Kind != qinglang.KindCampaign || !got.DetectedAt.Equal(first.DetectedAt) {
		f.t.Fatalf("Finding(cmp_a) = %+v, %v; want the campaign finding with 3 accounts", got, err)
	}

	same, changed := f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3"))
	if changed {
		f.t.Error("PutFinding of the same content = true, want false (nothing to write)")
	}
	if !same.DetectedAt.Equal(first.DetectedAt) {
		f.t.Errorf("unchanged PutFinding set DetectedAt %v, want the stored %v", same.DetectedAt, first.DetectedAt)
	}

	grown, changed := f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3", "u4"))
	if !changed {
		f.t.Fatal("PutFinding with another account = false, want true")
	}
	if grown.DetectedAt.Before(first.DetectedAt) {
		f.t.Errorf("DetectedAt of the new version %v is before the first %v", grown.DetectedAt, first.DetectedAt)
	}
	got, err = f.s.Finding(f.ctx, "cmp_a")
	if err != nil || len(got.Accounts) != 4 || string(got.Evidence) != `{"members":4}` {
		f.t.Fatalf("Finding(cmp_a) after the change = %+v, %v; want 4 accounts and the new evidence", got, err)
	}
	if page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Kind: qinglang.KindCampaign}); err != nil || len(page.Findings) != 1 {
		f.t.Errorf("Findings(campaign) = %+v, %v; want the one finding, not one per version", page.Findings, err)
	}

	bare := crewFinding("cmp_b")
	bare.EventIDs, bare.Platform = nil, ""
	stored, _ := f.putFinding(bare)
	if stored.EventIDs == nil || stored.Platform != qinglang.DefaultPlatform {
		f.t.Errorf("PutFinding left event ids %v and platform %q; want [] and the default platform", stored.EventIDs, stored.Platform)
	}
}

// A finding that changes moves to the end of the stored order: the newest
// first lists show it first, and a feed resuming after a finding stored
// between its versions gets the new version.
func testPutFindingOrderAndAfter(f *fixture) {
	claims := f.addFindings(claim("x", t0))
	f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3"))
	more := f.addFindings(claim("y", t0))
	x, y := claims[0].ID, more[0].ID
	if got := f.findingIDs(qinglang.FindingFilter{}); !sameStrings(got, []string{y, "cmp_a", x}) {
		f.t.Fatalf("Findings = %v, want [y cmp_a x]", got)
	}
	f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3")) // unchanged: stays
	if got := f.findingIDs(qinglang.FindingFilter{After: x}); !sameStrings(got, []string{"cmp_a", y}) {
		f.t.Fatalf("after x, an unchanged re-put = %v, want [cmp_a y]", got)
	}
	f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3", "u4"))
	if got := f.findingIDs(qinglang.FindingFilter{}); !sameStrings(got, []string{"cmp_a", y, x}) {
		f.t.Errorf("Findings after the change = %v, want [cmp_a y x]", got)
	}
	if got := f.findingIDs(qinglang.FindingFilter{After: y}); !sameStrings(got, []string{"cmp_a"}) {
		f.t.Errorf("after y = %v, want the new version of cmp_a", got)
	}
	if got := f.findingIDs(qinglang.FindingFilter{After: x}); !sameStrings(got, []string{y, "cmp_a"}) {
		f.t.Errorf("after x = %v, want [y cmp_a]", got)
	}
	page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{After: y})
	if err != nil || len(page.Findings) != 1 || len(page.Findings[0].Accounts) != 4 {
		f.t.Errorf("after y = %+v, %v; want the version with 4 accounts", page.Findings, err)
	}
	if got := f.findingIDs(qinglang.FindingFilter{After: "cmp_a"}); len(got) != 0 {
		f.t.Errorf("after cmp_a = %v, want nothing (it is the newest)", got)
	}
}

func testPutFindingRejectsBadInput(f *fixture) {
	tx := f.begin()
	_, err := tx.PutFinding(f.ctx, nil)
	wantCode(f.t, "PutFinding(nil)", err, qinglang.EINVALID)
	noID := crewFinding("")
	_, err = tx.PutFinding(f.ctx, &noID)
	wantCode(f.t, "PutFinding(no id)", err, qinglang.EINVALID)
	bad := crewFinding("cmp_x")
	bad.Evidence = json.RawMessage(`{not json`)
	_, err = tx.PutFinding(f.ctx, &bad)
	wantCode(f.t, "PutFinding(evidence not JSON)", err, qinglang.EINVALID)
}

func testPutFindingRollback(f *fixture) {
	f.putFinding(crewFinding("cmp_a", "u1", "u2", "u3"))
	tx := f.begin()
	fd := crewFinding("cmp_a", "u1", "u2", "u3", "u4")
	if changed, err := tx.PutFinding(f.ctx, &fd); err != nil || !changed {
		f.t.Fatalf("PutFinding = %v, %v; want true", changed, err)
	}
	if err := tx.Rollback(); err != nil {
		f.t.Fatal(err)
	}
	got, err := f.s.Finding(f.ctx, "cmp_a")
	if err != nil || len(got.Accounts) != 3 {
		f.t.Errorf("Finding after a rolled back PutFinding = %+v, %v; want the first version", got, err)
	}
}
