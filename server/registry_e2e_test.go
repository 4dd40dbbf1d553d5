package server_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect/qualification"
	"github.com/qinglang/qinglang/detect/relisted"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/spotcheck"
)

// send posts body to path with a content type and returns the status and
// the answer.
func send(t *testing.T, method, u, ctype, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

func platformListing(id, platform, room, merchant, product string, ts string) string {
	return fmt.Sprintf(`{"type":"listing","id":%q,"platform":%q,"ts":%q,"room":%q,"product":%q,"title":"蜂蜜 500g","merchant":%q,"category":"food","price_fen":5990}`,
		id, platform, ts, room, product, merchant)
}

func rulesOf(fs []qinglang.Finding, eventID string) []string {
	var out []string
	for _, f := range fs {
		for _, id := range f.EventIDs {
			if id == eventID {
				out = append(out, f.Rule)
			}
		}
	}
	return out
}

// TestRegistryThroughServe loads a registry from a directory, finds an
// unknown merchant, imports the merchant over the API (a bad row reported
// by line, the good rows kept and saved), and finds the same merchant's
// missing licence after the import.
func TestRegistryThroughServe(t *testing.T) {
	regDir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(regDir, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("merchants.csv", "id,name,uscc\nm-food,鲜食小铺（虚构）,91440101MA5CJQ4N59\n")
	write("licences.csv", "merchant_id,kind,number,valid_from,valid_to\nm-food,food_business,JY14401010000001,2024-01-01,2028-12-31\n")
	cfg, logs := testConfig(t, t.TempDir())
	cfg.RegistrySource = &registry.Source{Path: regDir, Salt: []byte("server-test-salt-0123456789")}
	m := startServer(t, cfg, logs)

	var info struct {
		Counts map[string]int `json:"counts"`
		Source string         `json:"source"`
	}
	if code := get(t, m, "/v1/registry", &info); code != http.StatusOK || info.Counts["merchants"] != 1 || info.Source != regDir {
		t.Fatalf("GET /v1/registry: %d %+v", code, info)
	}

	postOK(t, m, lines(
		platformListing("a1", "pa", "r1", "m-food", "honey-1", at(0)),
		platformListing("a2", "pa", "r1", "m-new", "honey-2", at(time.Minute)),
	))
	waitProcessed(t, m, 2)
	fs := allFindings(t, m, url.Values{"kind": {"qualification"}})
	if got := rulesOf(fs, "a1"); len(got) != 0 {
		t.Errorf("licensed merchant: %v", got)
	}
	if got := rulesOf(fs, "a2"); strings.Join(got, ",") != qualification.RuleUnknownMerchant {
		t.Errorf("unknown merchant: %v, want %s", got, qualification.RuleUnknownMerchant)
	}

	// Import: m-food kept, m-new added, line 4 malformed.
	code, body := send(t, http.MethodPost, m.URL()+"/v1/registry/import?kind=merchants", "text/csv",
		"id,name,uscc\nm-food,鲜食小铺（虚构）,91440101MA5CJQ4N59\nm-new,新店（虚构）,91350200776049653A\nm-bad,坏行,123\n")
	if code != http.StatusOK {
		t.Fatalf("import: %d %s", code, body)
	}
	var ans struct {
		Info   struct{ Counts map[string]int } `json:"info"`
		Issues []struct {
			Line     int    `json:"line"`
			Field    string `json:"field"`
			Severity string `json:"severity"`
		} `json:"issues"`
	}
	decodeJSON(t, body, &ans)
	if ans.Info.Counts["merchants"] != 2 || ans.Info.Counts["licences"] != 1 {
		t.Errorf("counts after import: %v", ans.Info.Counts)
	}
	if len(ans.Issues) != 1 || ans.Issues[0].Line != 4 || ans.Issues[0].Severity != "error" {
		t.Errorf("issues: %s", body)
	}
	saved, err := os.ReadFile(filepath.Join(regDir, "merchants.csv"))
	if err != nil || !strings.Contains(string(saved), "m-new") || strings.Contains(string(saved), "m-bad") {
		t.Errorf("merchants.csv after import: %q %v", saved, err)
	}

	// Import that breaks a link: refused, nothing changes.
	code, body = send(t, http.MethodPost, m.URL()+"/v1/registry/import?kind=merchants", "text/csv", "id,name,uscc\nm-new,新店（虚构）,91350200776049653A\n")
	if code != http.StatusBadRequest || !strings.Contains(string(body), "licences.csv") {
		t.Errorf("breaking import: %d %s", code, body)
	}

	postOK(t, m, platformListing("a3", "pa", "r1", "m-new", "honey-2", at(2*time.Minute)))
	waitProcessed(t, m, 3)
	fs = allFindings(t, m, url.Values{"kind": {"qualification"}})
	if got := rulesOf(fs, "a3"); strings.Join(got, ",") != qualification.RuleMissingLicence {
		t.Errorf("imported merchant without a licence: %v, want %s", got, qualification.RuleMissingLicence)
	}

	// A file edited by hand and reloaded.
	write("licences.csv", "merchant_id,kind,number,valid_from,valid_to\nm-food,food_business,JY14401010000001,2024-01-01,2028-12-31\nm-new,food_business,JY14401010000002,2024-01-01,2028-12-31\n")
	if code, body := send(t, http.MethodPost, m.URL()+"/v1/registry/reload", "", ""); code != http.StatusOK {
		t.Fatalf("reload: %d %s", code, body)
	}
	postOK(t, m, platformListing("a4", "pa", "r1", "m-new", "honey-2", at(3*time.Minute)))
	waitProcessed(t, m, 4)
	if got := rulesOf(allFindings(t, m, url.Values{"kind": {"qualification"}}), "a4"); len(got) != 0 {
		t.Errorf("after the reload the licence is known: %v", got)
	}
}

// TestSpotCheckThroughServe records a failed spot check over the API: the
// product's listings on two platforms become findings, each platform gets
// a delisting notice, the public page and feeds show the record without
// personal data, and a listing on a third platform afterwards is found.
func TestSpotCheckThroughServe(t *testing.T) {
	m := newServer(t)
	stream := openStream(t, m)
	postOK(t, m, lines(
		platformListing("s1", "pa", "room-secret-1", "m3", "honey-1", at(-48*time.Hour)),
		platformListing("s2", "pb", "room-secret-2", "m7", "honey-1", at(-47*time.Hour)),
		platformListing("s3", "pb", "room-secret-2", "m7", "jam-1", at(-47*time.Hour)),
	))
	waitProcessed(t, m, 3)

	tested := at(-24 * time.Hour)[:10]
	results := "product,batch,platform,merchant,category,lab,sampled_at,tested_at,pass,failed_items\n" +
		"honey-1,B2026,pa,m3,food,示例检测所（虚构）," + tested + "," + tested + ",不合格,铅|0.8|0.5|mg/kg\n" +
		"jam-1,,pb,m7,food,示例检测所（虚构）," + tested + "," + tested + ",合格,\n" +
		",,pb,m7,food,x,bad,bad,?,\n"
	code, body := send(t, http.MethodPost, m.URL()+"/v1/spotchecks", "text/csv", results)
	if code != http.StatusOK {
		t.Fatalf("POST /v1/spotchecks: %d %s", code, body)
	}
	var ans struct {
		Recorded []struct {
			ID        string   `json:"id"`
			Pass      bool     `json:"pass"`
			Added     bool     `json:"added"`
			Findings  int      `json:"findings"`
			Platforms []string `json:"platforms"`
		} `json:"recorded"`
		Problems []struct {
			Line int `json:"line"`
		} `json:"problems"`
	}
	decodeJSON(t, body, &ans)
	if len(ans.Recorded) != 2 || len(ans.Problems) == 0 || ans.Problems[0].Line != 4 {
		t.Fatalf("answer: %s", body)
	}
	failed := ans.Recorded[0]
	if failed.Pass || !failed.Added || failed.Findings != 2 || strings.Join(failed.Platforms, ",") != "pa,pb" {
		t.Errorf("failed result: %+v", failed)
	}
	if ans.Recorded[1].Findings != 0 || !ans.Recorded[1].Pass {
		t.Errorf("passed result: %+v", ans.Recorded[1])
	}

	fs := allFindings(t, m, url.Values{"rule": {spotcheck.Rule}})
	if len(fs) != 2 || len(rulesOf(fs, "s1")) != 1 || len(rulesOf(fs, "s2")) != 1 {
		t.Fatalf("spot-check findings: %+v", fs)
	}
	seen := map[string]bool{}
	for len(seen) < 2 {
		f := stream.next(t)
		if f.Rule == spotcheck.Rule {
			seen[f.Platform] = true
		}
	}

	// Recorded again: nothing new.
	code, body = send(t, http.MethodPost, m.URL()+"/v1/spotchecks", "text/csv", results)
	decodeJSON(t, body, &ans)
	if code != http.StatusOK || ans.Recorded[0].Added || len(allFindings(t, m, url.Values{"rule": {spotcheck.Rule}})) != 2 {
		t.Errorf("recorded twice: %d %s", code, body)
	}

	// The notice to platform pb names its listing.
	code, body = send(t, http.MethodGet, m.URL()+"/v1/spotchecks/"+failed.ID+"/notices/pb?format=text", "", "")
	if code != http.StatusOK || !strings.Contains(string(body), "s2") || !strings.Contains(string(body), "下架通知") {
		t.Errorf("notice to pb: %d %s", code, body)
	}

	// Public page and feeds: the record, no rooms and no event ids.
	for _, path := range []string{"/public/spotchecks", "/public/spotchecks.json", "/public/spotchecks.atom"} {
		code, body := send(t, http.MethodGet, m.URL()+path, "", "")
		page := string(body)
		if code != http.StatusOK || !strings.Contains(page, "honey-1") {
			t.Errorf("%s: %d %s", path, code, tail(page, 400))
		}
		if strings.Contains(page, "room-secret") || strings.Contains(page, `"s1"`) || strings.Contains(page, "jam-1") {
			t.Errorf("%s shows a room, an event id or a passed result", path)
		}
		if strings.HasSuffix(path, ".atom") {
			var feed struct {
				Entries []struct {
					ID string `xml:"id"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(body, &feed); err != nil || len(feed.Entries) != 1 {
				t.Errorf("atom: %v, %d entries", err, len(feed.Entries))
			}
		}
	}

	// Listed again after the failure, on a third platform.
	postOK(t, m, platformListing("s4", "pc", "r5", "m9", "honey-1", at(0)))
	waitProcessed(t, m, 4)
	got := allFindings(t, m, url.Values{"rule": {relisted.Rule}})
	if len(got) != 1 || got[0].Platform != "pc" || !strings.Contains(string(got[0].Evidence), failed.ID) {
		raw, _ := json.Marshal(got)
		t.Errorf("relisted findings: %s", raw)
	}
}
