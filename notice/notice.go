package notice

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// shanghai is Asia/Shanghai: China has kept UTC+8 without daylight saving
// since 1991, so a fixed zone gives the same times without depending on the
// host's time-zone database.
var shanghai = time.FixedZone("Asia/Shanghai", 8*3600)

// Config holds the choices notices make that are product choices, not law.
type Config struct {
	// MaxFacts is how many findings a measure notice lists one by one; the
	// rest are counted. 0 or less means 10.
	MaxFacts int
	// Remedies and RemediesEN name the further remedies an upheld appeal's
	// notice gives. They cite no article: domain.md supports none for
	// them. Administrative reconsideration lies against an administrative
	// act (a regulator's decision), not against the platform's measure
	// itself, and the wording says so.
	Remedies, RemediesEN string
}

// DefaultConfig lists 10 findings and names complaints to the market
// regulator (12315), reconsideration or suit against a regulator's act,
// and the courts.
var DefaultConfig = Config{
	MaxFacts: 10,
	Remedies: "如对复核结果仍有异议，可以依法向市场监督管理部门投诉、举报（例如通过全国12315平台）；" +
		"对市场监督管理部门等行政机关作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼；" +
		"也可以依法向人民法院提起诉讼。",
	RemediesEN: "If you still disagree with the result, you may complain to or report to the market regulation " +
		"authority (for example through the national 12315 platform); if you disagree with an act of that or another " +
		"administrative authority, you may apply for administrative reconsideration or bring an administrative suit " +
		"as the law provides; you may also go to court as the law provides.",
}

func (cfg Config) maxFacts() int {
	if cfg.MaxFacts <= 0 {
		return 10
	}
	return cfg.MaxFacts
}

// AppealChannel is how a subject appeals a measure: where and how, in
// Chinese and English ("在 App「我的—违规申诉」提交申诉材料"), and how long
// after the notice an appeal is accepted.
type AppealChannel struct {
	Text, TextEN string
	Within       time.Duration
}

// The duration of a measure that does not last (a warning, a removal of
// content). Check tells a one-off measure's notice by this text.
const (
	oneOff   = "不适用（一次性措施，作出即执行完毕，不设持续期间）"
	oneOffEN = "not applicable (a one-off measure, complete once taken, with no period in force)"
)

// ForMeasure writes the notice of measure m in case c with DefaultConfig;
// see Config.ForMeasure.
func ForMeasure(c qinglang.Case, m qinglang.Measure, findings []qinglang.Finding, ch AppealChannel, at time.Time) (qinglang.Notice, error) {
	return DefaultConfig.ForMeasure(c, m, findings, ch, at)
}

// ForMeasure writes the notice of measure m in case c, issued at at, with
// what Order 117 art. 14 requires: the facts (from the findings: what,
// when, where, the rule; never accounts, IP addresses or devices), the
// reasons (the measure's reason and why this measure), the basis (the
// measure's and the findings', de-duplicated), the measure and its
// duration, and the appeal channel with its deadline (at + ch.Within).
//
// It fails with EINVALID when the inputs do not fit together (a measure of
// another case, a finding not in the case, a rejected or revoked measure,
// a period that disagrees with the duration) or when the notice would miss
// any element (Check); the error names them.
func (cfg Config) ForMeasure(c qinglang.Case, m qinglang.Measure, findings []qinglang.Finding, ch AppealChannel, at time.Time) (qinglang.Notice, error) {
	if err := fits(c, m, at); err != nil {
		return qinglang.Notice{}, err
	}
	if m.State == qinglang.MeasureRejected || m.State == qinglang.MeasureRevoked {
		return qinglang.Notice{}, qinglang.Errorf(qinglang.EINVALID, "措施 %[1]s 状态为 %[2]s，不能发出处置通知",
			"measure %[1]s is %[2]s: no notice can be issued for it", m.ID, m.State)
	}
	fs, err := caseFindings(c, findings)
	if err != nil {
		return qinglang.Notice{}, err
	}
	at = at.In(shanghai)
	n := qinglang.Notice{
		ID: noticeID(c.ID, m.ID, string(qinglang.NoticeMeasure)), Kind: qinglang.NoticeMeasure,
		CaseID: c.ID, MeasureID: m.ID, Subject: subjectOf(c, m), IssuedAt: at,
	}
	n.Facts, n.FactsEN = cfg.facts(c, fs)
	n.Reasons, n.ReasonsEN = reasons(m)
	n.Basis, n.BasisEN = basis(m, fs)
	if err := period(m, &n); err != nil {
		return qinglang.Notice{}, err
	}
	n.Appeal, n.AppealEN, n.AppealBy = appeal(ch, at)
	if miss := Check(n); len(miss) > 0 {
		return qinglang.Notice{}, missingError(miss)
	}
	return n, nil
}

