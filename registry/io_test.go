package registry

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
)

var (
	idAdult   = makeID("110101", "19900307", "456")
	idYoung   = makeID("440103", "20110101", "222") // 15 on 2026-03-01
	idMinor   = makeID("350203", "20090101", "333") // 17
	idMinorOK = makeID("350203", "20090202", "444") // 17, with consent
	idBadSum  = func() string {                     // a valid number with a wrong check digit
		id := makeID("310101", "19880808", "555")
		last := byte('0')
		if id[17] == '0' {
			last = '1'
		}
		return id[:17] + string(last)
	}()
	fullIDs = []string{idAdult, idYoung, idMinor, idMinorOK, idBadSum}
)

// testFiles is a set of CSV files with good rows and bad rows; comments
// name the line of each bad row.
func testFiles() map[Kind]string {
	return map[Kind]string{
		KindPlatform: "id,name\np1,抖音\n",
		KindMerchant: "编号,平台编号,统一社会信用代码,企业名称,最近核验日期\n" +
			"m1,p1,91350200776049653A,厦门甲公司,2025-01-10\n" + // 2
			"m2,p1,91350203M0001QAY9B,乙商行,2025/6/1\n" + // 3: checksum fails: a warning, kept
			"m3,p1,9135020077604965,丙,2025-01-01\n" + // 4: malformed USCC
			"m4,p1,91440101MA5CJQ4N59,丁,2025-13-01\n" + // 5: bad date
			"m5,p1,91110000802100433B,戊\n" + // 6: wrong column count
			"m6,p9,91110000802100433B,己,\n" + // 7: unknown platform
			"m7,p1,91110000802100433B,庚,2025-03-01\n", // 8: kept
		KindLicence: "merchant_id,kind,number,valid_from,valid_to\n" +
			"m1,food_business,JY14401010000012,2021-01-01,2025-12-31\n" +
			"m1,,SC10644010100016,,\n" +
			"m7,ccc,2020010901234567,2020-01-01,2030-12-31\n" +
			"m3,food_business,JY14401010000013,,\n" + // 5: m3 was rejected
			"m1,cosmetic_filing,JY14401010000014,,\n", // 6: kind does not match number
		KindOperator: "id,name,uscc,last_verified\no1,运营甲,,2026-01-05\no2,运营乙,91440101MA5CJQ4N59,\n",
		KindAgency:   "id,name\na1,星光 MCN\n",
		KindHost: "id,姓名,身份证号,监护人同意,last_verified\n" +
			"h1,张三," + idAdult + ",,2025-12-01\n" +
			"h2,李四," + idYoung + ",是,\n" + // 3: under 16
			"h3,王五," + idMinor + ",否,\n" + // 4: 17 without consent
			"h4,赵六," + idMinorOK + ",是,2026-02-01\n" + // 5: note, kept
			"h5,钱七," + idBadSum + ",,\n", // 6: bad check digit
		KindRoom: "id,platform_id,name\nr1,p1,甲的直播间\nr2,p1,乙的直播间\n",
		KindHostAgency: "主播编号,机构编号,有效期起,有效期止\n" +
			"h1,a1,2025-01-01,\n" +
			"h2,a1,2025-01-01,\n" + // 3: h2 was rejected
			"h4,a9,,\n" + // 4: unknown agency
			"h4,a1,2026-01-01,2025-01-01\n", // 5: ends before it starts
		KindRoomLink: "room_id,operator_id,merchant_id,valid_from,valid_to\n" +
			"r1,o1,m1,2025-01-01,\n" +
			"r2,o2,m2,2025-01-01,2026-06-30\n" +
			"r1,o1,m4,,\n", // 4: m4 was rejected
	}
}

func readFiles(t *testing.T, r *Registry, files map[Kind]string) Issues {
	t.Helper()
	in := map[Kind]io.Reader{}
	for k, s := range files {
		in[k] = strings.NewReader(s)
	}
	return r.ReadCSVFiles(in, day("2026-03-01"))
}

