package storetest

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// claim builds a finding of rule "claim.absolute" in room r1 of p1.
func claim(key string, ts time.Time) qinglang.Finding {
	return qinglang.Finding{
		Kind: qinglang.KindClaim, Rule: "claim.absolute", Severity: qinglang.SeverityHigh,
		Platform: "p1", Room: "r1", TS: ts, EventIDs: []string{"e3"},
		Summary: "主播宣称“全网销量第一”", SummaryEN: "the host claims to be the best seller",
		Basis: "《广告法》第九条", Evidence: json.RawMessage(`{"span":"全网销量第一","start":8}`),
		DedupKey: key,
	}
}

func testAddFindingDedup(f *fixture) {
	before := time.Now().Add(-time.Second)
	tx := f.begin()
	fd := claim("e3", at(time.Minute))
	added, err := tx.AddFinding(f.ctx, &fd)
	if err != nil || !added {
		f.t.Fatalf("AddFinding = %v, %v; want true", added, err)
	}
	if want := qinglang.FindingID("p1", "r1", "claim.absolute", "e3"); fd.ID != want {
		f.t.Errorf("finding ID = %q, want FindingID(...) = %q", fd.ID, want)
	}
	if fd.DetectedAt.Before(before) || fd.DetectedAt.After(time.Now().Add(time.Second)) {
		f.t.Errorf("DetectedAt = %v, want about now", fd.DetectedAt)
	}
	again := claim("e3", at(2*time.Minute))
	again.Summary = "另一次检测"
	if added, err := tx.AddFinding(f.ctx, &again); err != nil || added {
		f.t.Errorf("AddFinding of the same dedup key = %v, %v; want false", added, err)
	}
	if again.ID != fd.ID {
		f.t.Errorf("duplicate finding ID = %q, want %q", again.ID, fd.ID)
	}
	bare := qinglang.Finding{Kind: qinglang.KindCampaign, Rule: "campaign.sync", Severity: qinglang.SeverityMedium,
		Platform: "p1", Room: "r1", TS: t0, Summary: "x", DedupKey: "k"}
	if added, err := tx.AddFinding(f.ctx, &bare); err != nil || !added {
		f.t.Fatalf("AddFinding(no event ids) = %v, %v; want true", added, err)
	}
	f.commit(tx)

	got, err := f.s.Finding(f.ctx, fd.ID)
	if err != nil {
		f.t.Fatalf("Finding: %v", err)
	}
	if got.Summary != fd.Summary || got.Kind != fd.Kind || got.Rule != fd.Rule || got.Severity != fd.Severity ||
		got.Platform != "p1" || got.Room != "r1" || !got.TS.Equal(fd.TS) || got.Basis != fd.Basis ||
		got.SummaryEN != fd.SummaryEN || !sameStrings(got.EventIDs, []string{"e3"}) {
		f.t.Errorf("Finding = %+v, want the first one stored %+v", got, fd)
	}
	if !got.DetectedAt.Equal(fd.DetectedAt) {
		f.t.Errorf("stored DetectedAt = %v, want %v as set by AddFinding", got.DetectedAt, fd.DetectedAt)
	}
	var ev, wantEv any
	if err := json.Unmarshal(got.Evidence, &ev); err != nil || json.Unmarshal(fd.Evidence, &wantEv) != nil ||
		jsonOf(f.t, ev) != jsonOf(f.t, wantEv) {
		f.t.Errorf("Evidence = %s (%v), want %s", got.Evidence, err, fd.Evidence)
	}
	b, err := f.s.Finding(f.ctx, bare.ID)
	if err != nil {
		f.t.Fatalf("Finding(no event ids): %v", err)
	}
	if b.EventIDs == nil || !strings.Contains(jsonOf(f.t, b), `"event_ids":[]`) {
		f.t.Errorf("finding without event ids encodes as %s, want \"event_ids\":[]", jsonOf(f.t, b))
	}
}

func testFindingNotFound(f *fixture) {
	_, err := f.s.Finding(f.ctx, "f_000000000000000000000000")
	wantCode(f.t, "Finding(unknown)", err, qinglang.ENOTFOUND)
}

