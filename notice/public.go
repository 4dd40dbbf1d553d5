package notice

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// PublicCase is what may be published about a case: the kind of subject,
// the platform, the subject's and rooms' ids masked, a title without ids,
// the measures decided and a masked summary of each finding, and the dates.
// It never holds accounts, users, IP addresses, devices, event or finding
// ids, the case's own id, comments or assignees.
type PublicCase struct {
	// Ref is a stable reference derived from the case id, which it does
	// not reveal.
	Ref           string               `json:"ref"`
	SubjectKind   qinglang.SubjectKind `json:"subject_kind"`
	SubjectKindZH string               `json:"subject_kind_zh"`
	SubjectKindEN string               `json:"subject_kind_en"`
	Platform      string               `json:"platform"`
	Subject       string               `json:"subject"` // MaskID of the subject's id
	Rooms         []string             `json:"rooms"`   // MaskID of each room
	Title         string               `json:"title"`
	TitleEN       string               `json:"title_en"`
	Measures      []PublicMeasure      `json:"measures"`
	Facts         []PublicFact         `json:"facts"`
	OpenedOn      string               `json:"opened_on"` // 2006-01-02, Asia/Shanghai
	ClosedOn      string               `json:"closed_on,omitempty"`
}

// PublicMeasure is a decided measure as published.
type PublicMeasure struct {
	Kind       qinglang.MeasureKind  `json:"kind"`
	Measure    string                `json:"measure"`
	MeasureEN  string                `json:"measure_en"`
	Duration   string                `json:"duration"`
	DurationEN string                `json:"duration_en"`
	StartsAt   time.Time             `json:"starts_at,omitzero"`
	EndsAt     time.Time             `json:"ends_at,omitzero"`
	State      qinglang.MeasureState `json:"state"`
}

// PublicFact is one finding as published: its rule, its day and its
// summary, masked.
type PublicFact struct {
	Rule      string `json:"rule"`
	On        string `json:"on"` // 2006-01-02, Asia/Shanghai
	Summary   string `json:"summary"`
	SummaryEN string `json:"summary_en,omitempty"`
}

// JSON returns p as indented JSON.
func (p PublicCase) JSON() ([]byte, error) { return json.MarshalIndent(p, "", "  ") }

// Public keeps of case c, its measures ms and its findings what may be
// published. Only decided measures of c are kept (active, lifted or
// revoked: a proposal or a rejected one is no decision). Summaries are
// masked (MaskText) of every id the case, its findings and their evidence
// name, of phone, ID numbers and IP addresses, and names in the evidence are
// masked with MaskName. Whether c is to be published at all is the
// caller's choice (Case.Published).
func Public(c qinglang.Case, ms []qinglang.Measure, findings []qinglang.Finding) PublicCase {
	fs := publicFindings(c, findings)
	kz, ke := c.Subject.Kind.Name()
	ref := sha256.Sum256([]byte("public\x00" + c.ID))
	p := PublicCase{
		Ref:         "pub_" + hex.EncodeToString(ref[:8]),
		SubjectKind: c.Subject.Kind, SubjectKindZH: kz, SubjectKindEN: ke,
		Platform: c.Subject.Platform, Subject: MaskID(c.Subject.ID),
		Rooms: []string{}, Measures: []PublicMeasure{}, Facts: []PublicFact{},
		OpenedOn: day(c.OpenedAt), ClosedOn: day(c.ClosedAt),
	}
	p.Title, p.TitleEN = publicTitle(c, fs)

	deny := []string{c.ID, c.Subject.ID, c.Assignee}
	deny = append(deny, c.Rooms...)
	for _, cm := range c.Comments {
		deny = append(deny, cm.Author)
	}
	for _, m := range ms {
		deny = append(deny, m.ID, m.DecidedBy)
	}
	var names []string
	for _, f := range fs {
		ids, ns := personal(f, true)
		deny, names = append(deny, ids...), append(names, ns...)
	}
	seen := map[string]bool{}
	for _, r := range c.Rooms {
		addRoom(&p, seen, r)
	}
	for _, f := range fs {
		addRoom(&p, seen, f.Room)
		mask := func(s string) string { return MaskText(maskNames(s, names), deny...) }
		p.Facts = append(p.Facts, PublicFact{Rule: f.Rule, On: day(f.TS), Summary: mask(f.Summary), SummaryEN: mask(f.SummaryEN)})
	}
	for _, m := range ms {
		if m.CaseID != "" && m.CaseID != c.ID {
			continue
		}
		switch m.State {
		case qinglang.MeasureActive, qinglang.MeasureLifted, qinglang.MeasureRevoked:
		default:
			continue
		}
		pm := PublicMeasure{Kind: m.Kind, State: m.State, StartsAt: inShanghai(m.StartsAt), EndsAt: inShanghai(m.EndsAt)}
		pm.Measure, pm.MeasureEN = measureWords(m)
		pm.Duration, pm.DurationEN = durationWords(m.Duration)
		if !m.Kind.Lasts() {
			pm.Duration, pm.DurationEN = oneOff, oneOffEN
		}
		p.Measures = append(p.Measures, pm)
	}
	return p
}

// publicFindings keeps the findings of c (all when c lists none), once
// each, oldest first.
func publicFindings(c qinglang.Case, findings []qinglang.Finding) []qinglang.Finding {
	var in []qinglang.Finding
	for _, f := range findings {
		if len(c.Findings) == 0 || slices.Contains(c.Findings, f.ID) {
			in = append(in, f)
		}
	}
	fs, _ := caseFindings(qinglang.Case{}, in)
	return fs
}

func addRoom(p *PublicCase, seen map[string]bool, room string) {
	if room != "" && !seen[room] {
		seen[room] = true
		p.Rooms = append(p.Rooms, MaskID(room))
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(shanghai).Format(time.DateOnly)
}

// kindWord names what findings of a kind are about, for titles.
type kindWord struct {
	kind   qinglang.Kind
	zh, en string
}

var kindWords = []kindWord{
	{qinglang.KindClaim, "虚假或引人误解的宣传", "false or misleading marketing"},
	{qinglang.KindListing, "假冒或未经授权的商品", "counterfeit or unauthorised goods"},
	{qinglang.KindCampaign, "组织虚假评论", "coordinated fake comments"},
	{qinglang.KindQualification, "资质不符", "missing or invalid qualifications"},
}

// publicTitle makes a title from the subject's kind, the platform and the
// kinds of findings (in kindWords' order, then other violations), never
// from the case's own title, which may hold ids or names.
func publicTitle(c qinglang.Case, fs []qinglang.Finding) (zh, en string) {
	kz, ke := c.Subject.Kind.Name()
	zh = "平台 " + c.Subject.Platform + " " + kz + "违规处置"
	en = "Measures against a " + ke + " on platform " + c.Subject.Platform
	var zs, es []string
	for _, k := range kindWords {
		if slices.ContainsFunc(fs, func(f qinglang.Finding) bool { return f.Kind == k.kind }) {
			zs, es = append(zs, k.zh), append(es, k.en)
		}
	}
	if slices.ContainsFunc(fs, func(f qinglang.Finding) bool {
		return !slices.ContainsFunc(kindWords, func(k kindWord) bool { return k.kind == f.Kind })
	}) {
		zs, es = append(zs, "其他违规"), append(es, "other violations")
	}
	if len(zs) == 0 {
		return zh, en
	}
	return zh + "：" + strings.Join(zs, "；"), en + ": " + strings.Join(es, "; ")
}
