package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/evidence"
)

func TestEvidenceVerify(t *testing.T) {
	var buf bytes.Buffer
	b := evidence.Bundle{
		Case:       qinglang.Case{ID: "case_1", Subject: qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "pa", ID: "h1"}, State: qinglang.CaseOpen},
		ExportedAt: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC), ExportedBy: "test", Generator: "qinglang test",
	}
	if err := evidence.Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "case.zip")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "evidence", "verify", file); r.code != 0 || !strings.Contains(r.stdout, "case_1") {
		t.Fatalf("intact bundle: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	// Rewrite the bundle with case.json changed and the manifest kept.
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == evidence.FileCase {
			content = bytes.Replace(content, []byte("case_1"), []byte("case_2"), 1)
		}
		w, _ := zw.Create(f.Name)
		w.Write(content)
	}
	zw.Close()
	if err := os.WriteFile(file, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "evidence", "verify", file); r.code == 0 {
		t.Errorf("a changed bundle verified:\n%s", r.stdout)
	}
	if r := runCLI(t, nil, "evidence", "verify", filepath.Join(t.TempDir(), "none.zip")); r.code != exitBadInput {
		t.Errorf("a missing file: exit %d, want 2", r.code)
	}
}
