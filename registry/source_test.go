package registry

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func writeDir(t *testing.T, files map[Kind]string) string {
	t.Helper()
	dir := t.TempDir()
	for k, s := range files {
		if err := os.WriteFile(filepath.Join(dir, k.FileName()), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSourceLoadKeepsGoodRows(t *testing.T) {
	src := Source{Path: writeDir(t, testFiles()), Salt: testSalt}
	r, is, err := src.Load(day("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Merchant("m7"); !ok {
		t.Error("m7, a good row after bad ones, was not kept")
	}
	if _, ok := r.Merchant("m3"); ok {
		t.Error("m3 (malformed USCC) was kept")
	}
	var lines []string
	for _, i := range is.Errors() {
		if i.File == "merchants.csv" {
			lines = append(lines, i.File+":"+itoa(i.Line))
		}
	}
	if got, want := strings.Join(lines, " "), "merchants.csv:4 merchants.csv:5 merchants.csv:6 merchants.csv:7"; got != want {
		t.Errorf("merchant errors at %s, want %s", got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSourceLoadUnusable(t *testing.T) {
	for name, files := range map[string]map[Kind]string{
		"no files":       {},
		"header missing": {KindMerchant: "id,name\nm1,x\n"},
		"good":           {KindPlatform: "id,name\np1,x\n", KindRoom: "id,platform_id,name\nr1,p1,x\n"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Source{Path: writeDir(t, files), Salt: testSalt}.Load(day("2026-03-01"))
			if name == "good" {
				if err != nil {
					t.Fatalf("a good registry failed: %v", err)
				}
				return
			}
			var se *SourceError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *SourceError", err)
			}
		})
	}
	if _, _, err := (Source{Path: filepath.Join(t.TempDir(), "missing"), Salt: testSalt}).Load(day("2026-03-01")); err == nil {
		t.Error("a missing path loaded")
	}
}

func TestSourceReplace(t *testing.T) {
	src := Source{Path: writeDir(t, testFiles()), Salt: testSalt}
	cur, _, err := src.Load(day("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	// Keep m1, m2 and m7 (linked from licences and room links), add m8,
	// and one bad row.
	in := "id,platform_id,uscc,name\n" +
		"m1,p1,91350200776049653A,厦门甲公司\n" +
		"m2,p1,91350203M0001QAY9B,乙商行\n" +
		"m7,p1,91110000802100433B,庚\n" +
		"m8,p1,91440101MA5CJQ4N59,辛\n" +
		"m9,p1,123,坏\n"
	r, is, err := src.Replace(cur, KindMerchant, "upload.csv", strings.NewReader(in), day("2026-03-01"))
	if err != nil {
		t.Fatalf("Replace: %v (%v)", err, is)
	}
	if _, ok := r.Merchant("m8"); !ok {
		t.Error("m8 was not imported")
	}
	if m, ok := r.Merchant("m1"); !ok || len(m.Licences) == 0 {
		t.Error("m1 lost its licences")
	}
	if len(is.Errors()) != 1 || is.Errors()[0].Line != 6 || is.Errors()[0].File != "upload.csv" {
		t.Errorf("issues = %v, want one error at upload.csv line 6", is)
	}
	if _, ok := cur.Merchant("m8"); ok {
		t.Error("Replace changed the registry in use")
	}

	// Dropping m1 would break its licences and room link: nothing changes.
	_, is, err = src.Replace(cur, KindMerchant, "upload.csv", strings.NewReader("id,platform_id,uscc,name\nm7,p1,91110000802100433B,庚\n"), day("2026-03-01"))
	var se *SourceError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *SourceError", err)
	}
	broken := false
	for _, i := range is {
		broken = broken || i.File == "licences.csv" || i.File == "room_links.csv"
	}
	if !broken {
		t.Errorf("issues %v do not name the broken links", is)
	}

	// A file without the required columns changes nothing either.
	if _, _, err := src.Replace(cur, KindMerchant, "upload.csv", strings.NewReader("id\nm1\n"), day("2026-03-01")); !errors.As(err, &se) {
		t.Errorf("err = %v, want a *SourceError", err)
	}
}

func TestSourceSaveRoundTrip(t *testing.T) {
	dir := writeDir(t, testFiles())
	src := Source{Path: dir, Salt: testSalt}
	r, _, err := src.Load(day("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Save(r); err != nil {
		t.Fatal(err)
	}
	r2, is, err := src.Load(day("2026-03-01"))
	if err != nil || len(is.Errors()) > 0 {
		t.Fatalf("reload after save: %v %v", err, is.Errors())
	}
	if got, want := exportCSV(t, r2), exportCSV(t, r); len(got) != len(want) || got[KindHost] != want[KindHost] || got[KindMerchant] != want[KindMerchant] {
		t.Errorf("saved registry differs:\n%v\n---\n%v", got, want)
	}
	data, _ := os.ReadFile(filepath.Join(dir, KindHost.FileName()))
	for _, id := range fullIDs {
		if strings.Contains(string(data), id) {
			t.Errorf("hosts.csv still holds a full resident ID after Save")
		}
	}
	if !r2.VerifyHostID("h1", idAdult) {
		t.Error("a saved host no longer verifies")
	}

	// One JSON file.
	file := filepath.Join(t.TempDir(), "registry.json")
	js := Source{Path: file, Salt: testSalt}
	if err := js.Save(r); err != nil {
		t.Fatal(err)
	}
	r3, is, err := js.Load(day("2026-03-01"))
	if err != nil || len(is.Errors()) > 0 {
		t.Fatalf("JSON load: %v %v", err, is.Errors())
	}
	if exportCSV(t, r3)[KindMerchant] != exportCSV(t, r)[KindMerchant] {
		t.Error("JSON round trip lost merchants")
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r4, _, err := js.ReplaceAll("upload.json", f, day("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r4.Host("h1"); !ok {
		t.Error("ReplaceAll lost h1")
	}
	if _, _, err := js.ReplaceAll("upload.json", strings.NewReader("not json"), day("2026-03-01")); err == nil {
		t.Error("ReplaceAll accepted a document that is not JSON")
	}
}
