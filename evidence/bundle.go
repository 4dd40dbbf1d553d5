package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/qinglang/qinglang"
)

// Format names the layout of a bundle; Verify accepts only this one.
const Format = "qinglang-evidence/1"

// The files of a bundle. Write writes them in this order, the manifest
// last (it hashes the others).
const (
	FileCase        = "case.json"
	FileFindings    = "findings.json"
	FileFindingsCSV = "findings.csv"
	FileEvents      = "events.jsonl"
	FileTranscript  = "transcript.csv"
	FileComments    = "comments.csv"
	FileOrders      = "orders.csv"
	FileListings    = "listings.csv"
	FileAudit       = "audit.jsonl"
	FileReport      = "report.html"
	FileManifest    = "manifest.json"
)

// Bundle is everything a case's evidence export holds (Order 117 art. 16:
// replays, chat and orders are kept and must stand up as evidence).
type Bundle struct {
	Case       qinglang.Case
	Measures   []qinglang.Measure
	Notices    []qinglang.Notice
	Appeals    []qinglang.Appeal
	Directives []qinglang.Directive
	Actions    []qinglang.RegulatoryAction
	Findings   []qinglang.Finding
	// Events are the stored events of the case's rooms around the
	// findings (speech, comments, orders, listings, room start and end),
	// in the order the store returned them.
	Events []qinglang.Event
	// Audit are the case's audit log entries, each one JSON value; they
	// are copied as they are (compacted onto one line each).
	Audit []json.RawMessage
	// ExportedAt is when the bundle was made: the manifest states it and
	// every ZIP entry carries it, so the same bundle always gives the
	// same bytes. ExportedBy names who made it (chain of custody).
	ExportedAt time.Time
	ExportedBy string
	// Generator is the program and its version ("qinglang v1.2.0").
	Generator string
}

// CaseFile is the content of case.json: the case and everything decided
// on it.
type CaseFile struct {
	Case       qinglang.Case               `json:"case"`
	Measures   []qinglang.Measure          `json:"measures"`
	Notices    []qinglang.Notice           `json:"notices"`
	Appeals    []qinglang.Appeal           `json:"appeals"`
	Directives []qinglang.Directive        `json:"directives"`
	Actions    []qinglang.RegulatoryAction `json:"actions"`
}

// Manifest is the content of manifest.json: what the bundle is, and the
// size and SHA-256 of every other file, so that a recipient can check
// that nothing was changed, removed or added.
type Manifest struct {
	Format     string    `json:"format"`
	CaseID     string    `json:"case_id"`
	ExportedAt time.Time `json:"exported_at"`
	ExportedBy string    `json:"exported_by"`
	Generator  string    `json:"generator"`
	Files      []File    `json:"files"`
}

// File is one file of a bundle as its manifest lists it.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lowercase hex
}

// part is one file of a bundle and how to write its content.
type part struct {
	name  string
	write func(io.Writer, *Bundle) error
}

// parts are the files of a bundle but the manifest, in the order written.
var parts = []part{
	{FileCase, writeCase},
	{FileFindings, writeFindings},
	{FileFindingsCSV, writeFindingsCSV},
	{FileEvents, writeEvents},
	{FileTranscript, writeTranscriptCSV},
	{FileComments, writeCommentsCSV},
	{FileOrders, writeOrdersCSV},
	{FileListings, writeListingsCSV},
	{FileAudit, writeAudit},
	{FileReport, writeReport},
}

