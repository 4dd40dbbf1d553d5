package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var cstTest = time.FixedZone("", 8*3600)

// at is 2025-06-12 20:00 China time plus min minutes and sec seconds.
func at(min, sec int) time.Time { return time.Date(2025, 6, 12, 20, min, sec, 0, cstTest) }

// testBundle is a case about a host with two findings: a claim in speech
// (event s07) and a comment campaign (comments c2 and c3, order o1 and an
// event the bundle lacks); 14 lines of speech, comments (one of them
// malicious HTML), orders, listings, a measure and its notice.
func testBundle() Bundle {
	var events []qinglang.Event
	yes, no := true, false
	events = append(events, qinglang.Event{Type: qinglang.RoomStart, TS: at(0, 0), ID: "start-r1", Platform: "dy", Room: "r1",
		Host: "host-7", Operator: "op-1", Merchant: "m-1", Title: "健康好物专场", AIHost: &no, AILabel: &yes})
	// Speech in r1, given newest first so that sorting shows.
	for i := 14; i >= 1; i-- {
		text := fmt.Sprintf("第%d句口播", i)
		if i == 7 {
			text = "这款茶能治疗糖尿病，三天见效"
		}
		end := at(i, 20)
		events = append(events, qinglang.Event{Type: qinglang.Speech, TS: at(i, 0), EndTS: &end, ID: fmt.Sprintf("s%02d", i),
			Platform: "dy", Room: "r1", Speaker: "host-7", Text: text})
	}
	events = append(events,
		qinglang.Event{Type: qinglang.Speech, TS: at(3, 0), ID: "r2-s1", Platform: "dy", Room: "r0", Speaker: "host-9", Text: "另一个直播间"},
		qinglang.Event{Type: qinglang.Comment, TS: at(20, 1), ID: "c1", Platform: "dy", Room: "r1", User: "u1", Text: "<script>alert(1)</script>", IP: "10.0.0.1"},
		qinglang.Event{Type: qinglang.Comment, TS: at(20, 2), ID: "c2", Platform: "dy", Room: "r1", User: "u2", Text: "吃了一个月瘦了35斤！", IP: "10.0.0.2", Device: "d-2"},
		qinglang.Event{Type: qinglang.Comment, TS: at(20, 3), ID: "c3", Platform: "dy", Room: "r1", User: "u3", Text: "吃了一个月瘦了35斤！", IP: "10.0.0.2", Device: "d-2"},
		qinglang.Event{Type: qinglang.Comment, TS: at(20, 4), ID: "c4", Platform: "dy", Room: "r1", User: "u4", Text: "=HYPERLINK(\"http://x\")"},
		qinglang.Event{Type: qinglang.Order, TS: at(21, 0), ID: "o1", Platform: "dy", Room: "r1", User: "u2", Product: "p-tea", Qty: 2, AmountFen: 19800},
		qinglang.Event{Type: qinglang.Order, TS: at(22, 0), ID: "o2", Platform: "dy", Room: "r1", User: "u9", Product: "p-tea", Qty: 1, AmountFen: 9900},
	)
	orig := int64(39900)
	events = append(events,
		qinglang.Event{Type: qinglang.Listing, TS: at(0, 30), ID: "l1", Platform: "dy", Room: "r1", Product: "p-tea", Title: "降糖养生茶",
			Merchant: "m-1", Category: qinglang.CatFood, PriceFen: 9900, OriginalPriceFen: &orig, Brand: "某某堂"},
		qinglang.Event{Type: qinglang.RoomEnd, TS: at(30, 0), ID: "end-r1", Platform: "dy", Room: "r1"},
	)
	opened := at(40, 0)
	return Bundle{
		Case: qinglang.Case{ID: "case-1", Subject: qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "dy", ID: "host-7"},
			State: qinglang.CaseNotified, Title: "主播 host-7 宣称食品治病", TitleEN: "host-7 claims a food cures disease",
			Findings: []string{"f-claim", "f-camp"}, Rooms: []string{"r1"}, OpenedAt: opened, UpdatedAt: opened.Add(time.Hour),
			LegalHold: true},
		Measures: []qinglang.Measure{{ID: "m-1", CaseID: "case-1", Subject: qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "dy", ID: "host-7"},
			Kind: qinglang.MeasureSuspendLive, State: qinglang.MeasureActive, Duration: 7 * 24 * time.Hour, Points: 12, Standing: 12,
			Reason: "累计扣分达到 12 分", ReasonEN: "12 points reached", Basis: "平台规则第 5 条", BasisEN: "platform rule 5",
			Policy: "default@1", ProposedAt: opened, DecidedAt: opened.Add(time.Hour), DecidedBy: "reviewer-a"}},
		Notices: []qinglang.Notice{{ID: "n-1", Kind: qinglang.NoticeMeasure, CaseID: "case-1", MeasureID: "m-1",
			Subject: qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "dy", ID: "host-7"}, IssuedAt: opened.Add(2 * time.Hour),
			Facts: "2025年6月12日直播中宣称普通食品可治疗糖尿病", FactsEN: "claimed on 12 June 2025 that a food cures diabetes",
			Reasons: "虚假宣传疾病治疗功能", ReasonsEN: "false claim of curing disease",
			Basis: "《广告法》第十七条", BasisEN: "Advertising Law art. 17", Measure: "暂停直播", MeasureEN: "live streaming suspended",
			Duration: "7 天", DurationEN: "7 days", Appeal: "可在 7 日内通过平台申诉中心申诉", AppealEN: "appeal within 7 days at the appeal centre"}},
		Findings: []qinglang.Finding{
			{ID: "f-claim", Kind: qinglang.KindClaim, Rule: "claims.disease_cure", Severity: qinglang.SeverityHigh, Platform: "dy", Room: "r1",
				TS: at(7, 0), EventIDs: []string{"s07"}, Summary: "宣称食品治疗糖尿病", SummaryEN: "claims a food cures diabetes",
				Basis: "《广告法》第十七条", BasisEN: "Advertising Law art. 17", Evidence: json.RawMessage(`{"span": [3, 9]}`)},
			{ID: "f-camp", Kind: qinglang.KindCampaign, Rule: "campaign.script", Severity: qinglang.SeverityMedium, Platform: "dy", Room: "r1",
				TS: at(21, 0), EventIDs: []string{"c2", "c3", "o1", "gone-1"}, Accounts: []string{"u2", "u3"},
				Summary: "同一设备的账号发布相同评论并下单", SummaryEN: "accounts on one device post the same comment and order"},
		},
		Events: events,
		Audit: []json.RawMessage{
			json.RawMessage("{\n  \"case_id\": \"case-1\",\n  \"action\": \"open\",\n  \"to\": \"open\",\n  \"by\": {\"name\": \"qinglang\", \"role\": \"admin\"},\n  \"at\": \"2025-06-12T12:40:00Z\"\n}"),
			json.RawMessage(`{"seq": 2, "change": {"action": "decide", "by": {"name": "reviewer-a"}, "at": "2025-06-12T13:40:00Z"}}`),
		},
		ExportedAt: time.Date(2025, 6, 13, 9, 0, 0, 0, cstTest),
		ExportedBy: "regulator-sh",
		Generator:  "qinglang test",
	}
}