func TestReadCSVBadRows(t *testing.T) {
	r := newReg(t)
	is := readFiles(t, r, testFiles())
	type want struct {
		file  string
		line  int
		field string
		sev   Severity
		text  string
	}
	wants := []want{
		{"merchants.csv", 3, "uscc", SevWarning, "verify by hand"},
		{"merchants.csv", 4, "uscc", SevError, "malformed"},
		{"merchants.csv", 5, "last_verified", SevError, "invalid date"},
		{"merchants.csv", 6, "", SevError, "want 5 fields, got 4"},
		{"merchants.csv", 7, "platform_id", SevError, "the linked platform"},
		{"licences.csv", 5, "merchant_id", SevError, `the linked merchant "m3" does not exist`},
		{"licences.csv", 6, "kind", SevError, "not a cosmetic_filing"},
		{"hosts.csv", 3, "birth_date", SevError, "under the minimum age"},
		{"hosts.csv", 4, "birth_date", SevError, "no guardian's consent"},
		{"hosts.csv", 5, "guardian_consent", SevNote, "guardian's consent is recorded"},
		{"hosts.csv", 6, "resident_id", SevError, "check character"},
		{"host_agencies.csv", 3, "host_id", SevError, `the linked host "h2"`},
		{"host_agencies.csv", 4, "agency_id", SevError, `the linked agency "a9"`},
		{"host_agencies.csv", 5, "valid_to", SevError, "ends"},
		{"room_links.csv", 4, "merchant_id", SevError, `the linked merchant "m4"`},
	}
	if len(is) != len(wants) {
		for _, i := range is {
			t.Log(i)
		}
		t.Fatalf("%d issues, want %d", len(is), len(wants))
	}
	for n, w := range wants {
		i := is[n]
		if i.File != w.file || i.Line != w.line || i.Field != w.field || i.Severity != w.sev || !strings.Contains(i.MessageEN, w.text) {
			t.Errorf("issue %d = %s\nwant %+v", n, i, w)
		}
		if i.Message == "" || i.Message == i.MessageEN {
			t.Errorf("issue %d has no Chinese message: %s", n, i)
		}
	}
	// The good rows are kept.
	for kind, n := range map[string]int{"merchants": len(r.Merchants()), "hosts": len(r.Hosts()), "host links": len(r.HostAgencies()),
		"room links": len(r.RoomLinks()), "operators": len(r.Operators())} {
		want := map[string]int{"merchants": 3, "hosts": 2, "host links": 1, "room links": 2, "operators": 2}[kind]
		if n != want {
			t.Errorf("%d %s kept, want %d", n, kind, want)
		}
	}
	if m, _ := r.Merchant("m2"); len(m.Notes) != 1 || m.Notes[0].Code != "verify_by_hand" {
		t.Errorf("m2 notes = %v", m.Notes)
	}
	if m, _ := r.Merchant("m1"); len(m.Licences) != 2 {
		t.Errorf("m1 licences = %v", m.Licences)
	}
	if err := r.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	if err := is.Err(); err == nil || !strings.Contains(err.Error(), "merchants.csv, line 4, uscc") {
		t.Errorf("Err = %v", err)
	}
	if len(is.Errors()) != 13 {
		t.Errorf("%d errors, want 13", len(is.Errors()))
	}
}

