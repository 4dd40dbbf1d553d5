package spotcheck

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Rule is the rule name of the findings a failed spot check gives.
const Rule = "spotcheck.failed"

// Listing is one listing of a product, on any platform, as its listing
// event gave it. Room and Batch are optional.
type Listing struct {
	Platform string `json:"platform"`
	Room     string `json:"room,omitempty"`
	Product  string `json:"product"`
	Batch    string `json:"batch,omitempty"`
	Merchant string `json:"merchant"`
	EventID  string `json:"event_id"`
}

// Policy holds the choices Effects makes that are product choices, not law.
type Policy struct {
	// Deadline is how long a platform is given to take the listings down.
	Deadline time.Duration
	// Critical lists the categories whose failures are critical; any other
	// (or an unknown category) is high.
	Critical []qinglang.Category
	// Now stamps notices; nil means time.Now. Tests set it.
	Now func() time.Time
}

// DefaultPolicy: 24 hours to delist; food, health food and infant formula
// critical. Product choice: no law we know of fixes the delisting delay.
var DefaultPolicy = Policy{
	Deadline: 24 * time.Hour,
	Critical: []qinglang.Category{qinglang.CatInfantFormula, qinglang.CatHealthFood, qinglang.CatFood},
}

// Citation is one article a spot-check failure rests on. Verified says the
// article number was checked against a published text of the law; the
// rendered basis marks an unverified one.
type Citation struct {
	Law, LawEN string
	Article    string // 第十五条
	ArticleEN  string // art. 15
	Verified   bool
}

// Citations of a failure. Confidence as in domain.md: [S] checked against a
// secondary publication of the text, [U] from memory, not checked.
var (
	// 《产品质量法》第十五条: supervision by spot checks, random samples,
	// re-test on objection within 15 days [S].
	pqlArt15 = Citation{"《中华人民共和国产品质量法》", "Product Quality Law of the PRC", "第十五条", "art. 15", true}
	// 《产品质量法》第十七条: a failed spot check: correct within a time
	// limit, else announced, suspended, licence revoked [S].
	pqlArt17 = Citation{"《中华人民共和国产品质量法》", "Product Quality Law of the PRC", "第十七条", "art. 17", true}
	// 《食品安全法》第六十二条: an online food platform stops violations,
	// reports them, and for serious ones stops its service [S, English
	// translation only].
	fslArt62 = Citation{"《中华人民共和国食品安全法》", "Food Safety Law of the PRC", "第六十二条", "art. 62", true}
	// 《食品安全法》第八十七条: regular and irregular sampling inspection of
	// food, results published [U].
	fslArt87 = Citation{"《中华人民共和国食品安全法》", "Food Safety Law of the PRC", "第八十七条", "art. 87", false}
	// 《食品安全法》第八十八条: re-test on objection within 7 working days [U].
	fslArt88 = Citation{"《中华人民共和国食品安全法》", "Food Safety Law of the PRC", "第八十八条", "art. 88", false}
)

// foodCategories are governed by the Food Safety Law rather than the
// Product Quality Law.
var foodCategories = []qinglang.Category{qinglang.CatFood, qinglang.CatHealthFood, qinglang.CatInfantFormula, qinglang.CatAgri}

func isFood(c qinglang.Category) bool { return slices.Contains(foodCategories, c) }

// Basis returns the citations a failure of category c rests on.
func Basis(c qinglang.Category) []Citation {
	if isFood(c) {
		return []Citation{fslArt87, fslArt88, fslArt62}
	}
	return []Citation{pqlArt15, pqlArt17}
}

