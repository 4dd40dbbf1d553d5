package brands

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/textnorm"
)

// Brand is one brand of the registry.
type Brand struct {
	ID string // stable id, e.g. "luye"
	// Names are the spellings that name the brand: Chinese, English,
	// pinyin and common variants. The first is the display name. All are
	// matched on normalised text (see the package doc).
	Names []string
	// WeakNames are spellings that are also ordinary words (苹果 is a
	// fruit): they name the brand only in a listing of the brand's own
	// Category, or in the listing's brand field.
	WeakNames []string
	Category  qinglang.Category // the brand's main category; may be ""
	FloorFen  int64             // reference price floor for the brand; 0 = none
	Lines     []Line            // product lines with their own floors
	Sellers   []Seller          // authorised sellers; none means nobody is
}

// Name returns the display name.
func (b *Brand) Name() string {
	if len(b.Names) == 0 {
		return b.ID
	}
	return b.Names[0]
}

// Line is a product line of a brand with its own reference price floor.
// Its names count only next to a mention of the brand.
type Line struct {
	Names    []string
	FloorFen int64
}

// Seller is one authorisation: a merchant allowed to sell the brand from
// From to Until, both whole days in China time (UTC+8) and inclusive. A
// zero From or Until leaves that end open.
type Seller struct {
	Merchant string
	From     time.Time
	Until    time.Time
	Note     string // e.g. "官方旗舰店"; free text
}

// China is the time zone authorisation dates are read in.
var China = time.FixedZone("CST", 8*3600)

// DateLayout is the layout of authorisation dates in YAML and CSV.
const DateLayout = "2006-01-02"

// covers reports whether the grant is valid on the day of at.
func (s Seller) covers(at time.Time) bool {
	d := at.In(China)
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, China)
	return (s.From.IsZero() || !day.Before(s.From)) && (s.Until.IsZero() || !day.After(s.Until))
}

// Status is the outcome of an authorisation look-up.
type Status string

// Authorisation outcomes.
const (
	StatusAuthorised Status = "authorised"    // a grant covers the date
	StatusExpired    Status = "expired"       // the merchant's grant ended before the date
	StatusNotYet     Status = "not_yet_valid" // the merchant's grant starts after the date
	StatusNotListed  Status = "not_listed"    // the merchant has no grant for the brand
)

// Authorisation is what the registry says about one merchant selling one
// brand on one date, with every authorised seller on record.
type Authorisation struct {
	Brand      string    `json:"brand"`
	Merchant   string    `json:"merchant"`
	At         time.Time `json:"at"`
	Authorised bool      `json:"authorised"`
	Status     Status    `json:"status"`
	// Grant is the merchant's grant that covers At, or else the one
	// nearest to it; nil when the merchant has none.
	Grant   *Seller  `json:"grant,omitempty"`
	Sellers []Seller `json:"sellers"` // all authorised sellers of the brand
}

// Registry is a validated, immutable set of brands with a matcher over
// their normalised names. It is safe for concurrent use.
type Registry struct {
	brands  []Brand
	byID    map[string]int
	aliases []alias // longest first
}

