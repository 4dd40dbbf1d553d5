package brands

import (
	"fmt"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
)

// Rule ids of the checks.
const (
	RuleUnauthorised = "brand.unauthorised"
	RuleSlang        = "counterfeit.slang_with_brand"
	RuleBelowFloor   = "price.below_brand_floor"
)

// Where a result's span lies.
const (
	SourceTitle  = "title"
	SourceBrand  = "brand" // the listing's brand field
	SourceSpeech = "speech"
)

// DefaultFloorRatio is the default of Checker.FloorRatio: a price under
// 30% of the brand's reference floor. It is a heuristic, not a legal
// threshold: outlet and second-hand prices of genuine goods rarely go
// below about a third of the lowest regular price, while counterfeits
// are commonly sold at a tenth of it. Tune it per platform.
const DefaultFloorRatio = 0.3

// Listing is what the checks need of a listing event.
type Listing struct {
	Title            string
	Merchant         string
	Category         qinglang.Category
	PriceFen         int64
	OriginalPriceFen int64
	Brand            string // the optional brand field
	At               time.Time
}

// Span is a byte range [Start,End) of the original text named by Source.
type Span struct {
	Source string `json:"source"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"` // the original text in the range
}

// Result is a finding to be: the checks know nothing of rooms, events or
// ids; the caller turns a Result into a qinglang.Finding.
type Result struct {
	Rule     string            `json:"rule"`
	Kind     qinglang.Kind     `json:"kind"`
	Severity qinglang.Severity `json:"severity"`
	// Span is what to highlight: the brand name, or for slang the range
	// from the slang to the brand name.
	Span      Span           `json:"span"`
	BrandSpan Span           `json:"brand_span"`
	Brand     string         `json:"brand"`      // brand id
	BrandName string         `json:"brand_name"` // display name
	Line      string         `json:"line,omitempty"`
	Slang     string         `json:"slang,omitempty"` // normalised slang term
	Auth      *Authorisation `json:"authorisation,omitempty"`
	PriceFen  int64          `json:"price_fen,omitempty"`
	FloorFen  int64          `json:"floor_fen,omitempty"`
	Ratio     float64        `json:"ratio,omitempty"` // the ratio applied
	Message   string         `json:"message"`
	MessageEN string         `json:"message_en"`
	Basis     string         `json:"basis"`
	BasisEN   string         `json:"basis_en"`
}

// Bases cited by the checks (see the package doc for what was verified).
const (
	basisUnauth   = "《中华人民共和国商标法》第五十七条；《中华人民共和国电子商务法》第三十八条"
	basisUnauthEN = "Trademark Law of the PRC, art. 57; E-Commerce Law of the PRC, art. 38"
	basisSlang    = "《中华人民共和国商标法》第五十七条；《中华人民共和国产品质量法》第三十九条；《中华人民共和国电子商务法》第十三条"
	basisSlangEN  = "Trademark Law of the PRC, art. 57; Product Quality Law of the PRC, art. 39; E-Commerce Law of the PRC, art. 13"
	basisFloor    = "《中华人民共和国产品质量法》第三十九条；《中华人民共和国商标法》第五十七条"
	basisFloorEN  = "Product Quality Law of the PRC, art. 39; Trademark Law of the PRC, art. 57"
)

// Checker runs the brand checks against a registry.
type Checker struct {
	Registry *Registry
	// FloorRatio: a price below FloorRatio × floor is reported. Zero
	// means DefaultFloorRatio.
	FloorRatio float64
}

// NewChecker returns a checker with the default ratio.
func NewChecker(r *Registry) *Checker { return &Checker{Registry: r, FloorRatio: DefaultFloorRatio} }

func (c *Checker) ratio() float64 {
	if c.FloorRatio <= 0 {
		return DefaultFloorRatio
	}
	return c.FloorRatio
}

// claim is one brand named as a claim in a listing: its first mention and
// the product line mentioned next to it, if any.
type claim struct {
	brand  int
	span   Span
	line   int // -1 for none
	lspan  Span
	source string
}