func TestReadCSVFileProblems(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "the file is empty"},
		{"missing column", "id,uscc\nm1,91440101MA5CJQ4N59\n", "name: a required column is missing"},
		{"duplicate column", "id,name,名称,uscc\n", "name: the column is given twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newReg(t)
			is := r.ReadCSV(KindMerchant, "m.csv", strings.NewReader(tc.in), day("2026-03-01"))
			if err := is.Err(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Err = %v, want %q", err, tc.want)
			}
		})
	}
	r := newReg(t)
	is := r.ReadCSV(KindMerchant, "m.csv", strings.NewReader("id,name,uscc,extra\nm1,\"a\"b,91440101MA5CJQ4N59,x\nm2,ok,91440101MA5CJQ4N59,x\n"), day("2026-03-01"))
	if len(r.Merchants()) != 1 || len(is) != 2 || is[0].Severity != SevWarning || is[1].Line != 2 {
		t.Errorf("bare quote: merchants %v, issues %v", r.Merchants(), is)
	}
}

func exportCSV(t *testing.T, r *Registry) map[Kind]string {
	t.Helper()
	out := map[Kind]string{}
	for _, k := range Kinds {
		var b bytes.Buffer
		if err := r.WriteCSV(k, &b); err != nil {
			t.Fatal(err)
		}
		out[k] = b.String()
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	r := newReg(t)
	readFiles(t, r, testFiles())
	first := exportCSV(t, r)
	if !strings.HasPrefix(first[KindHost], "id,name,resident_id_masked,resident_id_hash,birth_date,guardian_consent,last_verified\n") {
		t.Errorf("hosts header: %q", first[KindHost])
	}

	// CSV → Registry → CSV.
	r2 := newReg(t)
	if is := readFiles(t, r2, first); len(is.Errors()) > 0 {
		t.Fatalf("re-import: %v", is)
	}
	if second := exportCSV(t, r2); fmt.Sprint(second) != fmt.Sprint(first) {
		t.Errorf("CSV round trip differs:\n%v\n---\n%v", first, second)
	}
	if !r2.VerifyHostID("h1", idAdult) {
		t.Error("the hash did not survive the round trip")
	}

	// Registry → JSON → Registry → JSON and CSV.
	var j1 bytes.Buffer
	if err := r.WriteJSON(&j1); err != nil {
		t.Fatal(err)
	}
	r3 := newReg(t)
	if is := r3.ReadJSON("registry.json", bytes.NewReader(j1.Bytes()), day("2026-03-01")); len(is.Errors()) > 0 {
		t.Fatalf("JSON import: %v", is)
	}
	var j2 bytes.Buffer
	if err := r3.WriteJSON(&j2); err != nil {
		t.Fatal(err)
	}
	if j1.String() != j2.String() {
		t.Errorf("JSON round trip differs:\n%s\n---\n%s", j1.String(), j2.String())
	}
	if fmt.Sprint(exportCSV(t, r3)) != fmt.Sprint(first) {
		t.Error("CSV export after JSON round trip differs")
	}
}

func TestReadJSONBadObjects(t *testing.T) {
	doc := `{"format": "qinglang.registry/v1", "extra": 1,
	"merchants": [{"id": "m1", "name": "甲", "uscc": "91440101MA5CJQ4N59"}, {"id": "m2", "name": "乙", "uscc": "X1"}],
	"hosts": [{"id": "h1", "name": "张三", "身份证号": "` + idAdult + `", "guardian_consent": false, "last_verified": 20250101}]}`
	r := newReg(t)
	is := r.ReadJSON("doc.json", strings.NewReader(doc), day("2026-03-01"))
	if len(r.Merchants()) != 1 {
		t.Errorf("merchants kept: %v", r.Merchants())
	}
	var fields []string
	for _, i := range is {
		fields = append(fields, string(i.Severity)+" "+i.Field)
	}
	if got := strings.Join(fields, "; "); got != "warning extra; error merchants[1].uscc; error hosts[0].last_verified" {
		t.Errorf("issues: %s\n%v", got, is)
	}
	if is := newReg(t).ReadJSON("bad.json", strings.NewReader("{"), day("2026-03-01")); len(is.Errors()) != 1 {
		t.Errorf("malformed JSON: %v", is)
	}
}

func TestIdentityReport(t *testing.T) {
	if _, err := ReportPeriodFor(2026, 3); err == nil {
		t.Error("March accepted as a report month")
	}
	p, err := ReportPeriodFor(2026, 1)
	if err != nil || p.From != day("2025-07-01") || p.To != day("2025-12-31") {
		t.Fatalf("ReportPeriodFor(2026, 1) = %v, %v", p, err)
	}
	if p, _ := ReportPeriodFor(2026, 7); p.From != day("2026-01-01") || p.To != day("2026-06-30") {
		t.Errorf("ReportPeriodFor(2026, 7) = %v", p)
	}
	r := newReg(t)
	readFiles(t, r, testFiles())
	var b bytes.Buffer
	if err := r.IdentityReport(&b, p); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(ReportColumns, ",") {
		t.Errorf("header %v", recs[0])
	}
	rows := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, c := range ReportColumns {
			m[c] = rec[i]
		}
		rows[m["actor_kind"]+":"+m["id"]] = m
	}
	if len(rows) != 3+2+1+2 {
		t.Errorf("%d rows: %v", len(rows), rows)
	}
	m1 := rows["merchant:m1"]
	if m1["uscc_check"] != "valid" || m1["links"] != "r1" || m1["reverify_status"] != "overdue" ||
		!strings.Contains(m1["licences"], "food_business JY14401010000012 2021-01-01~2025-12-31") {
		t.Errorf("m1 row: %v", m1)
	}
	if m2 := rows["merchant:m2"]; m2["uscc_check"] != "verify_by_hand" || m2["verified_in_period"] != "no" {
		t.Errorf("m2 row: %v", m2)
	}
	if h1 := rows["host:h1"]; h1["resident_id_masked"] != "110*************"+idAdult[16:] || h1["links"] != "a1" ||
		h1["verified_in_period"] != "yes" || h1["reverify_status"] != "ok" {
		t.Errorf("h1 row: %v", h1)
	}
	if o1 := rows["operator:o1"]; o1["reverify_status"] != "ok" || o1["verified_in_period"] != "no" {
		t.Errorf("o1 row: %v", o1)
	}
}

