package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/server"
)

// crewText is the script the test crew posts.
const crewText = "真给力，3颗就瘦了3.2斤，姐妹们冲"

func commentLine(id, room, user, text, ts string) string {
	return fmt.Sprintf(`{"type":"comment","id":%q,"ts":%q,"room":%q,"user":%q,"ip":"36.112.4.17","device":"d9","text":%q}`,
		id, ts, room, user, text)
}

func roomStartLine(id, room, ts string) string {
	return fmt.Sprintf(`{"type":"room_start","id":%q,"ts":%q,"room":%q,"host":"h1","merchant":"m1","title":"燃咔果冻 专场"}`, id, ts, room)
}

// detectors collects the campaign detectors the servers of a test made,
// one per start.
type detectors struct {
	mu   sync.Mutex
	made []*crewDetector
}

func (d *detectors) factory(time.Duration) qinglang.CampaignDetector {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := newCrewDetector()
	d.made = append(d.made, c)
	return c
}

func (d *detectors) last() *crewDetector {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.made[len(d.made)-1]
}

// campaignConfig is a server on dir whose campaign stage runs the fake
// detector and judges every 100 ms.
func campaignConfig(t *testing.T, dir string, dets *detectors) (server.Config, *logBuffer) {
	t.Helper()
	cfg, logs := testConfig(t, dir)
	cfg.Campaigns = dets.factory
	cfg.CampaignInterval = 100 * time.Millisecond
	return cfg, logs
}

// campaignFindings are the stored findings of kind campaign.
func campaignFindings(t *testing.T, m *server.Main) []qinglang.Finding {
	t.Helper()
	return allFindings(t, m, url.Values{"kind": {"campaign"}})
}

// waitCampaign waits until the one campaign finding reports n accounts and
// returns it.
func waitCampaign(t *testing.T, m *server.Main, n int) qinglang.Finding {
	t.Helper()
	var fs []qinglang.Finding
	waitFor(t, settle, func() string { return fmt.Sprintf("campaign findings %+v, want one with %d accounts", fs, n) },
		func() bool {
			fs = campaignFindings(t, m)
			return len(fs) == 1 && len(fs[0].Accounts) == n
		})
	return fs[0]
}

// nextCampaign waits for the stream's next campaign finding with n
// accounts (a campaign judged while its comments were still arriving may
// be sent first with fewer).
func (c *sseClient) nextCampaign(t *testing.T, n int) qinglang.Finding {
	t.Helper()
	for {
		f := c.next(t)
		if f.Kind == qinglang.KindCampaign && len(f.Accounts) == n {
			return f
		}
	}
}

// newCampaigns reads the campaign findings metric: campaigns reported new.
func newCampaigns(m *server.Main) float64 {
	return testutil.ToFloat64(m.Metrics().Findings.WithLabelValues(string(qinglang.KindCampaign), string(qinglang.SeverityHigh)))
}

type campaignList struct {
	Campaigns []struct {
		ID      string   `json:"id"`
		Members []string `json:"members"`
		Rooms   []string `json:"rooms"`
	} `json:"campaigns"`
}