// write writes b and fails the test on an error.
func write(t *testing.T, b Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// unzip returns the files of a bundle by name, and their names in order.
func unzip(t *testing.T, data []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
		names = append(names, f.Name)
	}
	return files, names
}

func TestWriteLayoutAndManifest(t *testing.T) {
	b := testBundle()
	data := write(t, b)
	files, names := unzip(t, data)
	want := []string{FileCase, FileFindings, FileFindingsCSV, FileEvents, FileTranscript, FileComments, FileOrders,
		FileListings, FileAudit, FileReport, FileManifest}
	if !slices.Equal(names, want) {
		t.Fatalf("files = %v, want %v", names, want)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		if !f.Modified.Equal(b.ExportedAt) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, b.ExportedAt)
		}
	}

	var m Manifest
	if err := json.Unmarshal(files[FileManifest], &m); err != nil {
		t.Fatal(err)
	}
	if m.Format != Format || m.CaseID != "case-1" || !m.ExportedAt.Equal(b.ExportedAt) || m.ExportedBy != "regulator-sh" ||
		m.Generator != "qinglang test" {
		t.Errorf("manifest header = %+v", m)
	}
	if len(m.Files) != len(want)-1 {
		t.Fatalf("manifest lists %d files, want %d", len(m.Files), len(want)-1)
	}
	for i, f := range m.Files {
		sum := sha256.Sum256(files[f.Name])
		if f.Name != want[i] || f.Size != int64(len(files[f.Name])) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("manifest entry %+v does not match the file (%d bytes)", f, len(files[f.Name]))
		}
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	first, second := write(t, testBundle()), write(t, testBundle())
	if !bytes.Equal(first, second) {
		t.Fatal("two writes of the same bundle differ")
	}
	b := testBundle()
	b.ExportedAt = b.ExportedAt.Add(time.Second)
	if bytes.Equal(first, write(t, b)) {
		t.Fatal("a different export time gave the same bytes")
	}
}

