package evidence

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

// section returns the part of html from the first from to the next to.
func section(t *testing.T, html, from, to string) string {
	t.Helper()
	_, rest, ok := strings.Cut(html, from)
	if !ok {
		t.Fatalf("the report has no %q", from)
	}
	s, _, _ := strings.Cut(rest, to)
	return s
}

func report(t *testing.T, b Bundle) string {
	t.Helper()
	files, _ := unzip(t, write(t, b))
	return string(files[FileReport])
}

func TestReportHighlightsExcerpts(t *testing.T) {
	html := report(t, testBundle())
	claim := section(t, html, `<article id="finding-f-claim">`, "</article>")
	for _, want := range []string{"claims.disease_cure", "高 <span class=\"en\" lang=\"en\">high</span>",
		"《广告法》第十七条", "Advertising Law art. 17", "宣称食品治疗糖尿病", "claims a food cures diabetes",
		`<tr class="hit">`, "<mark>这款茶能治疗糖尿病，三天见效</mark>"} {
		if !strings.Contains(claim, want) {
			t.Errorf("finding f-claim lacks %q", want)
		}
	}
	// ContextLines (5) lines of speech either side of s07, no more.
	for i, want := range map[int]bool{1: false, 2: true, 6: true, 8: true, 12: true, 13: false} {
		line := fmt.Sprintf(">第%d句口播<", i)
		if got := strings.Contains(claim, line); got != want {
			t.Errorf("line %d shown = %v, want %v", i, got, want)
		}
	}
	if n := strings.Count(claim, "<mark>"); n != 1 {
		t.Errorf("%d lines marked in f-claim, want 1", n)
	}

	camp := section(t, html, `<article id="finding-f-camp">`, "</article>")
	if n := strings.Count(camp, "<mark>吃了一个月瘦了35斤！</mark>"); n != 2 {
		t.Errorf("%d comments marked in f-camp, want 2:\n%s", n, camp)
	}
	if !strings.Contains(camp, "u2 · p-tea × 2 · ¥198.00") {
		t.Errorf("f-camp does not show the order it names:\n%s", camp)
	}
	if !strings.Contains(camp, `class="missing"`) || !strings.Contains(camp, "gone-1</p>") {
		t.Errorf("f-camp does not name the event the bundle lacks:\n%s", camp)
	}
	if strings.Contains(camp, "另一个直播间") {
		t.Error("an excerpt shows another room's speech")
	}
}

func TestReportEscapesAndIsSelfContained(t *testing.T) {
	html := report(t, testBundle())
	if strings.Contains(html, "<script") || strings.Contains(html, "alert(1)</") {
		t.Error("the malicious comment reached the report unescaped")
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the malicious comment is not shown escaped")
	}
	for _, banned := range []string{"<link", "<img", "src=", `href="http`, "url(", "javascript:", "@import"} {
		if strings.Contains(html, banned) {
			t.Errorf("the report holds %q", banned)
		}
	}
	if !strings.Contains(html, "Content-Security-Policy") || !strings.Contains(html, "<style>") {
		t.Error("the report lacks its CSP or its inline style")
	}

	// Text from the case and its subjects is escaped too.
	b := testBundle()
	b.Case.Title = `<img src=x onerror=alert(2)>`
	b.Notices[0].Facts = `</dd><script>alert(3)</script>`
	html = report(t, b)
	if strings.Contains(html, "<img") || strings.Contains(html, "<script") {
		t.Error("case or notice text reached the report unescaped")
	}
}