// renderBasis joins citations by law: 《A》第一条、第二条；《B》第三条.
func renderBasis(cs []Citation) (zh, en string) {
	var zhs, ens []string
	for i := 0; i < len(cs); {
		j := i
		var za, ea []string
		for ; j < len(cs) && cs[j].Law == cs[i].Law; j++ {
			a, b := cs[j].Article, cs[j].ArticleEN
			if !cs[j].Verified {
				a += "（条号待核实）"
				b += " (article number unverified)"
			}
			za = append(za, a)
			ea = append(ea, b)
		}
		zhs = append(zhs, cs[i].Law+strings.Join(za, "、"))
		ens = append(ens, cs[i].LawEN+", "+strings.Join(ea, ", "))
		i = j
	}
	return strings.Join(zhs, "；"), strings.Join(ens, "; ")
}

// Draft is a finding to be: one affected listing. Finding turns it into a
// qinglang.Finding.
type Draft struct {
	Rule     string            `json:"rule"`
	Kind     qinglang.Kind     `json:"kind"`
	Severity qinglang.Severity `json:"severity"`
	Platform string            `json:"platform"`
	Room     string            `json:"room,omitempty"`
	Merchant string            `json:"merchant"`
	Product  string            `json:"product"`
	// Batch is the failed batch, or "" when the result names none.
	Batch   string `json:"batch,omitempty"`
	EventID string `json:"event_id"`
	// BatchConfirmed: the listing names the failed batch. False when
	// either batch is unknown and the listing is included to be safe.
	BatchConfirmed bool      `json:"batch_confirmed"`
	FailedItems    []Item    `json:"failed_items"`
	Lab            string    `json:"lab"`
	TestedAt       time.Time `json:"tested_at"`
	Summary        string    `json:"summary"`
	SummaryEN      string    `json:"summary_en"`
	Basis          string    `json:"basis"`
	BasisEN        string    `json:"basis_en"`
}

// Finding returns d as a finding of kind listing. Its evidence is the
// failed items, lab and batch; its dedup key the product, batch and
// listing event, so a result fed twice gives the same finding.
func (d Draft) Finding() qinglang.Finding {
	ev, _ := json.Marshal(struct {
		Product        string `json:"product"`
		Batch          string `json:"batch,omitempty"`
		BatchConfirmed bool   `json:"batch_confirmed"`
		Lab            string `json:"lab"`
		FailedItems    []Item `json:"failed_items"`
	}{d.Product, d.Batch, d.BatchConfirmed, d.Lab, d.FailedItems})
	var ids []string
	if d.EventID != "" {
		ids = []string{d.EventID}
	}
	return qinglang.Finding{
		Kind: d.Kind, Rule: d.Rule, Severity: d.Severity,
		Platform: d.Platform, Room: d.Room, TS: d.TestedAt, EventIDs: ids,
		Summary: d.Summary, SummaryEN: d.SummaryEN, Basis: d.Basis, BasisEN: d.BasisEN,
		Evidence: ev,
		DedupKey: d.Product + "\x00" + d.Batch + "\x00" + d.EventID,
	}
}

// NoticeListing is one listing a notice asks to take down.
type NoticeListing struct {
	EventID  string `json:"event_id"`
	Merchant string `json:"merchant"`
	Room     string `json:"room,omitempty"`
	Batch    string `json:"batch,omitempty"`
}

// Notice asks one platform to take down its listings of a failed product.
type Notice struct {
	Platform      string            `json:"platform"`
	To            string            `json:"to"`
	ToEN          string            `json:"to_en"`
	Product       string            `json:"product"`
	Batch         string            `json:"batch,omitempty"`
	Category      qinglang.Category `json:"category,omitempty"`
	Listings      []NoticeListing   `json:"listings"`
	FailedItems   []Item            `json:"failed_items"`
	Lab           string            `json:"lab"`
	TestedAt      time.Time         `json:"tested_at"`
	Reason        string            `json:"reason"`
	ReasonEN      string            `json:"reason_en"`
	Basis         string            `json:"basis"`
	BasisEN       string            `json:"basis_en"`
	Appeal        string            `json:"appeal"`
	AppealEN      string            `json:"appeal_en"`
	IssuedAt      time.Time         `json:"issued_at"`
	DeadlineHours float64           `json:"deadline_hours"`
	DueBy         time.Time         `json:"due_by"`
}