// NewRegistry validates the brands and builds a registry. Problems carry
// no file or line; the loaders report those themselves.
func NewRegistry(bs ...Brand) (*Registry, error) {
	r := &Registry{brands: slices.Clone(bs), byID: make(map[string]int, len(bs))}
	var ps Problems
	bad := func(field, zh, en string, args ...any) {
		ps = append(ps, Problem{Field: field, Reason: fmt.Sprintf(zh, args...), ReasonEN: fmt.Sprintf(en, args...)})
	}
	owner := map[string]string{} // normalised alias → brand id
	for i := range r.brands {
		b := &r.brands[i]
		at := fmt.Sprintf("brands[%d]", i)
		if b.ID == "" {
			bad(at+".id", "缺少品牌 id", "missing brand id")
		} else if _, dup := r.byID[b.ID]; dup {
			bad(at+".id", "品牌 id %q 重复", "duplicate brand id %q", b.ID)
		}
		r.byID[b.ID] = i
		if len(b.Names) == 0 {
			bad(at+".names", "至少需要一个品牌名称", "at least one brand name is required")
		}
		if b.FloorFen < 0 {
			bad(at+".floor_fen", "价格下限不能为负", "price floor must not be negative")
		}
		add := func(field, name string, line int, weak bool) {
			a, zh, en := newAlias(name, i, line, weak)
			if zh != "" {
				bad(field, zh, en, name)
				return
			}
			if o, dup := owner[a.norm]; dup {
				// Variants of one brand may normalise alike (NIKE, nike).
				if o != b.ID {
					bad(field, "名称 %q 归一化后与品牌 %s 的名称重复", "name %q normalises to a name of brand %s", name, o)
				}
				return
			}
			owner[a.norm] = b.ID
			r.aliases = append(r.aliases, a)
		}
		for j, n := range b.Names {
			add(fmt.Sprintf("%s.names[%d]", at, j), n, -1, false)
		}
		for j, n := range b.WeakNames {
			add(fmt.Sprintf("%s.weak_names[%d]", at, j), n, -1, true)
		}
		for k, l := range b.Lines {
			lat := fmt.Sprintf("%s.lines[%d]", at, k)
			if len(l.Names) == 0 {
				bad(lat+".names", "产品线至少需要一个名称", "a product line needs at least one name")
			}
			if l.FloorFen < 0 {
				bad(lat+".floor_fen", "价格下限不能为负", "price floor must not be negative")
			}
			for j, n := range l.Names {
				add(fmt.Sprintf("%s.names[%d]", lat, j), n, k, false)
			}
		}
		for k, s := range b.Sellers {
			sat := fmt.Sprintf("%s.sellers[%d]", at, k)
			if strings.TrimSpace(s.Merchant) == "" {
				bad(sat+".merchant", "缺少商家 id", "missing merchant id")
			}
			if !s.From.IsZero() && !s.Until.IsZero() && s.Until.Before(s.From) {
				bad(sat+".until", "结束日期早于开始日期", "until is before from")
			}
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	slices.SortStableFunc(r.aliases, func(a, b alias) int { return cmp.Compare(len(b.norm), len(a.norm)) })
	return r, nil
}

// minRunes is the shortest a normalised name may be. One Chinese
// character or one Latin letter matches far too much.
const minRunes = 2

// newAlias normalises name; on failure it returns a bilingual reason
// with one %q verb for the name.
func newAlias(name string, brand, line int, weak bool) (a alias, zh, en string) {
	t := textnorm.Normalize(name)
	if utf8.RuneCountInString(t.Norm) < minRunes {
		return a, "名称 %q 归一化后不足 2 个字符，容易误匹配", "name %q is shorter than 2 characters once normalised and would match too much"
	}
	return alias{norm: t.Norm, brand: brand, line: line, weak: weak}, "", ""
}

// Brands returns the brands in registry order.
func (r *Registry) Brands() []Brand { return slices.Clone(r.brands) }

// Brand returns the brand with the given id.
func (r *Registry) Brand(id string) (Brand, bool) {
	i, ok := r.byID[id]
	if !ok {
		return Brand{}, false
	}
	return r.brands[i], true
}

// Authorise looks up whether merchant may sell the brand on the day of
// at. An unknown brand id gives a zero Authorisation with Status "".
func (r *Registry) Authorise(brandID, merchant string, at time.Time) Authorisation {
	i, ok := r.byID[brandID]
	if !ok {
		return Authorisation{Brand: brandID, Merchant: merchant, At: at}
	}
	b := &r.brands[i]
	a := Authorisation{Brand: b.ID, Merchant: merchant, At: at, Status: StatusNotListed, Sellers: slices.Clone(b.Sellers)}
	var nearest *Seller
	var gap time.Duration
	for k := range b.Sellers {
		s := b.Sellers[k]
		if s.Merchant != merchant {
			continue
		}
		if s.covers(at) {
			a.Authorised, a.Status, a.Grant = true, StatusAuthorised, &s
			return a
		}
		st, d := StatusExpired, at.Sub(s.Until)
		if !s.From.IsZero() && at.Before(s.From) {
			st, d = StatusNotYet, s.From.Sub(at)
		}
		if nearest == nil || d < gap {
			nearest, gap, a.Status = &s, d, st
		}
	}
	a.Grant = nearest
	return a
}

// Problem is one thing wrong in a registry file: where (file, line,
// field, e.g. "brands[2].sellers[0].until" or a CSV column) and why, in
// Chinese and in English.
type Problem = qinglang.Problem

// Problems are every problem found. As an error it lists them one per
// line, and qinglang.Code reports qinglang.EINVALID for it.
type Problems = qinglang.Problems
