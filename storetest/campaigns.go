package storetest

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// crew builds a campaign record on p1 last seen at last, its body naming
// its members as package campaign's Campaign would.
func crew(id string, last time.Time, rooms []string, members ...string) qinglang.CampaignRecord {
	body, _ := json.Marshal(map[string]any{"id": id, "platform": "p1", "members": members, "rooms": rooms})
	return qinglang.CampaignRecord{
		ID: id, Platform: "p1", Severity: qinglang.SeverityHigh, Score: 0.875,
		FirstSeen: t0, LastSeen: last, Members: members, Rooms: rooms, Body: body,
	}
}

// putCampaigns puts the records in one committed transaction and returns
// them as stored and whether each changed.
func (f *fixture) putCampaigns(recs ...qinglang.CampaignRecord) ([]qinglang.CampaignRecord, []bool) {
	f.t.Helper()
	tx := f.begin()
	changed := make([]bool, len(recs))
	for i := range recs {
		c, err := tx.PutCampaign(f.ctx, &recs[i])
		if err != nil {
			f.t.Fatalf("PutCampaign(%s): %v", recs[i].ID, err)
		}
		changed[i] = c
	}
	f.commit(tx)
	return recs, changed
}

// campaignIDs lists the ids of the first page of campaigns for a filter.
func (f *fixture) campaignIDs(flt qinglang.CampaignFilter) string {
	f.t.Helper()
	page, err := f.s.Campaigns(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("Campaigns(%+v): %v", flt, err)
	}
	if page.Campaigns == nil {
		f.t.Errorf("Campaigns(%+v).Campaigns is nil, want a list", flt)
	}
	ids := make([]string, len(page.Campaigns))
	for i, c := range page.Campaigns {
		ids[i] = c.ID
	}
	return strings.Join(ids, " ")
}

func testPutCampaignAndRead(f *fixture) {
	rec := crew("cmp_a", at(time.Hour), []string{"r1", "r2"}, "u1", "u2", "u3")
	rec.Body = json.RawMessage("{\n  \"id\": \"cmp_a\",\n  \"members\": [\"u1\", \"u2\", \"u3\"]\n}")
	stored, changed := f.putCampaigns(rec)
	if !changed[0] || stored[0].UpdatedAt.IsZero() {
		f.t.Fatalf("PutCampaign(new) = %v, updated at %v; want true and a time", changed[0], stored[0].UpdatedAt)
	}
	got, err := f.s.Campaign(f.ctx, "cmp_a")
	if err != nil {
		f.t.Fatalf("Campaign: %v", err)
	}
	if got.ID != "cmp_a" || got.Platform != "p1" || got.Severity != qinglang.SeverityHigh || got.Score != 0.875 ||
		!got.FirstSeen.Equal(t0) || !got.LastSeen.Equal(at(time.Hour)) || !got.UpdatedAt.Equal(stored[0].UpdatedAt) ||
		!sameStrings(got.Members, []string{"u1", "u2", "u3"}) || !sameStrings(got.Rooms, []string{"r1", "r2"}) {
		f.t.Errorf("Campaign = %+v, want the record put %+v", got, stored[0])
	}
	if string(got.Body) != `{"id":"cmp_a","members":["u1","u2","u3"]}` {
		f.t.Errorf("Body = %s, want the body as compact JSON", got.Body)
	}

	_, changed = f.putCampaigns(rec)
	if changed[0] {
		f.t.Error("PutCampaign of the same record = true, want false")
	}
	again, _ := f.s.Campaign(f.ctx, "cmp_a")
	if !again.UpdatedAt.Equal(got.UpdatedAt) {
		f.t.Errorf("an unchanged PutCampaign moved UpdatedAt from %v to %v", got.UpdatedAt, again.UpdatedAt)
	}

	// Replaced: a member leaves, a room and a member come; the index rows follow.
	grown := crew("cmp_a", at(2*time.Hour), []string{"r1", "r2", "r3"}, "u1", "u3", "u4", "u4")
	_, changed = f.putCampaigns(grown)
	if !changed[0] {
		f.t.Fatal("PutCampaign of a changed record = false, want true")
	}
	got, err = f.s.Campaign(f.ctx, "cmp_a")
	if err != nil || !sameStrings(got.Members, []string{"u1", "u3", "u4"}) || !got.LastSeen.Equal(at(2*time.Hour)) {
		f.t.Errorf("Campaign after the change = %+v, %v; want members u1 u3 u4 (repeat removed) and the new last seen", got, err)
	}
	if ids := f.campaignIDs(qinglang.CampaignFilter{Account: "u2"}); ids != "" {
		f.t.Errorf("Campaigns(account u2, who left) = %q, want none", ids)
	}
	if ids := f.campaignIDs(qinglang.CampaignFilter{Account: "u4"}); ids != "cmp_a" {
		f.t.Errorf("Campaigns(account u4, who joined) = %q, want cmp_a", ids)
	}
	if ids := f.campaignIDs(qinglang.CampaignFilter{Room: "r3"}); ids != "cmp_a" {
		f.t.Errorf("Campaigns(room r3) = %q, want cmp_a", ids)
	}
	if ids := f.campaignIDs(qinglang.CampaignFilter{}); ids != "cmp_a" {
		f.t.Errorf("Campaigns = %q, want one campaign, not one per version", ids)
	}
}

