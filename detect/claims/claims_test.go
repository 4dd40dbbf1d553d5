package claims

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/rules"
)

// testPack is a small pack written for these tests (the default pack has
// its own examples, run by `qinglang rules test`).
const testPack = `pack: test
version: 1
rules:
  - id: t.weightloss
    kind: claim
    claim_type: performance
    severity: high
    patterns: ["{N}天瘦{N}斤"]
    basis: 《中华人民共和国广告法》第二十八条
    basis_en: Advertising Law art. 28
    message: 减重功效承诺
    message_en: a weight-loss promise
    examples:
      match: [{text: 三天瘦五斤}]
      no_match: [{text: 三天到货}]
  - id: t.sleep
    kind: claim
    claim_type: function
    severity: high
    categories: [food]
    terms: [改善睡眠]
    not_after: [不能]
    within_before: 1
    not_before: [吗]
    basis: 《中华人民共和国广告法》第十八条
    basis_en: Advertising Law art. 18
    message: 普通食品宣称保健功能
    message_en: a health function claimed for ordinary food
    examples:
      match: [{text: 喝了改善睡眠, category: food}]
      no_match: [{text: 喝了改善睡眠, category: health_food}]
`

func newDetector(t *testing.T) *Detector {
	t.Helper()
	p, problems := rules.Parse("test.yaml", []byte(testPack))
	if problems != nil {
		t.Fatal(problems)
	}
	d, err := New(rules.NewSet(p.Rules...))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var t0 = time.Date(2025, 6, 12, 20, 0, 0, 0, time.FixedZone("", 8*3600))

type feed struct {
	t    *testing.T
	d    *Detector
	room *pipeline.Room
}

func (f *feed) send(ev qinglang.Event) []qinglang.Finding {
	f.t.Helper()
	ev.Platform, ev.Room = "default", "r1"
	f.room.Observe(&ev)
	fs, err := f.d.Detect(context.Background(), &pipeline.Input{Event: &ev, Room: f.room})
	if err != nil {
		f.t.Fatal(err)
	}
	return fs
}

func newFeed(t *testing.T) *feed {
	return &feed{t: t, d: newDetector(t), room: pipeline.NewRoom(qinglang.RoomKey{Platform: "default", Room: "r1"})}
}

func speech(id, text string, at time.Duration) qinglang.Event {
	return qinglang.Event{Type: qinglang.Speech, ID: id, TS: t0.Add(at), Speaker: "h1", Text: text}
}

func TestClaimSplitOverSegmentsIsOneFinding(t *testing.T) {
	f := newFeed(t)
	if fs := f.send(speech("s1", "家人们吃了它三天", 0)); len(fs) != 0 {
		t.Fatalf("first half alone: %v", fs)
	}
	fs := f.send(speech("s2", "瘦五斤", 2*time.Second))
	if len(fs) != 1 || fs[0].Rule != "t.weightloss" {
		t.Fatalf("findings = %+v, want the claim completed by s2", fs)
	}
	if len(fs[0].EventIDs) != 2 || fs[0].EventIDs[0] != "s1" || fs[0].EventIDs[1] != "s2" {
		t.Errorf("event_ids = %v, want both segments", fs[0].EventIDs)
	}
	var ev Evidence
	if err := json.Unmarshal(fs[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Matched != "三天瘦五斤" || ev.Text[ev.Start:ev.End] != ev.Matched || len(ev.Numbers) != 2 || ev.Numbers[1] != 5 {
		t.Errorf("evidence = %+v", ev)
	}
	// The next segment must not report the same claim again.
	if fs := f.send(speech("s3", "真的", 3*time.Second)); len(fs) != 0 {
		t.Errorf("the claim was reported again: %+v", fs)
	}
}

// TestGuardsStopAtSegments: a denial or a question guards a claim in its
// own segment, and is not read into the next one, though the claim
// patterns still span segments.
func TestGuardsStopAtSegments(t *testing.T) {
	f := newFeed(t)
	f.send(qinglang.Event{Type: qinglang.Listing, ID: "l1", TS: t0, Product: "p1", Title: "酸枣仁茶", Merchant: "m1",
		Category: qinglang.CatFood, PriceFen: 100})
	if fs := f.send(speech("s1", "这个茶不能改善睡眠", time.Second)); len(fs) != 0 {
		t.Errorf("a denial in the segment: %+v", fs)
	}
	if fs := f.send(speech("s2", "能改善睡眠吗", 2*time.Second)); len(fs) != 0 {
		t.Errorf("a question in the segment: %+v", fs)
	}
	f.send(speech("s3", "我们不能", 3*time.Second))
	fs := f.send(speech("s4", "改善睡眠的茶就这一款", 4*time.Second))
	if len(fs) != 1 || fs[0].Rule != "t.sleep" {
		t.Fatalf("the denial of s3 was read into s4: %+v", fs)
	}
	var ev Evidence
	if err := json.Unmarshal(fs[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Matched != "改善睡眠" || ev.Text[ev.Start:ev.End] != ev.Matched {
		t.Errorf("evidence = %+v", ev)
	}
}

func TestWindowForgetsOldSpeech(t *testing.T) {
	f := newFeed(t)
	f.send(speech("s1", "吃了它三天", 0))
	if fs := f.send(speech("s2", "瘦五斤", time.Minute)); len(fs) != 0 {
		t.Errorf("segments a minute apart joined: %+v", fs)
	}
}

func TestCategoryComesFromTheRoomsListing(t *testing.T) {
	f := newFeed(t)
	f.send(qinglang.Event{Type: qinglang.Listing, ID: "l1", TS: t0, Product: "p1", Title: "安神胶囊", Merchant: "m1",
		Category: qinglang.CatHealthFood, PriceFen: 100})
	if fs := f.send(speech("s1", "坚持喝改善睡眠", time.Second)); len(fs) != 0 {
		t.Errorf("lawful on a registered health food, got %+v", fs)
	}
	f.send(qinglang.Event{Type: qinglang.Listing, ID: "l2", TS: t0.Add(time.Minute), Product: "p2", Title: "酸枣仁茶", Merchant: "m1",
		Category: qinglang.CatFood, PriceFen: 100})
	fs := f.send(speech("s2", "坚持喝改善睡眠", 2*time.Minute))
	if len(fs) != 1 || fs[0].Rule != "t.sleep" || fs[0].Severity != qinglang.SeverityHigh {
		t.Errorf("on ordinary food want t.sleep, got %+v", fs)
	}
}

func TestCommentsAndTitles(t *testing.T) {
	f := newFeed(t)
	fs := f.send(qinglang.Event{Type: qinglang.Comment, ID: "c1", TS: t0, User: "u1", Text: "吃了3天瘦 5 斤"})
	if len(fs) != 1 || fs[0].EventIDs[0] != "c1" {
		t.Errorf("comment: %+v", fs)
	}
	fs = f.send(qinglang.Event{Type: qinglang.Listing, ID: "l1", TS: t0, Product: "p1", Title: "七天瘦十斤 果冻", Merchant: "m1",
		Category: qinglang.CatFood, PriceFen: 100})
	if len(fs) != 1 || fs[0].Rule != "t.weightloss" {
		t.Errorf("title: %+v", fs)
	}
	a := f.send(qinglang.Event{Type: qinglang.Comment, TS: t0, User: "u1", Text: "3天瘦5斤"})
	b := f.send(qinglang.Event{Type: qinglang.Comment, TS: t0, User: "u2", Text: "3天瘦5斤"})
	if len(a) != 1 || len(b) != 1 || a[0].DedupKey == b[0].DedupKey {
		t.Error("two viewers' comments without ids are two findings")
	}
}

func TestReloadSwapsRules(t *testing.T) {
	f := newFeed(t)
	if err := f.d.Reload(&rules.Set{}); err != nil {
		t.Fatal(err)
	}
	if fs := f.send(speech("s1", "三天瘦五斤", 0)); len(fs) != 0 {
		t.Errorf("after reloading an empty set: %+v", fs)
	}
}

func TestRepeatedSpeechIsOneFindingPerRoom(t *testing.T) {
	f := newFeed(t)
	a := f.send(speech("s1", "三天瘦五斤", 0))
	b := f.send(speech("s2", "真的三天瘦五斤", time.Minute))
	if len(a) != 1 || len(b) != 1 || a[0].DedupKey != b[0].DedupKey {
		t.Errorf("the same claim repeated by the host must dedupe to one finding: %+v %+v", a, b)
	}
}
