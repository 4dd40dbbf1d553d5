package enforce

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/evidence"
)

func TestExportEvidence(t *testing.T) {
	e := cwSetup(t)
	c, _, _ := e.decided(cwReviewer)

	var buf bytes.Buffer
	if err := e.svc.ExportEvidence(e.ctx, cwPlatform, c.ID, &buf); err != nil {
		t.Fatalf("ExportEvidence: %v", err)
	}
	man, err := evidence.Verify(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("evidence.Verify: %v", err)
	}
	if man.CaseID != c.ID || man.ExportedBy != cwPlatform.Name || man.Generator != "qinglang test" {
		t.Errorf("manifest = %+v", man)
	}
	files := cwUnzip(t, buf.Bytes())
	report := files[evidence.FileReport]
	if !strings.Contains(report, "主播宣称茶饮可治疗糖尿病") {
		t.Error("report.html does not show the finding's summary")
	}
	// The room's events around the finding, its start included.
	for _, id := range []string{`"r1-start"`, `"r1-speech"`, `"r1-comment"`} {
		if !strings.Contains(files[evidence.FileEvents], id) {
			t.Errorf("events.jsonl lacks %s", id)
		}
	}
	for _, action := range []string{`"case.open"`, `"measure.approve"`, `"notice.issue"`} {
		if !strings.Contains(files[evidence.FileAudit], action) {
			t.Errorf("audit.jsonl lacks %s", action)
		}
	}

	// The export is audited with the bundle's hash.
	es, err := e.store.AuditEntries(e.ctx, "case:"+c.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := es[len(es)-1]
	var rec exportRecord
	if err := json.Unmarshal(last.Data, &rec); err != nil || last.Action != "case.export" {
		t.Fatalf("last entry = %+v, %v", last, err)
	}
	sum := sha256.Sum256(buf.Bytes())
	if rec.SHA256 != hex.EncodeToString(sum[:]) || rec.Bytes != int64(buf.Len()) || rec.Findings != 1 {
		t.Errorf("export entry = %+v; want the bundle's hash and size", rec)
	}

	err = e.svc.ExportEvidence(e.ctx, cwReviewer, c.ID, io.Discard)
	cwCode(t, "export by a reviewer", err, qinglang.EFORBIDDEN)
	err = e.svc.ExportEvidence(e.ctx, cwOther, c.ID, io.Discard)
	cwCode(t, "export by another platform", err, qinglang.ENOTFOUND)
	if err := e.svc.ExportEvidence(e.ctx, cwShanghai, c.ID, io.Discard); err != nil {
		t.Errorf("export by the region's regulator: %v", err)
	}
}

// cwUnzip returns the files of a ZIP archive by name.
func cwUnzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
	}
	return out
}