// JSON returns n as indented JSON.
func (n Notice) JSON() ([]byte, error) { return json.MarshalIndent(n, "", "  ") }

// Text renders n in Chinese.
func (n Notice) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "下架通知\n致：%s\n", n.To)
	fmt.Fprintf(&b, "商品：%s", n.Product)
	if n.Batch != "" {
		fmt.Fprintf(&b, "（批次 %s）", n.Batch)
	}
	fmt.Fprintf(&b, "\n事由：%s\n不合格项目：\n", n.Reason)
	for _, it := range n.FailedItems {
		fmt.Fprintf(&b, "  - %s\n", itemZH(it))
	}
	fmt.Fprintf(&b, "需下架的上架记录（%d 条）：\n", len(n.Listings))
	for _, l := range n.Listings {
		fmt.Fprintf(&b, "  - %s（商家 %s", l.EventID, l.Merchant)
		if l.Room != "" {
			fmt.Fprintf(&b, "，直播间 %s", l.Room)
		}
		if l.Batch != "" {
			fmt.Fprintf(&b, "，批次 %s", l.Batch)
		}
		b.WriteString("）\n")
	}
	fmt.Fprintf(&b, "依据：%s\n", n.Basis)
	fmt.Fprintf(&b, "期限：请于 %s 前（%s 小时内）完成下架并回复处理结果。\n", n.DueBy.Format(time.DateTime+" -07:00"), num(n.DeadlineHours))
	fmt.Fprintf(&b, "异议：%s\n", n.Appeal)
	return b.String()
}

// TextEN renders n in English.
func (n Notice) TextEN() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Delisting notice\nTo: %s\n", n.ToEN)
	fmt.Fprintf(&b, "Product: %s", n.Product)
	if n.Batch != "" {
		fmt.Fprintf(&b, " (batch %s)", n.Batch)
	}
	fmt.Fprintf(&b, "\nReason: %s\nFailed items:\n", n.ReasonEN)
	for _, it := range n.FailedItems {
		fmt.Fprintf(&b, "  - %s\n", itemEN(it))
	}
	fmt.Fprintf(&b, "Listings to take down (%d):\n", len(n.Listings))
	for _, l := range n.Listings {
		fmt.Fprintf(&b, "  - %s (merchant %s", l.EventID, l.Merchant)
		if l.Room != "" {
			fmt.Fprintf(&b, ", room %s", l.Room)
		}
		if l.Batch != "" {
			fmt.Fprintf(&b, ", batch %s", l.Batch)
		}
		b.WriteString(")\n")
	}
	fmt.Fprintf(&b, "Basis: %s\n", n.BasisEN)
	fmt.Fprintf(&b, "Deadline: take the listings down and report back by %s (within %s hours).\n", n.DueBy.Format(time.DateTime+" -07:00"), num(n.DeadlineHours))
	fmt.Fprintf(&b, "Objection: %s\n", n.AppealEN)
	return b.String()
}

// PublicSeller is a merchant found selling the failed product on a
// platform, for the public record.
type PublicSeller struct {
	Platform string `json:"platform"`
	Merchant string `json:"merchant"`
}

// PublicRecord is what may be published about a failure: the product, the
// batch, who sold it where, what failed and who tested it. It holds no
// personal data: no rooms, hosts, users or event ids.
type PublicRecord struct {
	Product     string            `json:"product"`
	Batch       string            `json:"batch,omitempty"`
	Category    qinglang.Category `json:"category,omitempty"`
	Merchant    string            `json:"merchant,omitempty"` // sold the sample
	Platform    string            `json:"platform"`           // where the sample was bought
	FailedItems []Item            `json:"failed_items"`
	Lab         string            `json:"lab"`
	SampledOn   string            `json:"sampled_on"` // 2006-01-02
	TestedOn    string            `json:"tested_on"`
	Sellers     []PublicSeller    `json:"sellers,omitempty"` // every affected platform and merchant
}