// Write writes b to w as a ZIP archive (see the package documentation for
// its layout). The output depends on b alone: files in a fixed order,
// every entry dated b.ExportedAt. A bundle without a case id, an export
// time or an exporter, or holding invalid JSON (an audit entry, a
// finding's evidence), is EINVALID and nothing is written.
func Write(w io.Writer, b Bundle) error {
	if err := b.validate(); err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	m := Manifest{Format: Format, CaseID: b.Case.ID, ExportedAt: b.ExportedAt, ExportedBy: b.ExportedBy,
		Generator: b.Generator, Files: make([]File, 0, len(parts))}
	for _, p := range parts {
		f, err := addFile(zw, p.name, b.ExportedAt, func(w io.Writer) error { return p.write(w, &b) })
		if err != nil {
			return err
		}
		m.Files = append(m.Files, f)
	}
	if _, err := addFile(zw, FileManifest, b.ExportedAt, func(w io.Writer) error { return writeJSON(w, m) }); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return writeFailed(FileManifest, err)
	}
	return nil
}

// validate checks what Write needs before anything is written.
func (b *Bundle) validate() error {
	switch {
	case b.Case.ID == "":
		return qinglang.Errorf(qinglang.EINVALID, "证据包缺少案件编号", "the evidence bundle has no case id")
	case b.ExportedAt.IsZero():
		return qinglang.Errorf(qinglang.EINVALID, "证据包缺少导出时间", "the evidence bundle has no export time")
	case b.ExportedBy == "":
		return qinglang.Errorf(qinglang.EINVALID, "证据包缺少导出人", "the evidence bundle does not say who exported it")
	}
	for i, a := range b.Audit {
		if !json.Valid(a) {
			return qinglang.Errorf(qinglang.EINVALID, "第 %d 条审计记录不是有效的 JSON", "audit entry %d is not valid JSON", i+1)
		}
	}
	for _, f := range b.Findings {
		if len(f.Evidence) > 0 && !json.Valid(f.Evidence) {
			return qinglang.Errorf(qinglang.EINVALID, "发现 %s 的证据不是有效的 JSON", "the evidence of finding %s is not valid JSON", f.ID)
		}
	}
	return nil
}

// addFile adds one file to the archive, dated at, and returns its size
// and hash.
func addFile(zw *zip.Writer, name string, at time.Time, content func(io.Writer) error) (File, error) {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at.UTC()}
	h.SetMode(0o644)
	entry, err := zw.CreateHeader(h)
	if err != nil {
		return File{}, writeFailed(name, err)
	}
	sum := sha256.New()
	n := &counter{}
	buf := bufio.NewWriter(io.MultiWriter(entry, sum, n))
	if err := content(buf); err != nil {
		return File{}, writeFailed(name, err)
	}
	if err := buf.Flush(); err != nil {
		return File{}, writeFailed(name, err)
	}
	return File{Name: name, Size: n.n, SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
}

// writeFailed wraps an error met writing file name; Qinglang's own errors
// pass unchanged.
func writeFailed(name string, err error) error {
	if _, ok := errors.AsType[*qinglang.Error](err); ok {
		return err
	}
	return qinglang.Wrap(qinglang.EINTERNAL, err, "写入证据包文件 %s 失败", "writing %s of the evidence bundle failed", name)
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// writeJSON writes v as indented JSON and a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeCase(w io.Writer, b *Bundle) error {
	return writeJSON(w, CaseFile{Case: b.Case, Measures: nonNil(b.Measures), Notices: nonNil(b.Notices),
		Appeals: nonNil(b.Appeals), Directives: nonNil(b.Directives), Actions: nonNil(b.Actions)})
}

func writeFindings(w io.Writer, b *Bundle) error { return writeJSON(w, nonNil(b.Findings)) }

// writeEvents writes the events as stored: each one's contract JSON on a
// line of its own, in the bundle's order.
func writeEvents(w io.Writer, b *Bundle) error {
	enc := json.NewEncoder(w)
	for i := range b.Events {
		if err := enc.Encode(&b.Events[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeAudit writes the audit entries, each compacted onto one line.
func writeAudit(w io.Writer, b *Bundle) error {
	var line bytes.Buffer
	for _, a := range b.Audit {
		line.Reset()
		if err := json.Compact(&line, a); err != nil {
			return err
		}
		line.WriteByte('\n')
		if _, err := w.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// nonNil returns s, or an empty slice for nil (JSON [] rather than null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