func testFindingsFilters(f *fixture) {
	mk := func(key, platform, room string, kind qinglang.Kind, rule string, sev qinglang.Severity, ts time.Time) qinglang.Finding {
		fd := claim(key, ts)
		fd.Platform, fd.Room, fd.Kind, fd.Rule, fd.Severity = platform, room, kind, rule, sev
		return fd
	}
	stored := f.addFindings(
		mk("a", "p1", "r1", qinglang.KindClaim, "claim.absolute", qinglang.SeverityHigh, t0),
		mk("b", "p1", "r2", qinglang.KindCampaign, "campaign.sync", qinglang.SeverityMedium, at(time.Hour)),
		mk("c", "p2", "r1", qinglang.KindListing, "listing.fake", qinglang.SeverityCritical, at(2*time.Hour)),
		mk("d", "p1", "", qinglang.KindQualification, "qual.licence", qinglang.SeverityLow, at(3*time.Hour)),
		mk("e", "p1", "r1", qinglang.KindClaim, "claim.price", qinglang.SeverityHigh, at(4*time.Hour).UTC()),
	)
	key := map[string]string{}
	for i, fd := range stored {
		key[fd.ID] = string(rune('a' + i))
	}
	cases := []struct {
		name string
		flt  qinglang.FindingFilter
		want string // dedup keys, newest stored first
	}{
		{"none", qinglang.FindingFilter{}, "edcba"},
		{"platform", qinglang.FindingFilter{Platform: "p1"}, "edba"},
		{"room", qinglang.FindingFilter{Platform: "p1", Room: "r1"}, "ea"},
		{"room on any platform", qinglang.FindingFilter{Room: "r1"}, "eca"},
		{"kind", qinglang.FindingFilter{Kind: qinglang.KindClaim}, "ea"},
		{"rule", qinglang.FindingFilter{Rule: "campaign.sync"}, "b"},
		{"severity exactly", qinglang.FindingFilter{Severity: qinglang.SeverityHigh}, "ea"},
		{"since inclusive", qinglang.FindingFilter{Since: at(2 * time.Hour)}, "edc"},
		{"until exclusive", qinglang.FindingFilter{Until: at(2 * time.Hour)}, "ba"},
		{"since and until across offsets", qinglang.FindingFilter{Since: at(time.Hour).UTC(), Until: at(4 * time.Hour)}, "dcb"},
		{"combined", qinglang.FindingFilter{Platform: "p1", Kind: qinglang.KindClaim, Since: at(time.Minute)}, "e"},
		{"nothing matches", qinglang.FindingFilter{Platform: "p9"}, ""},
	}
	for _, c := range cases {
		page, err := f.s.Findings(f.ctx, c.flt)
		if err != nil {
			f.t.Errorf("Findings(%s): %v", c.name, err)
			continue
		}
		var got strings.Builder
		for _, fd := range page.Findings {
			got.WriteString(key[fd.ID])
		}
		if got.String() != c.want || page.Next != "" {
			f.t.Errorf("Findings(%s) = %q next %q, want %q and no next page", c.name, got.String(), page.Next, c.want)
		}
		if page.Findings == nil {
			f.t.Errorf("Findings(%s).Findings is nil, want an empty list", c.name)
		}
	}
}

func testFindingsPaging(f *fixture) {
	const n = 25
	var fs []qinglang.Finding
	for i := range n {
		fs = append(fs, claim(fmt.Sprintf("k%02d", i), at(time.Duration(n-i)*time.Minute))) // ts order opposite to store order
	}
	stored := f.addFindings(fs...)
	var got []string
	cursor, pages := "", 0
	for {
		page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Platform: "p1", Room: "r1", Limit: 10, Cursor: cursor})
		if err != nil {
			f.t.Fatalf("Findings(page %d): %v", pages+1, err)
		}
		pages++
		for _, fd := range page.Findings {
			got = append(got, fd.ID)
		}
		if page.Next == "" {
			break
		}
		if len(page.Findings) != 10 {
			f.t.Errorf("page %d has %d findings and a next page, want 10", pages, len(page.Findings))
		}
		if pages > n {
			f.t.Fatal("paging does not end")
		}
		cursor = page.Next
	}
	if pages != 3 {
		f.t.Errorf("25 findings by 10 = %d pages, want 3", pages)
	}
	want := make([]string, n)
	for i, fd := range stored {
		want[n-1-i] = fd.ID // newest stored first
	}
	if !sameStrings(got, want) {
		f.t.Errorf("paged ids = %v\nwant %v", got, want)
	}

	// A page that ends exactly at the last finding has no next page.
	page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: n})
	if err != nil || len(page.Findings) != n || page.Next != "" {
		f.t.Errorf("Findings(limit %d of %d) = %d findings, next %q, %v; want all and no next", n, n, len(page.Findings), page.Next, err)
	}
	// The default limit is 100.
	more := make([]qinglang.Finding, 0, 100)
	for i := range 100 {
		more = append(more, claim(fmt.Sprintf("m%03d", i), t0))
	}
	f.addFindings(more...)
	page, err = f.s.Findings(f.ctx, qinglang.FindingFilter{})
	if err != nil || len(page.Findings) != 100 || page.Next == "" {
		f.t.Errorf("Findings(no limit) over 125 = %d findings, next %q, %v; want 100 and a next page", len(page.Findings), page.Next, err)
	}
	page, err = f.s.Findings(f.ctx, qinglang.FindingFilter{Cursor: page.Next})
	if err != nil || len(page.Findings) != 25 || page.Next != "" {
		f.t.Errorf("Findings(second default page) = %d findings, next %q, %v; want 25 and no next", len(page.Findings), page.Next, err)
	}
	page, err = f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: 1000})
	if err != nil || len(page.Findings) != 125 {
		f.t.Errorf("Findings(limit 1000) = %d findings, %v; want 125", len(page.Findings), err)
	}
}

