package evidence

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// rezip copies a bundle file by file; edit may change a file's content or
// drop it (false), and extra files are added at the end.
func rezip(t *testing.T, data []byte, edit func(name string, body []byte) ([]byte, bool), extra ...string) []byte {
	t.Helper()
	files, names := unzip(t, data)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, body []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range names {
		body, keep := files[name], true
		if edit != nil {
			body, keep = edit(name, body)
		}
		if keep {
			put(name, body)
		}
	}
	for _, name := range extra {
		put(name, []byte("added later"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func verify(data []byte) (Manifest, error) {
	return Verify(bytes.NewReader(data), int64(len(data)))
}

func TestVerifyAcceptsAnIntactBundle(t *testing.T) {
	data := write(t, testBundle())
	m, err := verify(data)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if m.CaseID != "case-1" || m.ExportedBy != "regulator-sh" || len(m.Files) != len(parts) {
		t.Errorf("manifest = %+v", m)
	}
	// Recompressed but unchanged content still verifies.
	if _, err := verify(rezip(t, data, nil)); err != nil {
		t.Errorf("a repacked bundle: %v", err)
	}
}

func TestVerifyNamesWhatWasTampered(t *testing.T) {
	data := write(t, testBundle())
	for name, c := range map[string]struct {
		bundle []byte
		want   []string
	}{
		"changed": {rezip(t, data, func(name string, body []byte) ([]byte, bool) {
			if name == FileComments {
				return bytes.Replace(body, []byte("瘦了35斤"), []byte("瘦了3斤"), 1), true
			}
			return body, true
		}), []string{"comments.csv 已被修改", "comments.csv changed"}},
		"same size": {rezip(t, data, func(name string, body []byte) ([]byte, bool) {
			if name == FileOrders {
				return bytes.Replace(body, []byte("19800"), []byte("19900"), 1), true
			}
			return body, true
		}), []string{"orders.csv changed"}},
		"missing": {rezip(t, data, func(name string, body []byte) ([]byte, bool) {
			return body, name != FileAudit
		}), []string{"audit.jsonl 缺失", "audit.jsonl missing"}},
		"extra": {rezip(t, data, nil, "notes.txt"), []string{"notes.txt 未列入清单", "notes.txt not in the manifest"}},
		"two at once": {rezip(t, data, func(name string, body []byte) ([]byte, bool) {
			if name == FileReport {
				return append(body, ' '), true
			}
			return body, name != FileEvents
		}), []string{"events.jsonl missing", "report.html changed"}},
		"stored twice": {rezip(t, data, nil, FileCase), []string{"case.json stored twice"}},
	} {
		t.Run(name, func(t *testing.T) {
			m, err := verify(c.bundle)
			if qinglang.Code(err) != qinglang.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			for _, want := range c.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if m.CaseID != "case-1" {
				t.Errorf("the manifest was not returned: %+v", m)
			}
		})
	}
}

func TestVerifyRejectsBadManifests(t *testing.T) {
	data := write(t, testBundle())
	withManifest := func(body string) []byte {
		return rezip(t, data, func(name string, b []byte) ([]byte, bool) {
			if name == FileManifest {
				return []byte(body), true
			}
			return b, true
		})
	}
	for name, bundle := range map[string][]byte{
		"not a zip":    []byte("PK but not really"),
		"no manifest":  rezip(t, data, func(name string, b []byte) ([]byte, bool) { return b, name != FileManifest }),
		"not json":     withManifest("{"),
		"other format": withManifest(`{"format":"something/2","files":[]}`),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := verify(bundle); qinglang.Code(err) != qinglang.EINVALID {
				t.Errorf("err = %v, want EINVALID", err)
			}
		})
	}
	// A manifest that lists nothing leaves every file unaccounted for.
	_, err := verify(withManifest(`{"format":"` + Format + `","case_id":"case-1","files":[]}`))
	if err == nil || !strings.Contains(err.Error(), "report.html not in the manifest") {
		t.Errorf("err = %v", err)
	}
}