// TestNoFullResidentID scans every output for the full numbers imported.
func TestNoFullResidentID(t *testing.T) {
	var out strings.Builder
	r := newReg(t)
	for _, i := range readFiles(t, r, testFiles()) {
		out.WriteString(i.String() + "\n")
	}
	out.WriteString(readFiles(t, r, testFiles()).Err().Error()) // every row again: duplicates
	for _, h := range r.Hosts() {
		out.WriteString(h.String() + fmt.Sprintf("%v %+v\n", h, h))
	}
	for _, s := range exportCSV(t, r) {
		out.WriteString(s)
	}
	_ = r.WriteJSON(&out)
	p, _ := ReportPeriodFor(2026, 7)
	_ = r.IdentityReport(&out, p)
	for _, id := range fullIDs {
		_, err := r.IdentifyHost(Host{ID: "x", Name: "x"}, id[:17]+"Z", day("2026-03-01"))
		out.WriteString(err.Error())
		h, _ := r.IdentifyHost(Host{ID: "x"}, id, day("2026-03-01"))
		if err := r.AddHost(h, day("2026-03-01")); err != nil {
			out.WriteString(err.Error())
		}
	}
	// A number typed into the wrong column is not echoed either.
	bad := "id,name,uscc,last_verified\nm9,x," + idAdult + "," + idAdult + "\n"
	for _, i := range r.ReadCSV(KindMerchant, "m.csv", strings.NewReader(bad), day("2026-03-01")) {
		out.WriteString(i.String())
	}
	s := out.String()
	for _, id := range fullIDs {
		if strings.Contains(s, id) || strings.Contains(s, id[:17]) {
			t.Errorf("output holds the full ID %s…", id[:3])
		}
	}
	if !strings.Contains(s, "***") {
		t.Error("no masked ID in the outputs: the scan saw nothing")
	}
}