// Outcome is everything a failed result leads to. A passing result has an
// empty Outcome.
type Outcome struct {
	Drafts  []Draft       `json:"drafts"`
	Notices []Notice      `json:"notices"`
	Record  *PublicRecord `json:"record,omitempty"`
}

// Effects works out the effects of r with DefaultPolicy; see Policy.Effects.
func Effects(r Result, listings []Listing) Outcome { return DefaultPolicy.Effects(r, listings) }

// Effects works out what the failed result r means for the listings, on
// every platform. r should be valid (Result.Validate); a passing r has no
// effects.
//
// A listing is affected when it is of r's product and, if both r and the
// listing name a batch, of r's batch. If either batch is unknown the
// listing is affected, with BatchConfirmed false: an unknown batch cannot be
// ruled out. Listings given twice (same platform and event id) count once.
func (p Policy) Effects(r Result, listings []Listing) Outcome {
	if r.Pass || len(r.FailedItems) == 0 {
		return Outcome{}
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	issued := now()
	sev := qinglang.SeverityHigh
	if slices.Contains(p.Critical, r.Category) {
		sev = qinglang.SeverityCritical
	}
	basis, basisEN := renderBasis(Basis(r.Category))
	items := slices.Clone(r.FailedItems)
	failedZH, failedEN := itemsText(items)
	catZH, catEN := r.Category.Name()
	batchZH, batchEN := "批次未知", "batch unknown"
	if r.Batch != "" {
		batchZH, batchEN = "批次 "+r.Batch, "batch "+r.Batch
	}

	var out Outcome
	type key struct{ platform, event string }
	seen := map[key]bool{}
	byPlatform := map[string][]Draft{}
	for _, l := range listings {
		if l.Product != r.Product {
			continue
		}
		if r.Batch != "" && l.Batch != "" && l.Batch != r.Batch {
			continue
		}
		if l.EventID != "" {
			k := key{l.Platform, l.EventID}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		d := Draft{
			Rule: Rule, Kind: qinglang.KindListing, Severity: sev,
			Platform: l.Platform, Room: l.Room, Merchant: l.Merchant, Product: r.Product,
			Batch: r.Batch, EventID: l.EventID, BatchConfirmed: r.Batch != "" && l.Batch == r.Batch,
			FailedItems: items, Lab: r.Lab, TestedAt: r.TestedAt, Basis: basis, BasisEN: basisEN,
		}
		d.Summary = fmt.Sprintf("抽检不合格：%s %s（%s，%s）由 %s 检验不合格（%s），商家 %s 的上架 %s 应下架",
			catZH, r.Product, batchZH, r.TestedAt.Format(time.DateOnly), r.Lab, failedZH, l.Merchant, l.EventID)
		d.SummaryEN = fmt.Sprintf("Failed spot check: %s %s (%s, %s) failed at %s (%s); listing %s by merchant %s should come down",
			catEN, r.Product, batchEN, r.TestedAt.Format(time.DateOnly), r.Lab, failedEN, l.EventID, l.Merchant)
		if r.Batch != "" && !d.BatchConfirmed {
			d.Summary += "（该上架未注明批次，无法排除）"
			d.SummaryEN += " (the listing names no batch, so it cannot be ruled out)"
		}
		out.Drafts = append(out.Drafts, d)
		byPlatform[l.Platform] = append(byPlatform[l.Platform], d)
	}
	slices.SortStableFunc(out.Drafts, func(a, b Draft) int {
		return cmp.Or(cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.EventID, b.EventID))
	})

	appeal, appealEN := "生产者、销售者对检验结果有异议的，可自收到检验结果之日起十五日内申请复检（《中华人民共和国产品质量法》第十五条）；复检期间不停止下架。",
		"A producer or seller who disputes the result may apply for a re-test within 15 days of receiving it (Product Quality Law of the PRC, art. 15); the listings stay down meanwhile."
	if isFood(r.Category) {
		appeal, appealEN = "食品生产经营者对检验结论有异议的，可自收到检验结论之日起七个工作日内申请复检（《中华人民共和国食品安全法》第八十八条，条号待核实）；复检期间不停止下架。",
			"A food producer or trader who disputes the conclusion may apply for a re-test within 7 working days of receiving it (Food Safety Law of the PRC, art. 88, article number unverified); the listings stay down meanwhile."
	}
	platforms := make([]string, 0, len(byPlatform))
	for pl := range byPlatform {
		platforms = append(platforms, pl)
	}
	slices.Sort(platforms)
	for _, pl := range platforms {
		ds := byPlatform[pl]
		slices.SortStableFunc(ds, func(a, b Draft) int { return cmp.Compare(a.EventID, b.EventID) })
		n := Notice{
			Platform: pl,
			To:       fmt.Sprintf("平台 %s 运营方（商品治理/下架负责部门）", pl),
			ToEN:     fmt.Sprintf("operator of platform %s (product governance / delisting)", pl),
			Product:  r.Product, Batch: r.Batch, Category: r.Category,
			FailedItems: items, Lab: r.Lab, TestedAt: r.TestedAt,
			Reason: fmt.Sprintf("%s %s（%s）经 %s 于 %s 检验不合格：%s。", catZH, r.Product, batchZH, r.Lab,
				r.TestedAt.Format(time.DateOnly), failedZH),
			ReasonEN: fmt.Sprintf("%s %s (%s) failed testing at %s on %s: %s.", catEN, r.Product, batchEN, r.Lab,
				r.TestedAt.Format(time.DateOnly), failedEN),
			Basis: basis, BasisEN: basisEN, Appeal: appeal, AppealEN: appealEN,
			IssuedAt: issued, DeadlineHours: p.Deadline.Hours(), DueBy: issued.Add(p.Deadline),
		}
		for _, d := range ds {
			lb := ""
			if d.BatchConfirmed {
				lb = r.Batch
			}
			n.Listings = append(n.Listings, NoticeListing{EventID: d.EventID, Merchant: d.Merchant, Room: d.Room, Batch: lb})
		}
		out.Notices = append(out.Notices, n)
	}

	rec := &PublicRecord{
		Product: r.Product, Batch: r.Batch, Category: r.Category, Merchant: r.Merchant, Platform: r.Platform,
		FailedItems: items, Lab: r.Lab,
		SampledOn: r.SampledAt.Format(time.DateOnly), TestedOn: r.TestedAt.Format(time.DateOnly),
	}
	sellers := map[PublicSeller]bool{}
	for _, d := range out.Drafts {
		s := PublicSeller{Platform: d.Platform, Merchant: d.Merchant}
		if !sellers[s] {
			sellers[s] = true
			rec.Sellers = append(rec.Sellers, s)
		}
	}
	out.Record = rec
	return out
}

func itemZH(it Item) string {
	s := it.Name + " 检测值 " + it.Measured + it.Unit
	if it.Limit != "" {
		s += "（限值 " + it.Limit + it.Unit + "）"
	}
	return s
}

func itemEN(it Item) string {
	s := it.Name + " measured " + it.Measured + unitEN(it.Unit)
	if it.Limit != "" {
		s += " (limit " + it.Limit + unitEN(it.Unit) + ")"
	}
	return s
}

func unitEN(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}

func itemsText(items []Item) (zh, en string) {
	zs := make([]string, len(items))
	es := make([]string, len(items))
	for i, it := range items {
		zs[i], es[i] = itemZH(it), itemEN(it)
	}
	return strings.Join(zs, "；"), strings.Join(es, "; ")
}