// fits checks that c, m and at can make a notice.
func fits(c qinglang.Case, m qinglang.Measure, at time.Time) error {
	switch {
	case c.ID == "" || m.ID == "":
		return qinglang.Errorf(qinglang.EINVALID, "缺少案件编号或措施编号", "the case id or the measure id is missing")
	case m.CaseID != "" && m.CaseID != c.ID:
		return qinglang.Errorf(qinglang.EINVALID, "措施 %[1]s 属于案件 %[2]s，不属于案件 %[3]s",
			"measure %[1]s belongs to case %[2]s, not to case %[3]s", m.ID, m.CaseID, c.ID)
	case !m.Kind.Known():
		return qinglang.Errorf(qinglang.EINVALID, "未知的措施类型 %q", "unknown measure kind %q", m.Kind)
	case at.IsZero():
		return qinglang.Errorf(qinglang.EINVALID, "缺少通知签发时间", "the notice's issue time is missing")
	}
	return nil
}

// caseFindings returns the findings once each, oldest first, and refuses
// a finding that the case does not list (when it lists any).
func caseFindings(c qinglang.Case, findings []qinglang.Finding) ([]qinglang.Finding, error) {
	var fs []qinglang.Finding
	seen := map[string]bool{}
	for _, f := range findings {
		if f.ID != "" {
			if len(c.Findings) > 0 && !slices.Contains(c.Findings, f.ID) {
				return nil, qinglang.Errorf(qinglang.EINVALID, "发现 %[1]s 不属于案件 %[2]s",
					"finding %[1]s is not in case %[2]s", f.ID, c.ID)
			}
			if seen[f.ID] {
				continue
			}
			seen[f.ID] = true
		}
		fs = append(fs, f)
	}
	slices.SortStableFunc(fs, func(a, b qinglang.Finding) int {
		return cmp.Or(a.TS.Compare(b.TS), cmp.Compare(a.ID, b.ID))
	})
	return fs, nil
}

func subjectOf(c qinglang.Case, m qinglang.Measure) qinglang.Subject {
	if m.Subject != (qinglang.Subject{}) {
		return m.Subject
	}
	return c.Subject
}

// noticeID derives a notice's id from its case, measure, kind (and appeal):
// the same notice written twice has the same id.
func noticeID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "ntc_" + hex.EncodeToString(h.Sum(nil)[:12])
}

