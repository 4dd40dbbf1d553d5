package evidence

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

// readCSV checks the BOM and parses a CSV of the bundle.
func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(data, []byte(bom))
	if !ok {
		t.Fatalf("%s does not begin with the UTF-8 BOM", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// column returns column col of the rows after the header.
func column(rows [][]string, col string) []string {
	i := slices.Index(rows[0], col)
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[i])
	}
	return out
}

func TestCSVFiles(t *testing.T) {
	files, _ := unzip(t, write(t, testBundle()))

	findings := readCSV(t, FileFindingsCSV, files[FileFindingsCSV])
	if !slices.Equal(findings[0], findingsHeader) || len(findings) != 3 {
		t.Fatalf("findings.csv = %v", findings)
	}
	if got := column(findings, "event_ids"); !slices.Equal(got, []string{"s07", "c2 c3 o1 gone-1"}) {
		t.Errorf("event_ids = %v", got)
	}
	if got := column(findings, "summary"); got[0] != "宣称食品治疗糖尿病" {
		t.Errorf("summary = %v", got)
	}

	// Speech by room and time: r0 before r1, and r1 in order of time
	// although the bundle has it newest first.
	transcript := readCSV(t, FileTranscript, files[FileTranscript])
	if !slices.Equal(transcript[0], transcriptHeader) || len(transcript) != 16 {
		t.Fatalf("transcript.csv has %d rows: %v", len(transcript), transcript)
	}
	ids := column(transcript, "id")
	if ids[0] != "r2-s1" || ids[1] != "s01" || ids[14] != "s14" {
		t.Errorf("transcript order = %v", ids)
	}
	if transcript[8][6] != "这款茶能治疗糖尿病，三天见效" || transcript[8][3] != "2025-06-12T20:07:20+08:00" {
		t.Errorf("s07 row = %v", transcript[8])
	}

	comments := readCSV(t, FileComments, files[FileComments])
	if !slices.Equal(comments[0], commentsHeader) || len(comments) != 5 {
		t.Fatalf("comments.csv = %v", comments)
	}
	text := column(comments, "text")
	if text[0] != "<script>alert(1)</script>" {
		t.Errorf("a comment's text was changed: %q", text[0])
	}
	if text[3] != `'=HYPERLINK("http://x")` {
		t.Errorf("a formula was not defused: %q", text[3])
	}

	orders := readCSV(t, FileOrders, files[FileOrders])
	if !slices.Equal(orders[0], ordersHeader) || len(orders) != 3 {
		t.Fatalf("orders.csv = %v", orders)
	}
	if got := orders[1]; got[3] != "o1" || got[6] != "2" || got[7] != "19800" || got[8] != "198.00" {
		t.Errorf("o1 row = %v", got)
	}

	listings := readCSV(t, FileListings, files[FileListings])
	if !slices.Equal(listings[0], listingsHeader) || len(listings) != 2 {
		t.Fatalf("listings.csv = %v", listings)
	}
	if got := listings[1]; got[6] != "降糖养生茶" || got[10] != "99.00" || got[11] != "39900" || got[12] != "399.00" {
		t.Errorf("l1 row = %v", got)
	}
}

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"":           "",
		"正常文本":       "正常文本",
		"=1+1":       "'=1+1",
		"+86 138":    "'+86 138",
		"-50% 限时":    "'-50% 限时",
		"@SUM(A1)":   "'@SUM(A1)",
		"\tcmd":      "'\tcmd",
		"a=b":        "a=b",
		"100% 正品 =好": "100% 正品 =好",
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", 99: "0.99", 100: "1.00", 19800: "198.00", 12345: "123.45", -250: "-2.50"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %q, want %q", fen, got, want)
		}
	}
}
