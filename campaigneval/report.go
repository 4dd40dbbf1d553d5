package campaigneval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// WriteText writes the report as tables for a terminal: one row per
// scenario and detector, then the summary per set and detector. Headers
// are Chinese with English beside.
func WriteText(w io.Writer, rep *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "水军检测评估 / campaign detection evaluation\n")
	fmt.Fprintf(bw, "检测器 detectors: %s；每 %s 事件时间研判一次并在结束时研判 / judged every %s of event time and at the end\n\n",
		strings.Join(rep.Contenders, ", "), rep.Interval, rep.Interval)
	t := table{{"场景 scenario", "类型 kind", "场次 rooms", "评论 comments", "水军号 crew", "检测器 detector",
		"团伙 campaigns", "指控 accused", "命中 TP", "误指 FP", "漏检 FN", "精确率 P", "召回率 R", "F1", "首中 first hit"}}
	for _, r := range rep.Results {
		kind, crew := "攻击 attack", fmt.Sprintf("%d (%d 条)", r.CrewAccounts, r.CrewComments)
		if r.Kind == Organic {
			kind, crew = "自然 organic", "—"
		}
		for i, s := range r.Scores {
			row := []string{r.Scenario, kind, strconv.Itoa(r.Broadcasts), strconv.Itoa(r.Comments), crew}
			if i > 0 {
				row = []string{"", "", "", "", ""}
			}
			p, rc, f, hit := "—", "—", "—", "—"
			if r.Kind == Attack {
				p, rc, f = ratio(s.Precision), ratio(s.Recall), ratio(s.F1)
				if s.FirstHitMinutes != nil {
					hit = strconv.FormatFloat(*s.FirstHitMinutes, 'f', 1, 64) + " min"
				}
			}
			row = append(row, s.Detector, strconv.Itoa(s.Campaigns), strconv.Itoa(s.Accused), strconv.Itoa(s.TruePositives),
				strconv.Itoa(s.FalsePositives), strconv.Itoa(s.FalseNegatives), p, rc, f, hit)
			t = append(t, row)
		}
	}
	t.write(bw)
	writeRelations(bw, rep)
	fmt.Fprintf(bw, "\n汇总 summary\n")
	s := table{{"场景集 set", "检测器 detector", "攻击平均 F1 mean F1", "合并精确率 pooled P", "合并召回率 pooled R", "合并 F1 pooled F1",
		"攻击场景误指 FP in attacks", "自然场景误指 falsely accused (organic)"}}
	for _, m := range rep.Summary {
		s = append(s, []string{m.Set, m.Detector, ratio(m.MeanF1), ratio(m.Precision), ratio(m.Recall), ratio(m.F1),
			strconv.Itoa(m.AttackFalsePositives), strconv.Itoa(m.OrganicFalselyAccused)})
	}
	s.write(bw)
	fmt.Fprintf(bw, "\n指控：任一次研判中被报告为团伙成员的账号；命中/误指/漏检按账号计，真值为模拟器的水军标签。\n"+
		"accused: accounts in any campaign reported at any judgement; TP/FP/FN count accounts against the simulator's crew labels.\n")
	return bw.Flush()
}

// writeRelations writes, for the detectors that relate campaigns, the
// scenarios where they hold two campaigns or more, then the totals per
// set; nothing when no detector relates campaigns.
func writeRelations(w io.Writer, rep *Report) {
	header := func(first string) []string {
		return []string{first, "检测器 detector", "团伙 campaigns", "同一团伙的对 pairs of one crew", "关联的对 related",
			"正确 right", "错误 wrong", "漏关联 missed"}
	}
	t := table{header("场景 scenario")}
	row := func(name, det string, r *Relations) []string {
		return []string{name, det, strconv.Itoa(r.Campaigns), strconv.Itoa(r.Pairs), strconv.Itoa(r.Related),
			strconv.Itoa(r.Right), strconv.Itoa(r.Related - r.Right), strconv.Itoa(r.Pairs - r.Right)}
	}
	for _, res := range rep.Results {
		for _, s := range res.Scores {
			if r := s.Relations; r != nil && r.Campaigns >= 2 {
				t = append(t, row(res.Scenario, s.Detector, r))
			}
		}
	}
	var sums table
	for _, m := range rep.Summary {
		if m.Relations != nil {
			sums = append(sums, row(m.Set, m.Detector, m.Relations))
		}
	}
	if len(sums) == 0 {
		return
	}
	fmt.Fprintf(w, "\n关联团伙 related campaigns（两两成对：各含同一团伙 3 个以上账号（不足 3 个成员的团伙则全部成员）的两个团伙应关联，其余不应 / pairs: two campaigns each holding 3 or more accounts of one crew (all of its members, when fewer than 3) should be related, no others）\n")
	if len(t) > 1 {
		t.write(w)
		fmt.Fprintln(w)
	}
	append(table{header("场景集 set")}, sums...).write(w)
}

// ratio formats a value in [0, 1].
func ratio(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// table is rows of cells, the first the header.
type table [][]string

// write pads the cells to their column's display width (CJK characters
// are two columns wide) and writes the rows, a rule under the header.
func (t table) write(w io.Writer) {
	var widths []int
	for _, row := range t {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	for k, row := range t {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-width(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if k == 0 {
			total := 0
			for _, x := range widths {
				total += x + 2
			}
			fmt.Fprintln(w, strings.Repeat("-", total-2))
		}
	}
}

// width is the display width of s in a terminal: East Asian wide and
// full-width characters take two columns.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// wide reports whether r is an East Asian wide or full-width character.
func wide(r rune) bool {
	if r < 0x1100 || r == utf8.RuneError {
		return false
	}
	return r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) || (r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x20000 && r <= 0x3fffd)
}