func testCampaignNotFound(f *fixture) {
	_, err := f.s.Campaign(f.ctx, "cmp_nosuchcampaign")
	wantCode(f.t, "Campaign(unknown)", err, qinglang.ENOTFOUND)
}

func testPutCampaignRejectsBadInput(f *fixture) {
	tx := f.begin()
	_, err := tx.PutCampaign(f.ctx, nil)
	wantCode(f.t, "PutCampaign(nil)", err, qinglang.EINVALID)
	for name, mutate := range map[string]func(*qinglang.CampaignRecord){
		"no id":          func(r *qinglang.CampaignRecord) { r.ID = "" },
		"severity":       func(r *qinglang.CampaignRecord) { r.Severity = "grave" },
		"body not JSON":  func(r *qinglang.CampaignRecord) { r.Body = json.RawMessage(`{"id":`) },
		"no body":        func(r *qinglang.CampaignRecord) { r.Body = nil },
		"score not real": func(r *qinglang.CampaignRecord) { r.Score = math.NaN() },
	} {
		rec := crew("cmp_bad", t0, []string{"r1"}, "u1")
		mutate(&rec)
		_, err := tx.PutCampaign(f.ctx, &rec)
		wantCode(f.t, "PutCampaign("+name+")", err, qinglang.EINVALID)
	}
}