// CheckListing checks a listing: brands named in the title or the brand
// field by an unauthorised merchant, counterfeit slang next to a brand in
// the title, and a price far below the brand's floor. A brand named only
// as compatibility ("适用于iPhone 15") is no claim and is not checked.
func (c *Checker) CheckListing(l Listing) []Result {
	if c == nil || c.Registry == nil {
		return nil
	}
	r := c.Registry
	title := textnorm.Normalize(l.Title)
	tm := r.mentions(&title, false)
	// Weak names (苹果) count in a listing of the brand's own category.
	var own []mention
	for _, m := range r.mentions(&title, true) {
		if m.weak && r.brands[m.brand].Category == l.Category && l.Category != "" {
			own = append(own, m)
		}
	}
	tm = mergeMentions(tm, own)
	field := textnorm.Normalize(l.Brand)
	fm := r.mentions(&field, true)

	var claims []claim
	seen := map[int]int{} // brand → index in claims
	addClaim := func(t *textnorm.Text, ms []mention, source string) {
		for _, m := range ms {
			if m.compat && source == SourceTitle {
				continue
			}
			i, ok := seen[m.brand]
			if !ok {
				i = len(claims)
				seen[m.brand] = i
				claims = append(claims, claim{brand: m.brand, line: -1, span: span(t, source, m.ns, m.ne), source: source})
			}
			if m.line >= 0 && claims[i].line < 0 {
				claims[i].line, claims[i].lspan = m.line, span(t, source, m.ns, m.ne)
			}
		}
	}
	addClaim(&title, tm, SourceTitle)
	addClaim(&field, fm, SourceBrand)

	var out []Result
	auth := map[int]Authorisation{}
	for _, cl := range claims {
		b := &r.brands[cl.brand]
		a := r.Authorise(b.ID, l.Merchant, l.At)
		auth[cl.brand] = a
		if a.Authorised {
			continue
		}
		res := c.base(RuleUnauthorised, qinglang.SeverityMedium, b, cl.span)
		res.Auth = &a
		res.Message = fmt.Sprintf("商品%s使用品牌“%s”，但商家 %s 在 %s %s。请核验品牌授权书或正品进货凭证。",
			sourceZH(cl.source), b.Name(), l.Merchant, day(l.At), statusZH(a))
		res.MessageEN = fmt.Sprintf("The listing's %s names the brand %q, but merchant %s %s on %s. Verify the authorisation or the purchase records of genuine goods.",
			cl.source, b.Name(), l.Merchant, statusEN(a), day(l.At))
		res.Basis, res.BasisEN = basisUnauth, basisUnauthEN
		out = append(out, res)
	}
	out = append(out, c.slang(&title, tm, SourceTitle, l.Merchant, l.At)...)
	for _, cl := range claims {
		b := &r.brands[cl.brand]
		floor, sp, line := b.FloorFen, cl.span, ""
		if cl.line >= 0 && b.Lines[cl.line].FloorFen > 0 {
			floor, sp, line = b.Lines[cl.line].FloorFen, cl.lspan, b.Lines[cl.line].Names[0]
		}
		if floor <= 0 || l.PriceFen <= 0 || float64(l.PriceFen) >= c.ratio()*float64(floor) {
			continue
		}
		a := auth[cl.brand]
		sev := qinglang.SeverityMedium
		if !a.Authorised {
			sev = qinglang.SeverityHigh
		}
		res := c.base(RuleBelowFloor, sev, b, sp)
		res.BrandSpan, res.Line, res.Auth = cl.span, line, &a
		res.PriceFen, res.FloorFen, res.Ratio = l.PriceFen, floor, c.ratio()
		name := b.Name()
		if line != "" {
			name += " " + line
		}
		res.Message = fmt.Sprintf("“%s”售价 %s 元，低于该品牌参考最低价 %s 元的 %.0f%%，疑似假冒或以次充好（启发式阈值）。",
			name, yuan(l.PriceFen), yuan(floor), c.ratio()*100)
		res.MessageEN = fmt.Sprintf("%q is priced at ¥%s, below %.0f%% of the brand's reference floor of ¥%s: possibly counterfeit (a heuristic threshold).",
			name, yuan(l.PriceFen), c.ratio()*100, yuan(floor))
		res.Basis, res.BasisEN = basisFloor, basisFloorEN
		out = append(out, res)
	}
	return out
}