// A crew's comments sent through the API become a campaign finding, in
// GET /v1/findings and on the live stream; the campaign is served by
// /v1/campaigns. After a restart it keeps its id and is not reported
// again until it grows; then it has the same id and more accounts. No
// event reaches the detector twice.
func TestCampaignLiveAcrossRestart(t *testing.T) {
	dir, dets := t.TempDir(), &detectors{}
	cfg, logs := campaignConfig(t, dir, dets)
	m := startServer(t, cfg, logs)
	stream := openStream(t, m)
	crew := []string{roomStartLine("rs1", "r1", at(0))}
	for i := 1; i <= 4; i++ {
		crew = append(crew, commentLine(fmt.Sprintf("c%d", i), "r1", fmt.Sprintf("u%d", i), crewText, at(time.Duration(i)*time.Minute)))
	}
	crew = append(crew, commentLine("n1", "r1", "u9", "主播今天好美", at(5*time.Minute)),
		commentLine("n2", "r1", "u8", "主播今天好美", at(6*time.Minute)))
	postOK(t, m, lines(crew...))

	f := waitCampaign(t, m, 4)
	id := f.ID
	if f.Rule != "campaign.coordinated_comments" || !slices.Equal(f.Accounts, []string{"u1", "u2", "u3", "u4"}) || f.Room != "r1" {
		t.Fatalf("campaign finding = %+v, want the four accounts of room r1", f)
	}
	if got := stream.nextCampaign(t, 4); got.ID != id {
		t.Errorf("stream sent campaign %s, want %s", got.ID, id)
	}
	var list campaignList
	if code := get(t, m, "/v1/campaigns?account=u2", &list); code != http.StatusOK || len(list.Campaigns) != 1 ||
		list.Campaigns[0].ID != id || len(list.Campaigns[0].Members) != 4 {
		t.Fatalf("GET /v1/campaigns?account=u2 = %d %+v, want the campaign", code, list)
	}
	if code := get(t, m, "/v1/campaigns?account=u9", &list); code != http.StatusOK || len(list.Campaigns) != 0 {
		t.Errorf("GET /v1/campaigns?account=u9 = %d %+v, want none (two accounts are no crew)", code, list)
	}
	var body struct {
		ID      string           `json:"id"`
		Members []map[string]any `json:"members"`
	}
	if code := get(t, m, "/v1/campaigns/"+id, &body); code != http.StatusOK || body.ID != id || len(body.Members) != 4 {
		t.Errorf("GET /v1/campaigns/%s = %d %+v, want its state", id, code, body)
	}
	if code := get(t, m, "/v1/campaigns/cmp_nosuch", nil); code != http.StatusNotFound {
		t.Errorf("GET /v1/campaigns/cmp_nosuch = %d, want 404", code)
	}
	waitFor(t, settle, func() string { return fmt.Sprintf("campaign findings counted %v, want 1", newCampaigns(m)) },
		func() bool { return newCampaigns(m) == 1 })
	if n := newCampaigns(m); n != 1 {
		t.Errorf("campaign findings counted %v, want 1 (growing while judged is not new)", n)
	}
	if twice := dets.last().observedTwice(); len(twice) > 0 {
		t.Errorf("events observed twice: %v", twice)
	}
	if err := shutdown(m); err != nil {
		t.Fatal(err)
	}

	// Restart: the campaign is restored and the window replayed, once.
	m2 := startServer(t, cfg, logs)
	d2 := dets.last()
	if got := d2.restoredIDs(); !slices.Equal(got, []string{id}) {
		t.Fatalf("restored campaigns %v, want [%s]", got, id)
	}
	for _, ev := range []string{"rs1", "c1", "c2", "c3", "c4", "n1", "n2"} {
		if n := d2.seen(ev); n != 1 {
			t.Errorf("event %s replayed %d times, want once", ev, n)
		}
	}
	waitFor(t, settle, func() string { return "no Judge after the replay" }, func() bool { return d2.judgements() >= 1 })
	after := campaignFindings(t, m2)
	if len(after) != 1 || after[0].ID != id || !after[0].DetectedAt.Equal(f.DetectedAt) || newCampaigns(m2) != 0 {
		t.Fatalf("after the restart: findings %+v (counted new %v); want the stored one, untouched", after, newCampaigns(m2))
	}

	// It grows: a fifth account posts the script in another room.
	stream2 := openStream(t, m2)
	postOK(t, m2, lines(roomStartLine("rs2", "r2", at(time.Hour)), commentLine("c5", "r2", "u5", crewText, at(time.Hour+time.Minute))))
	grown := waitCampaign(t, m2, 5)
	if grown.ID != id || grown.Room != "" || !grown.DetectedAt.After(f.DetectedAt) {
		t.Errorf("grown campaign = %+v, want id %s, no single room and a later detected_at", grown, id)
	}
	if got := stream2.nextCampaign(t, 5); got.ID != id {
		t.Errorf("stream sent %s, want the grown campaign %s", got.ID, id)
	}
	if code := get(t, m2, "/v1/campaigns?room=r2", &list); code != http.StatusOK || len(list.Campaigns) != 1 ||
		!slices.Equal(list.Campaigns[0].Rooms, []string{"r1", "r2"}) || len(list.Campaigns[0].Members) != 5 {
		t.Errorf("GET /v1/campaigns?room=r2 = %d %+v, want the grown campaign in r1 and r2", code, list)
	}
	if n := newCampaigns(m2); n != 0 {
		t.Errorf("a grown campaign counted as new (%v)", n)
	}
	if twice := d2.observedTwice(); len(twice) > 0 {
		t.Errorf("events observed twice after the restart: %v", twice)
	}
}

// Events the campaign stage never saw (here: it was off; after a crash:
// committed, then lost from its queue) are replayed from the store at
// start, so the campaign is found all the same.
func TestCampaignReplayFindsWhatTheStageMissed(t *testing.T) {
	dir, dets := t.TempDir(), &detectors{}
	cfg, logs := campaignConfig(t, dir, dets)
	off := cfg
	off.CampaignInterval = 0
	m := startServer(t, off, logs)
	var crew []string
	for i := 1; i <= 3; i++ {
		crew = append(crew, commentLine(fmt.Sprintf("c%d", i), "r1", fmt.Sprintf("u%d", i), crewText, at(time.Duration(i)*time.Minute)))
	}
	postOK(t, m, lines(crew...))
	waitProcessed(t, m, 3)
	if len(dets.made) != 0 || len(campaignFindings(t, m)) != 0 {
		t.Fatal("the campaign stage ran with an interval of 0")
	}
	if err := shutdown(m); err != nil {
		t.Fatal(err)
	}
	m2 := startServer(t, cfg, logs)
	f := waitCampaign(t, m2, 3)
	if !slices.Equal(f.Accounts, []string{"u1", "u2", "u3"}) {
		t.Errorf("campaign from the replay = %+v, want u1..u3", f)
	}
	// The stage counts a change and sets the gauge just after its commit,
	// so the finding may be visible a moment before.
	waitFor(t, settle, func() string { return fmt.Sprintf("counted new %v", newCampaigns(m2)) },
		func() bool { return newCampaigns(m2) == 1 })
	if n := testutil.ToFloat64(m2.Metrics().CampaignEvents.WithLabelValues("replay")); n != 3 {
		t.Errorf("replayed %v events, want 3", n)
	}
	waitFor(t, settle, func() string { return fmt.Sprintf("campaigns gauge %v", testutil.ToFloat64(m2.Metrics().Campaigns)) },
		func() bool { return testutil.ToFloat64(m2.Metrics().Campaigns) == 1 })
}

// shutdown stops m the way SIGTERM does, within the tests' patience.
func shutdown(m *server.Main) error {
	ctx, cancel := context.WithTimeout(context.Background(), settle)
	defer cancel()
	return m.Shutdown(ctx)
}