func testCampaignsFilters(f *fixture) {
	a := crew("cmp_a", at(time.Hour), []string{"r1"}, "u1", "u2", "u3")
	b := crew("cmp_b", at(3*time.Hour), []string{"r1", "r2"}, "u3", "u4", "u5")
	b.Severity = qinglang.SeverityMedium
	c := crew("cmp_c", at(5*time.Hour), []string{"r2"}, "u1", "u6", "u7")
	c.Platform = "p2"
	d := crew("cmp_d", at(7*time.Hour).UTC(), []string{"r9"}, "u8", "u9", "u10")
	f.putCampaigns(a, b, c, d)
	cases := []struct {
		name string
		flt  qinglang.CampaignFilter
		want string // most recently updated first
	}{
		{"none", qinglang.CampaignFilter{}, "cmp_d cmp_c cmp_b cmp_a"},
		{"platform", qinglang.CampaignFilter{Platform: "p1"}, "cmp_d cmp_b cmp_a"},
		{"account", qinglang.CampaignFilter{Account: "u3"}, "cmp_b cmp_a"},
		{"account on any platform", qinglang.CampaignFilter{Account: "u1"}, "cmp_c cmp_a"},
		{"account and platform", qinglang.CampaignFilter{Account: "u1", Platform: "p2"}, "cmp_c"},
		{"room", qinglang.CampaignFilter{Room: "r1"}, "cmp_b cmp_a"},
		{"room and account", qinglang.CampaignFilter{Room: "r2", Account: "u4"}, "cmp_b"},
		{"since is on last seen, inclusive", qinglang.CampaignFilter{Since: at(3 * time.Hour).UTC()}, "cmp_d cmp_c cmp_b"},
		{"severity exactly", qinglang.CampaignFilter{Severity: qinglang.SeverityMedium}, "cmp_b"},
		{"nothing matches", qinglang.CampaignFilter{Account: "nobody"}, ""},
	}
	for _, c := range cases {
		if got := f.campaignIDs(c.flt); got != c.want {
			f.t.Errorf("Campaigns(%s) = %q, want %q", c.name, got, c.want)
		}
	}
	page, err := f.s.Campaigns(f.ctx, qinglang.CampaignFilter{Platform: "p1", OmitBody: true, Limit: 1})
	if err != nil || len(page.Campaigns) != 1 || page.Campaigns[0].Body != nil || len(page.Campaigns[0].Members) != 3 {
		f.t.Errorf("Campaigns(omit body) = %+v, %v; want a record with members and no body", page.Campaigns, err)
	}
	page, err = f.s.Campaigns(f.ctx, qinglang.CampaignFilter{Platform: "p1", Limit: 1})
	if err != nil || len(page.Campaigns) != 1 || len(page.Campaigns[0].Body) == 0 {
		f.t.Errorf("Campaigns = %+v, %v; want the body", page.Campaigns, err)
	}
}

func testCampaignsPaging(f *fixture) {
	const n = 25
	recs := make([]qinglang.CampaignRecord, n)
	for i := range recs {
		recs[i] = crew(fmt.Sprintf("cmp_%02d", i), at(time.Duration(n-i)*time.Minute), []string{"r1"}, "u1", fmt.Sprintf("u%d", i+2))
	}
	for i := range recs { // one transaction each: updated in this order
		f.putCampaigns(recs[i])
	}
	var got []string
	cursor, pages := "", 0
	for {
		page, err := f.s.Campaigns(f.ctx, qinglang.CampaignFilter{Account: "u1", Limit: 10, Cursor: cursor})
		if err != nil {
			f.t.Fatalf("Campaigns(page %d): %v", pages+1, err)
		}
		pages++
		for _, c := range page.Campaigns {
			got = append(got, c.ID)
		}
		if page.Next == "" {
			break
		}
		if pages > n {
			f.t.Fatal("paging does not end")
		}
		cursor = page.Next
	}
	want := make([]string, n)
	for i := range recs {
		want[n-1-i] = recs[i].ID
	}
	if pages != 3 || !sameStrings(got, want) {
		f.t.Errorf("paged ids = %v in %d pages\nwant %v in 3", got, pages, want)
	}
	// Updating a campaign brings it to the front.
	moved := recs[3]
	moved.Members = append(moved.Members, "u99")
	f.putCampaigns(moved)
	if ids := f.campaignIDs(qinglang.CampaignFilter{Limit: 2}); ids != "cmp_03 cmp_24" {
		f.t.Errorf("after updating cmp_03: %q, want it first", ids)
	}
	for _, limit := range []int{-1, 1001} {
		_, err := f.s.Campaigns(f.ctx, qinglang.CampaignFilter{Limit: limit})
		wantCode(f.t, fmt.Sprintf("Campaigns(limit %d)", limit), err, qinglang.EINVALID)
	}
	for _, c := range []string{"!!!", "bm90IGEgY3Vyc29y", encodeFindingCursorLike()} {
		_, err := f.s.Campaigns(f.ctx, qinglang.CampaignFilter{Cursor: c})
		wantCode(f.t, fmt.Sprintf("Campaigns(cursor %q)", c), err, qinglang.EINVALID)
	}
}

// encodeFindingCursorLike returns a cursor of the findings list (whose
// format differs): a campaigns list must refuse it.
func encodeFindingCursorLike() string {
	return "czE6NQ" // base64url of "s1:5"
}
