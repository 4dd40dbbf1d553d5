package scan

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// sameText is a fake campaign detector: three or more accounts posting
// the same text are one campaign, "cmp_" + the text's length. It records
// the latest event time at each Judge and how often each event came.
type sameText struct {
	users    map[string][]string
	reported map[string]int
	observed map[string]int
	latest   time.Time
	judged   []time.Time
}

func newSameText() *sameText {
	return &sameText{users: map[string][]string{}, reported: map[string]int{}, observed: map[string]int{}}
}

func (d *sameText) Observe(ev *qinglang.Event) {
	d.observed[ev.ID]++
	if ev.TS.After(d.latest) {
		d.latest = ev.TS
	}
	if ev.Type == qinglang.Comment && !slices.Contains(d.users[ev.Text], ev.User) {
		d.users[ev.Text] = append(d.users[ev.Text], ev.User)
	}
}

func (d *sameText) Judge(time.Time) []qinglang.CampaignChange {
	d.judged = append(d.judged, d.latest)
	var out []qinglang.CampaignChange
	for text, users := range d.users {
		if len(users) < 3 || len(users) == d.reported[text] {
			continue
		}
		_, known := d.reported[text]
		d.reported[text] = len(users)
		out = append(out, d.change(text, users, !known))
	}
	return out
}

func (d *sameText) change(text string, users []string, isNew bool) qinglang.CampaignChange {
	id := fmt.Sprintf("cmp_%d", len(text))
	body, _ := json.Marshal(map[string]any{"id": id, "members": users})
	return qinglang.CampaignChange{
		Record: qinglang.CampaignRecord{ID: id, Platform: "default", Severity: qinglang.SeverityMedium, Score: 0.7,
			LastSeen: d.latest, Members: slices.Clone(users), Rooms: []string{"r1"}, Body: body},
		Finding: qinglang.Finding{ID: id, Kind: qinglang.KindCampaign, Rule: "campaign.coordinated_comments",
			Severity: qinglang.SeverityMedium, Platform: "default", TS: d.latest, Accounts: slices.Clone(users),
			Summary: fmt.Sprintf("%d 个账号", len(users)), DedupKey: id},
		New: isNew, Added: users,
	}
}

func (d *sameText) Restore([]qinglang.CampaignRecord) error { return nil }
func (d *sameText) Campaigns() []qinglang.CampaignChange    { return nil }
func (d *sameText) Count() int                              { return len(d.reported) }

// crewFile is a crew of four posting one script, a minute apart, with an
// honest comment between and one line repeated.
func crewFile() string {
	var b strings.Builder
	t0 := time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("", 8*3600))
	for i := 0; i <= 20; i++ {
		ts := t0.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)
		text, user := fmt.Sprintf("主播好美 第%d次来", i), fmt.Sprintf("fan%d", i)
		if i%5 == 1 {
			text, user = "真给力姐妹们冲", fmt.Sprintf("u%d", i/5+1)
		}
		fmt.Fprintf(&b, `{"type":"comment","id":"c%d","ts":%q,"room":"r1","user":%q,"text":%q}`+"\n", i, ts, user, text)
	}
	b.WriteString(`{"type":"comment","id":"c1","ts":"2025-06-12T20:01:00+08:00","room":"r1","user":"u1","text":"真给力姐妹们冲"}` + "\n")
	return b.String()
}

func TestRunJudgesCampaignsByEventTime(t *testing.T) {
	det := newSameText()
	var live []qinglang.Finding
	rep, err := Run(context.Background(), strings.NewReader(crewFile()), Options{TempDir: t.TempDir(),
		Campaigns: det, OnFinding: func(f qinglang.Finding) { live = append(live, f) }})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 22 || rep.Duplicates != 1 {
		t.Fatalf("events %d duplicates %d, want 22 and 1", rep.Events, rep.Duplicates)
	}
	// Judged at 20:05, 20:10, 20:15 and 20:20 of event time, then at the end.
	var got []string
	for _, ts := range det.judged {
		got = append(got, ts.Format("15:04"))
	}
	if want := []string{"20:05", "20:10", "20:15", "20:20", "20:20"}; !slices.Equal(got, want) {
		t.Errorf("Judge at %v, want %v", got, want)
	}
	for id, n := range det.observed {
		if n != 1 {
			t.Errorf("event %s observed %d times, want once (a repeated id is not stored again)", id, n)
		}
	}
	var campaigns []qinglang.Finding
	for _, f := range rep.Findings {
		if f.Kind == qinglang.KindCampaign {
			campaigns = append(campaigns, f)
		}
	}
	if len(campaigns) != 1 || len(campaigns[0].Accounts) != 4 || campaigns[0].DetectedAt.IsZero() || campaigns[0].EventIDs == nil {
		t.Fatalf("campaign findings %+v, want one, as the campaign stood at the end (4 accounts), stamped", campaigns)
	}
	if last := rep.Findings[len(rep.Findings)-1]; last.ID != campaigns[0].ID {
		t.Errorf("the campaign finding is not last: %+v", rep.Findings)
	}
	if n := len(live); n != len(rep.Findings) || live[n-1].ID != campaigns[0].ID {
		t.Errorf("OnFinding got %d findings, want each of the %d once", n, len(rep.Findings))
	}
	if len(rep.Campaigns) != 1 || len(rep.Campaigns[0].Members) != 4 || rep.Campaigns[0].UpdatedAt.IsZero() {
		t.Errorf("Campaigns = %+v, want the one campaign with 4 members", rep.Campaigns)
	}
}

func TestRunWithoutCampaignDetector(t *testing.T) {
	rep, err := Run(context.Background(), strings.NewReader(crewFile()), Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Kind == qinglang.KindCampaign {
			t.Errorf("a campaign finding without a campaign detector: %+v", f)
		}
	}
}