func testFindingsValidation(f *fixture) {
	f.addFindings(claim("a", t0), claim("b", t0))
	for _, limit := range []int{-1, 1001} {
		_, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: limit})
		wantCode(f.t, fmt.Sprintf("Findings(limit %d)", limit), err, qinglang.EINVALID)
	}
	for _, c := range []string{"!!!", "bm90IGEgY3Vyc29y", "=="} {
		_, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Cursor: c})
		wantCode(f.t, fmt.Sprintf("Findings(cursor %q)", c), err, qinglang.EINVALID)
	}
	page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: 1})
	if err != nil || len(page.Findings) != 1 || page.Next == "" {
		f.t.Fatalf("Findings(limit 1) = %+v, %v; want one finding and a next page", page, err)
	}
	next, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: 1, Cursor: page.Next})
	if err != nil || len(next.Findings) != 1 || next.Findings[0].ID == page.Findings[0].ID || next.Next != "" {
		f.t.Errorf("Findings(next page) = %+v, %v; want the other finding and no next page", next, err)
	}
}

func testFindingsAfter(f *fixture) {
	var fs []qinglang.Finding
	for i := range 12 {
		fs = append(fs, claim(fmt.Sprintf("a%02d", i), at(time.Duration(12-i)*time.Minute)))
	}
	stored := f.addFindings(fs...)
	// Resume after the fourth stored: the rest, oldest first, in pages.
	var got []string
	after, pages := stored[3].ID, 0
	for after != "" {
		page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{After: after, Limit: 5})
		if err != nil {
			f.t.Fatalf("Findings(after %s): %v", after, err)
		}
		for _, fd := range page.Findings {
			got = append(got, fd.ID)
		}
		after = page.Next
		if pages++; pages > 12 {
			f.t.Fatal("paging after does not end")
		}
	}
	var want []string
	for _, fd := range stored[4:] {
		want = append(want, fd.ID)
	}
	if !sameStrings(got, want) || pages != 2 {
		f.t.Errorf("after %s: %v in %d pages\nwant %v in 2", stored[3].ID, got, pages, want)
	}
	// The newest has nothing after it; filters still apply.
	page, err := f.s.Findings(f.ctx, qinglang.FindingFilter{After: stored[11].ID})
	if err != nil || len(page.Findings) != 0 || page.Next != "" {
		f.t.Errorf("after the newest = %d findings, next %q, %v", len(page.Findings), page.Next, err)
	}
	page, err = f.s.Findings(f.ctx, qinglang.FindingFilter{After: stored[0].ID, Room: "elsewhere"})
	if err != nil || len(page.Findings) != 0 {
		f.t.Errorf("after with a room filter = %d findings, %v; want none", len(page.Findings), err)
	}
	_, err = f.s.Findings(f.ctx, qinglang.FindingFilter{After: "f_nosuchfinding"})
	wantCode(f.t, "Findings(after an unknown id)", err, qinglang.ENOTFOUND)
	first, err := f.s.Findings(f.ctx, qinglang.FindingFilter{Limit: 1})
	if err != nil {
		f.t.Fatal(err)
	}
	_, err = f.s.Findings(f.ctx, qinglang.FindingFilter{After: stored[0].ID, Cursor: first.Next})
	wantCode(f.t, "Findings(after and cursor)", err, qinglang.EINVALID)
}