// facts lists the first MaxFacts findings: when, where, what, the rule and
// the severity, and counts the rest. Summaries are masked of accounts,
// users, IP addresses, devices and phone or ID numbers.
func (cfg Config) facts(c qinglang.Case, fs []qinglang.Finding) (zh, en string) {
	if len(fs) == 0 {
		return "", ""
	}
	shown := fs[:min(len(fs), cfg.maxFacts())]
	var z, e strings.Builder
	if rest := len(fs) - len(shown); rest > 0 {
		fmt.Fprintf(&z, "经核查，发现以下违规情形（共 %d 项，列出前 %d 项）：\n", len(fs), len(shown))
		fmt.Fprintf(&e, "Our review found the following (%d in all; the first %d are listed):\n", len(fs), len(shown))
	} else {
		fmt.Fprintf(&z, "经核查，发现以下违规情形（共 %d 项）：\n", len(fs))
		fmt.Fprintf(&e, "Our review found the following (%d in all):\n", len(fs))
	}
	for i, f := range shown {
		deny, _ := personal(f, false)
		sum, sumEN := MaskText(f.Summary, deny...), MaskText(f.SummaryEN, deny...)
		if strings.TrimSpace(sumEN) == "" {
			sumEN = "(in Chinese) " + sum
		}
		if strings.TrimSpace(sum) == "" {
			sum = sumEN
		}
		wz, we := where(f)
		sz, se := f.Severity.Name()
		fmt.Fprintf(&z, "%d. %s，%s：%s（规则 %s，严重程度：%s）\n", i+1, stamp(f.TS), wz, sum, f.Rule, sz)
		fmt.Fprintf(&e, "%d. %s, %s: %s (rule %s, severity: %s)\n", i+1, stamp(f.TS), we, sumEN, f.Rule, se)
	}
	if rest := len(fs) - len(shown); rest > 0 {
		fmt.Fprintf(&z, "另有 %d 项未逐一列出，可在案件 %s 中查阅。\n", rest, c.ID)
		fmt.Fprintf(&e, "%d more are not listed here; they are in case %s.\n", rest, c.ID)
	}
	return strings.TrimSuffix(z.String(), "\n"), strings.TrimSuffix(e.String(), "\n")
}

// where names the platform and room of a finding.
func where(f qinglang.Finding) (zh, en string) {
	zh, en = "平台 "+f.Platform, "platform "+f.Platform
	if f.Platform == "" {
		zh, en = "平台不详", "platform unknown"
	}
	if f.Room != "" {
		zh += " 直播间 " + f.Room
		en += ", room " + f.Room
	}
	return zh, en
}

// reasons gives the policy's explanation and a sentence on why this
// measure: the policy, the points and who decided. A language without the
// policy's explanation falls back to the other; without either there are
// no reasons.
func reasons(m qinglang.Measure) (zh, en string) {
	rz, re := strings.TrimSpace(m.Reason), strings.TrimSpace(m.ReasonEN)
	if rz == "" && re == "" {
		return "", ""
	}
	if rz == "" {
		rz = re
	}
	if re == "" {
		re = "(in Chinese) " + rz
	}
	name, nameEN := m.Kind.Name()
	pz, pe := "平台分级处置规则", "the platform's graduated measures"
	if m.Policy != "" {
		pz, pe = "处置策略 "+m.Policy, "policy "+m.Policy
	}
	cz, ce := "本案违规情形", "the violations in this case reach"
	if m.Points > 0 {
		cz = fmt.Sprintf("本案违规扣 %s 分、扣分后未到期扣分累计 %s 分，", num(m.Points), num(m.Standing))
		ce = fmt.Sprintf("this case deducted %s points and the subject's unexpired points total %s, which reaches",
			num(m.Points), num(m.Standing))
	}
	mz, me := "经审核人员审核后决定", "a reviewer approved it"
	if m.Auto {
		mz, me = "由系统按该策略自动适用", "the policy applies it automatically"
	}
	zh = fmt.Sprintf("%s\n依照%s，%s达到「%s」一档，%s。", sentence(rz, "。"), pz, cz, name, mz)
	en = fmt.Sprintf("%s\nUnder %s, %s the step of \"%s\"; %s.", sentence(re, "."), pe, ce, nameEN, me)
	return zh, en
}