func TestWriteRejectsIncompleteBundles(t *testing.T) {
	for name, spoil := range map[string]func(*Bundle){
		"no case id":      func(b *Bundle) { b.Case.ID = "" },
		"no export time":  func(b *Bundle) { b.ExportedAt = time.Time{} },
		"no exporter":     func(b *Bundle) { b.ExportedBy = "" },
		"bad audit entry": func(b *Bundle) { b.Audit = append(b.Audit, json.RawMessage(`{"action":`)) },
		"bad evidence":    func(b *Bundle) { b.Findings[0].Evidence = json.RawMessage(`[1,`) },
	} {
		t.Run(name, func(t *testing.T) {
			b := testBundle()
			spoil(&b)
			var buf bytes.Buffer
			err := Write(&buf, b)
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written for an invalid bundle", buf.Len())
			}
		})
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestWriteReportsIOErrors(t *testing.T) {
	err := Write(failingWriter{}, testBundle())
	if qinglang.Code(err) != qinglang.EINTERNAL || !strings.Contains(err.Error(), "io: read/write on closed pipe") {
		t.Fatalf("err = %v, want EINTERNAL keeping the cause", err)
	}
}

func TestCaseAndFindingsJSON(t *testing.T) {
	b := testBundle()
	files, _ := unzip(t, write(t, b))
	var c CaseFile
	if err := json.Unmarshal(files[FileCase], &c); err != nil {
		t.Fatal(err)
	}
	if c.Case.ID != "case-1" || len(c.Measures) != 1 || c.Measures[0].Kind != qinglang.MeasureSuspendLive ||
		len(c.Notices) != 1 || c.Notices[0].Appeal != b.Notices[0].Appeal {
		t.Errorf("case.json = %+v", c)
	}
	// Empty lists are [] so that a reader sees "none", not "unknown".
	if !bytes.Contains(files[FileCase], []byte(`"appeals": []`)) || !bytes.Contains(files[FileCase], []byte(`"actions": []`)) {
		t.Errorf("case.json has no empty lists:\n%s", files[FileCase])
	}
	var fs []qinglang.Finding
	if err := json.Unmarshal(files[FileFindings], &fs); err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].ID != "f-claim" || !slices.Equal(fs[1].EventIDs, b.Findings[1].EventIDs) {
		t.Errorf("findings.json = %+v", fs)
	}
	var ev struct{ Span []int }
	if err := json.Unmarshal(fs[0].Evidence, &ev); err != nil || !slices.Equal(ev.Span, []int{3, 9}) {
		t.Errorf("evidence = %s (%v)", fs[0].Evidence, err)
	}
}

func TestEventsAndAuditLines(t *testing.T) {
	b := testBundle()
	files, _ := unzip(t, write(t, b))
	lines := strings.Split(strings.TrimSuffix(string(files[FileEvents]), "\n"), "\n")
	if len(lines) != len(b.Events) {
		t.Fatalf("events.jsonl has %d lines, want %d", len(lines), len(b.Events))
	}
	for i, l := range lines {
		want, _ := json.Marshal(b.Events[i])
		if l != string(want) {
			t.Errorf("line %d = %s, want the event as stored %s", i+1, l, want)
		}
	}
	if !strings.Contains(lines[1], `"ts":"2025-06-12T20:14:00+08:00"`) {
		t.Errorf("the event's offset was not kept: %s", lines[1])
	}

	sc := bufio.NewScanner(bytes.NewReader(files[FileAudit]))
	var audit []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("audit line %q: %v", sc.Text(), err)
		}
		audit = append(audit, m)
	}
	if len(audit) != 2 || audit[0]["action"] != "open" || audit[1]["seq"] != float64(2) {
		t.Errorf("audit.jsonl = %v", audit)
	}
}