// CheckSpeech checks what a host says for counterfeit slang next to a
// brand name. Speech is not checked for authorisation: hosts name brands
// to compare ("比某大牌还舒服"), and what the room sells is judged on its
// listings. Weak names (苹果) do not count in speech.
func (c *Checker) CheckSpeech(text, merchant string, at time.Time) []Result {
	if c == nil || c.Registry == nil {
		return nil
	}
	t := textnorm.Normalize(text)
	return c.slang(&t, c.Registry.mentions(&t, false), SourceSpeech, merchant, at)
}

// slang reports each slang occurrence within slangWindow runes of a brand
// name that is not a compatibility mention, paired with the nearest one.
func (c *Checker) slang(t *textnorm.Text, ms []mention, source, merchant string, at time.Time) []Result {
	var out []Result
	for _, h := range findSlang(t.Norm) {
		best, bestGap := -1, slangWindow+1
		for i, m := range ms {
			if m.compat || (m.ns < h.ne && h.ns < m.ne) {
				continue
			}
			gap := runesBetween(t.Norm, m.ne, h.ns) + runesBetween(t.Norm, h.ne, m.ns)
			if gap < bestGap {
				best, bestGap = i, gap
			}
		}
		if best < 0 {
			continue
		}
		m := ms[best]
		b := &c.Registry.brands[m.brand]
		res := c.base(RuleSlang, qinglang.SeverityCritical, b, span(t, source, m.ns, m.ne))
		res.Span = span(t, source, min(m.ns, h.ns), max(m.ne, h.ne))
		res.Slang = h.term
		a := c.Registry.Authorise(b.ID, merchant, at)
		res.Auth = &a
		res.Message = fmt.Sprintf("“%s”与品牌“%s”同时出现：假冒注册商标商品的常用暗语。", h.term, b.Name())
		res.MessageEN = fmt.Sprintf("Counterfeit slang %q next to the brand %q: a common signal of goods counterfeiting a registered trademark.", h.term, b.Name())
		res.Basis, res.BasisEN = basisSlang, basisSlangEN
		out = append(out, res)
	}
	return out
}

func (c *Checker) base(rule string, sev qinglang.Severity, b *Brand, sp Span) Result {
	return Result{Rule: rule, Kind: qinglang.KindListing, Severity: sev, Span: sp, BrandSpan: sp, Brand: b.ID, BrandName: b.Name()}
}

// mergeMentions adds the extra mentions that overlap none of ms, in order.
func mergeMentions(ms, extra []mention) []mention {
	for _, e := range extra {
		free := true
		for _, m := range ms {
			if m.ns < e.ne && e.ns < m.ne {
				free = false
				break
			}
		}
		if free {
			ms = append(ms, e)
		}
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].ns < ms[j-1].ns; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}

func span(t *textnorm.Text, source string, ns, ne int) Span {
	os, oe := t.Span(ns, ne)
	return Span{Source: source, Start: os, End: oe, Text: t.Orig[os:oe]}
}

func day(at time.Time) string { return at.In(China).Format(DateLayout) }

func yuan(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

func sourceZH(s string) string {
	if s == SourceBrand {
		return "品牌字段"
	}
	return "标题"
}

func statusZH(a Authorisation) string {
	switch a.Status {
	case StatusExpired:
		return fmt.Sprintf("已不在授权期内（授权至 %s 止）", a.Grant.Until.Format(DateLayout))
	case StatusNotYet:
		return fmt.Sprintf("尚未进入授权期（授权自 %s 起）", a.Grant.From.Format(DateLayout))
	}
	return fmt.Sprintf("不在该品牌的授权销售名单中（名单共 %d 家）", len(a.Sellers))
}

func statusEN(a Authorisation) string {
	switch a.Status {
	case StatusExpired:
		return fmt.Sprintf("was no longer authorised (the grant ended %s)", a.Grant.Until.Format(DateLayout))
	case StatusNotYet:
		return fmt.Sprintf("was not yet authorised (the grant starts %s)", a.Grant.From.Format(DateLayout))
	}
	return fmt.Sprintf("is not among the brand's %d authorised sellers", len(a.Sellers))
}