func TestReportCaseMeasuresNotices(t *testing.T) {
	html := report(t, testBundle())
	for _, want := range []string{
		"主播 host-7 宣称食品治病", "host-7 claims a food cures disease", // title
		"主播 <span class=\"en\" lang=\"en\">host</span> · dy · host-7", // subject
		"已告知 <span class=\"en\" lang=\"en\">notified</span>",          // state
		"2025-06-12 20:40:00", // opened
		"法律保全 <span class=\"en\" lang=\"en\">Legal hold</span></dt><dd>是",
		"暂停直播 <span class=\"en\" lang=\"en\">live streaming suspended</span>",
		"7 天 <span class=\"en\" lang=\"en\">7 days</span>",
		"累计扣分达到 12 分", "reviewer-a",
		// the notice in full
		"2025年6月12日直播中宣称普通食品可治疗糖尿病", "claimed on 12 June 2025 that a food cures diabetes",
		"虚假宣传疾病治疗功能", "false claim of curing disease", "《广告法》第十七条",
		"可在 7 日内通过平台申诉中心申诉", "appeal within 7 days at the appeal centre",
		// export
		"regulator-sh", "qinglang test", "2025-06-13 09:00:00",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestReportOrdersListingsAudit(t *testing.T) {
	html := report(t, testBundle())
	orders := section(t, html, `<section id="orders">`, "</section>")
	if !regexp.MustCompile(`<tr class="hit">[^\n]*<td>o1</td>`).MatchString(orders) {
		t.Errorf("order o1, named by a finding, is not highlighted:\n%s", orders)
	}
	if regexp.MustCompile(`<tr class="hit">[^\n]*<td>o2</td>`).MatchString(orders) || !strings.Contains(orders, "¥99.00") {
		t.Errorf("order o2 is wrong:\n%s", orders)
	}
	listings := section(t, html, `<section id="listings">`, "</section>")
	for _, want := range []string{"降糖养生茶", "某某堂", "食品", "¥99.00", "¥399.00"} {
		if !strings.Contains(listings, want) {
			t.Errorf("listings lack %q:\n%s", want, listings)
		}
	}
	audit := section(t, html, `<section id="audit">`, "</section>")
	for _, want := range []string{"<td>open</td><td>qinglang (admin)</td>", "<td>decide</td><td>reviewer-a</td>",
		"2025-06-12 21:40:00", "&#34;seq&#34;: 2"} {
		if !strings.Contains(audit, want) {
			t.Errorf("audit trail lacks %q:\n%s", want, audit)
		}
	}
}

func TestReportOptionalSections(t *testing.T) {
	html := report(t, testBundle())
	if strings.Contains(html, `id="appeals"`) || strings.Contains(html, `id="directives"`) {
		t.Error("empty appeal or directive sections shown")
	}
	b := testBundle()
	b.Appeals = []qinglang.Appeal{{ID: "a-1", MeasureID: "m-1", State: qinglang.AppealFiled, Grounds: "我没有说过治疗", FiledBy: "host-7"}}
	b.Directives = []qinglang.Directive{{ID: "d-1", Kind: qinglang.DirectiveRequestToAct, State: qinglang.DirectiveSent,
		Region: "310000", Platform: "dy", Text: "请于三日内处置"}}
	b.Actions = []qinglang.RegulatoryAction{{ID: "ra-1", Kind: qinglang.ActionPenalty, Region: "310000", By: "officer", Text: "罚款决定", FineFen: 10000000}}
	html = report(t, b)
	for _, want := range []string{"我没有说过治疗", "已提交", "要求处置", "请于三日内处置", "行政处罚决定", "¥100000.00"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestAuditRows(t *testing.T) {
	rows := auditRows([]json.RawMessage{
		json.RawMessage(`{"action":"assign","by":"lead","ts":"not a time"}`),
		json.RawMessage(`{"kind":"x","actor":{"name":"a"}}`),
		json.RawMessage(`[1, 2]`),
	})
	if r := rows[0]; r.N != 1 || r.Action != "assign" || r.By != "lead" || r.At != "not a time" {
		t.Errorf("row 1 = %+v", r)
	}
	if r := rows[1]; r.Action != "x" || r.By != "a" || r.At != "" {
		t.Errorf("row 2 = %+v", r)
	}
	if r := rows[2]; r.Action != "" || !strings.Contains(r.JSON, "1,\n  2") {
		t.Errorf("row 3 = %+v", r)
	}
}