// sentence ends s with stop unless it ends with a stop already.
func sentence(s, stop string) string {
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") ||
		strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + stop
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// basis joins the measure's basis and the findings' bases, one citation a
// line, each once. A basis of several laws ("《A》…；《B》…") is split
// into its laws when both languages split alike, so a law cited by two
// findings is listed once. A citation missing in one language is given in
// the other.
func basis(m qinglang.Measure, fs []qinglang.Finding) (zh, en string) {
	type cite struct{ zh, en string }
	var cites []cite
	seen := map[string]bool{}
	add := func(z, e string) {
		zs, es := splitLaws(z, "；"), splitLaws(e, ";")
		if len(zs) != len(es) || len(zs) < 2 || !all(zs, func(s string) bool { return strings.HasPrefix(s, "《") }) {
			zs, es = []string{strings.TrimSpace(z)}, []string{strings.TrimSpace(e)}
		}
		for i := range zs {
			z, e := strings.TrimRight(zs[i], "。；; "), strings.TrimRight(es[i], ".; ")
			if z == "" && e == "" {
				continue
			}
			key := "zh:" + z
			if z == "" {
				key = "en:" + e
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			cites = append(cites, cite{cmp.Or(z, e), cmp.Or(e, z)})
		}
	}
	add(m.Basis, m.BasisEN)
	for _, f := range fs {
		add(f.Basis, f.BasisEN)
	}
	var zs, es []string
	for _, c := range cites {
		zs, es = append(zs, c.zh), append(es, c.en)
	}
	return strings.Join(zs, "\n"), strings.Join(es, "\n")
}

func splitLaws(s, sep string) []string {
	var out []string
	for p := range strings.SplitSeq(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func all(ss []string, ok func(string) bool) bool {
	for _, s := range ss {
		if !ok(s) {
			return false
		}
	}
	return true
}

// period sets the measure, its duration in words and its period. A lasting
// measure without a duration or period is left for Check to report.
func period(m qinglang.Measure, n *qinglang.Notice) error {
	name, nameEN := m.Kind.Name()
	n.Measure, n.MeasureEN = name, nameEN
	if !m.Kind.Lasts() {
		n.Duration, n.DurationEN = oneOff, oneOffEN
		return nil
	}
	if m.Duration > 0 {
		n.Duration, n.DurationEN = durationWords(m.Duration)
		n.Measure, n.MeasureEN = name+" "+n.Duration, nameEN+" for "+n.DurationEN
	}
	if !m.StartsAt.IsZero() && !m.EndsAt.IsZero() && m.EndsAt.Sub(m.StartsAt) != m.Duration {
		return qinglang.Errorf(qinglang.EINVALID, "措施 %[1]s 的起止时间（%[2]s 至 %[3]s）与期限 %[4]s 不符",
			"measure %[1]s: its period (%[2]s to %[3]s) does not match its duration %[4]s",
			m.ID, stamp(m.StartsAt), stamp(m.EndsAt), m.Duration)
	}
	n.StartsAt, n.EndsAt = inShanghai(m.StartsAt), inShanghai(m.EndsAt)
	return nil
}

// appeal gives the channel, the deadline and how the appeal is handled
// (Order 117 art. 14: reviewed, the result notified).
func appeal(ch AppealChannel, at time.Time) (zh, en string, by time.Time) {
	tz, te := strings.TrimSpace(ch.Text), strings.TrimSpace(ch.TextEN)
	if tz == "" && te == "" {
		return "", "", time.Time{}
	}
	zh, en = sentence(cmp.Or(tz, te), "。"), sentence(cmp.Or(te, tz), ".")
	if ch.Within > 0 {
		by = at.Add(ch.Within)
		wz, we := durationWords(ch.Within)
		zh += fmt.Sprintf("请于 %s 前提出申诉（自本通知签发起 %s内）。", stamp(by), wz)
		en += fmt.Sprintf(" Appeal by %s (within %s of this notice).", stamp(by), we)
	}
	zh += "申诉将由未参与原决定的人员复核，复核结果将通知您。"
	en += " The appeal is reviewed by someone who took no part in the decision, and you will be told the result."
	return zh, en, by
}
