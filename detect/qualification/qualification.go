// Package qualification checks who sells against the actor registry
// (package registry): a listing's merchant must hold the licences its
// category needs (qualify's matrix) on the day of the listing, a room's host
// must be registered and old enough, and an AI-generated host must be
// labelled as one.
//
// Without a registry the detector does nothing: an unknown merchant means
// something only when a registry was loaded.
package qualification

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/qualify"
	"github.com/qinglang/qinglang/registry"
)

// Rule ids of the findings this detector reports.
const (
	RuleMissingLicence   = "qualification.missing_licence"
	RuleExpiredLicence   = "qualification.expired_licence"
	RuleNotYetValid      = "qualification.licence_not_yet_valid"
	RuleUnknownMerchant  = "qualification.unknown_merchant"
	RuleUnknownHost      = "qualification.unknown_host"
	RuleHostUnderAge     = "qualification.host_under_age"
	RuleAIHostUnlabelled = "ai_host.unlabelled"
)

// The bases findings cite. The article numbers are the project's reading
// of the texts ([R]); correct them here.
const (
	basisLicence    = "《中华人民共和国电子商务法》第十二条、第二十七条；《直播电商监督管理办法》"
	basisLicenceEN  = "E-Commerce Law art. 12 (licences required by law) and art. 27 (platforms verify merchants' licences); Live E-commerce Supervision Measures (Order 117)"
	basisIdentity   = "《中华人民共和国电子商务法》第二十七条；《直播电商监督管理办法》"
	basisIdentityEN = "E-Commerce Law art. 27 (platforms verify and register the identity of those who sell); Live E-commerce Supervision Measures (Order 117)"
	basisAge        = "《网络直播营销管理办法（试行）》第十七条"
	basisAgeEN      = "Measures on Network Live Marketing (Trial, 2021), art. 17 (hosts at least 16; 16 to 18 with a guardian's consent)"
	basisAI         = "《直播电商监督管理办法》第三十七条"
	basisAIEN       = "Live E-commerce Supervision Measures (Order 117), art. 37 (AI-generated hosts must be labelled)"
)

// Detector checks listings and room starts against a registry. It only
// reads the registry, so one Detector serves every partition; Swap puts
// another registry in use without stopping them.
type Detector struct {
	reg atomic.Pointer[registry.Registry]
}

// New returns a detector over reg; with a nil reg it checks only that AI
// hosts are labelled.
func New(reg *registry.Registry) *Detector {
	d := &Detector{}
	d.reg.Store(reg)
	return d
}

// Swap puts reg in use for the events detected from now on (nil: none).
func (d *Detector) Swap(reg *registry.Registry) { d.reg.Store(reg) }

// Registry returns the registry in use (nil when none).
func (d *Detector) Registry() *registry.Registry { return d.reg.Load() }

var _ pipeline.Detector = (*Detector)(nil)

// Name implements pipeline.Detector.
func (d *Detector) Name() string { return "qualification" }

// Held is one licence the merchant holds, as shown in evidence.
type Held struct {
	Kind      qualify.LicenceKind    `json:"kind"`
	Name      string                 `json:"name"`
	NameEN    string                 `json:"name_en"`
	Number    string                 `json:"number"`
	ValidFrom string                 `json:"valid_from,omitempty"` // YYYY-MM-DD
	ValidTo   string                 `json:"valid_to,omitempty"`
	Status    qualify.ValidityStatus `json:"status"` // on the event's day
}

// GapEvidence is the evidence of a licence finding: the merchant, the
// category, what is missing or expired, and every licence held.
type GapEvidence struct {
	Merchant     string                `json:"merchant"`
	MerchantName string                `json:"merchant_name,omitempty"`
	Category     qinglang.Category     `json:"category"`
	Product      string                `json:"product,omitempty"`
	Title        string                `json:"title,omitempty"`
	On           string                `json:"on"` // the day checked, YYYY-MM-DD
	Need         []qualify.LicenceKind `json:"need"`
	Item         string                `json:"item"`
	ItemEN       string                `json:"item_en"`
	Reason       qualify.GapReason     `json:"reason"`
	Number       string                `json:"number,omitempty"` // the held licence that came nearest
	Conditional  bool                  `json:"conditional,omitempty"`
	Held         []Held                `json:"held"`
}

// ActorEvidence is the evidence of an unknown merchant or host.
type ActorEvidence struct {
	Actor    string            `json:"actor"` // merchant or host
	ID       string            `json:"id"`
	Category qinglang.Category `json:"category,omitempty"`
	Product  string            `json:"product,omitempty"`
	Title    string            `json:"title,omitempty"`
}

// HostAgeEvidence is the evidence of an under-age host: never the ID
// number, only its mask.
type HostAgeEvidence struct {
	Host            string          `json:"host"`
	Name            string          `json:"name"`
	IDMasked        string          `json:"resident_id_masked,omitempty"`
	BirthDate       string          `json:"birth_date"`
	Age             int             `json:"age"`
	Gate            qualify.AgeGate `json:"gate"`
	GuardianConsent bool            `json:"guardian_consent"`
	MinAge          int             `json:"min_age"`
	AdultAge        int             `json:"adult_age"`
}

// AIEvidence is the evidence of an unlabelled AI host.
type AIEvidence struct {
	Host    string `json:"host"`
	AIHost  bool   `json:"ai_host"`
	AILabel *bool  `json:"ai_label"` // null: not sent
}

// Detect implements pipeline.Detector.
func (d *Detector) Detect(_ context.Context, in *pipeline.Input) ([]qinglang.Finding, error) {
	ev := in.Event
	reg := d.reg.Load()
	var out []qinglang.Finding
	var err error
	switch ev.Type {
	case qinglang.Listing:
		if reg != nil {
			out, err = merchant(reg, ev, ev.Merchant, ev.Category)
		}
	case qinglang.RoomStart:
		if ev.AIHost != nil && *ev.AIHost && (ev.AILabel == nil || !*ev.AILabel) {
			f, ferr := aiUnlabelled(ev)
			if ferr != nil {
				return nil, ferr
			}
			out = append(out, f)
		}
		if reg != nil {
			if ev.Merchant != "" {
				fs, ferr := merchant(reg, ev, ev.Merchant, "")
				if ferr != nil {
					return nil, ferr
				}
				out = append(out, fs...)
			}
			fs, ferr := host(reg, ev)
			if ferr != nil {
				return nil, ferr
			}
			out = append(out, fs...)
		}
	}
	if err != nil {
		return nil, err
	}
	return dedupInRoom(in.Room, out), nil
}

// dedupInRoom drops the findings already reported in the room (the store
// would keep one anyway, by id; this keeps the detector's output quiet).
func dedupInRoom(room *pipeline.Room, fs []qinglang.Finding) []qinglang.Finding {
	if room == nil || len(fs) == 0 {
		return fs
	}
	seen := room.State("qualification", func() any { return map[string]bool{} }).(map[string]bool)
	out := fs[:0]
	for _, f := range fs {
		k := f.Rule + "|" + f.DedupKey
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// merchant checks a merchant for a category ("" only checks that the
// merchant is known).
func merchant(reg *registry.Registry, ev *qinglang.Event, id string, cat qinglang.Category) ([]qinglang.Finding, error) {
	m, known := reg.Merchant(id)
	if !known {
		raw, err := encode(ActorEvidence{Actor: "merchant", ID: id, Category: cat, Product: ev.Product, Title: ev.Title})
		if err != nil {
			return nil, err
		}
		return []qinglang.Finding{{
			Kind: qinglang.KindQualification, Rule: RuleUnknownMerchant, Severity: qinglang.SeverityLow,
			Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids(ev),
			Summary:   fmt.Sprintf("商家 %s 不在主体登记中，无法核验其资质", id),
			SummaryEN: fmt.Sprintf("Merchant %s is not in the actor registry: its licences cannot be verified", id),
			Basis:     basisIdentity, BasisEN: basisIdentityEN, Evidence: raw,
			DedupKey: id,
		}}, nil
	}
	if cat == "" {
		return nil, nil
	}
	gaps := reg.Gaps(id, cat, ev.TS)
	if len(gaps) == 0 {
		return nil, nil
	}
	held := heldOf(m, ev.TS)
	var out []qinglang.Finding
	for _, g := range gaps {
		rule, sev := RuleMissingLicence, qinglang.SeverityHigh
		switch g.Reason {
		case qualify.GapExpired:
			rule = RuleExpiredLicence
		case qualify.GapNotYetValid:
			rule, sev = RuleNotYetValid, qinglang.SeverityMedium
		}
		if g.Need.Conditional {
			sev = qinglang.SeverityLow
		}
		raw, err := encode(GapEvidence{
			Merchant: id, MerchantName: m.Name, Category: cat, Product: ev.Product, Title: ev.Title,
			On: ev.TS.Format(time.DateOnly), Need: g.Need.AnyOf, Item: g.Item, ItemEN: g.ItemEN,
			Reason: g.Reason, Number: g.Number, Conditional: g.Need.Conditional, Held: held,
		})
		if err != nil {
			return nil, err
		}
		kinds := make([]string, len(g.Need.AnyOf))
		for i, k := range g.Need.AnyOf {
			kinds[i] = string(k)
		}
		out = append(out, qinglang.Finding{
			Kind: qinglang.KindQualification, Rule: rule, Severity: sev,
			Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids(ev),
			Summary:   fmt.Sprintf("商家 %s（%s）销售%s类商品「%s」：%s", m.Name, id, cat, ev.Title, g.Message),
			SummaryEN: fmt.Sprintf("Merchant %s (%s) sells %s goods (%q): %s", m.Name, id, cat, ev.Title, g.MessageEN),
			Basis:     basisLicence, BasisEN: basisLicenceEN, Evidence: raw,
			DedupKey: id + "|" + string(cat) + "|" + strings.Join(kinds, ",") + "|" + string(g.Reason),
		})
	}
	return out, nil
}

func heldOf(m registry.Merchant, on time.Time) []Held {
	held := make([]Held, 0, len(m.Licences))
	for _, l := range m.Licences {
		zh, en := l.Kind.Name()
		h := Held{Kind: l.Kind, Name: zh, NameEN: en, Number: l.Number, Status: l.Validity.Status(on)}
		if !l.Validity.From.IsZero() {
			h.ValidFrom = l.Validity.From.Format(time.DateOnly)
		}
		if !l.Validity.To.IsZero() {
			h.ValidTo = l.Validity.To.Format(time.DateOnly)
		}
		held = append(held, h)
	}
	return held
}

// host checks the room's host: registered, and old enough on the day.
func host(reg *registry.Registry, ev *qinglang.Event) ([]qinglang.Finding, error) {
	if ev.Host == "" {
		return nil, nil
	}
	h, known := reg.Host(ev.Host)
	if !known {
		raw, err := encode(ActorEvidence{Actor: "host", ID: ev.Host})
		if err != nil {
			return nil, err
		}
		return []qinglang.Finding{{
			Kind: qinglang.KindQualification, Rule: RuleUnknownHost, Severity: qinglang.SeverityLow,
			Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids(ev),
			Summary:   fmt.Sprintf("主播 %s 不在主体登记中，未核验身份", ev.Host),
			SummaryEN: fmt.Sprintf("Host %s is not in the actor registry: identity not verified", ev.Host),
			Basis:     basisIdentity, BasisEN: basisIdentityEN, Evidence: raw,
			DedupKey: ev.Host,
		}}, nil
	}
	if h.Birth.IsZero() {
		return nil, nil
	}
	gate := qualify.HostAge(h.Birth, ev.TS)
	if gate == qualify.AgeAllowed || (gate == qualify.AgeNeedsGuardian && h.GuardianConsent) {
		return nil, nil
	}
	age := qualify.Age(h.Birth, ev.TS)
	raw, err := encode(HostAgeEvidence{
		Host: h.ID, Name: h.Name, IDMasked: h.IDMasked, BirthDate: h.Birth.Format(time.DateOnly), Age: age,
		Gate: gate, GuardianConsent: h.GuardianConsent, MinAge: qualify.HostAgeRule.Min, AdultAge: qualify.HostAgeRule.Adult,
	})
	if err != nil {
		return nil, err
	}
	zh, en := gate.Message()
	return []qinglang.Finding{{
		Kind: qinglang.KindQualification, Rule: RuleHostUnderAge, Severity: qinglang.SeverityCritical,
		Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids(ev),
		Summary:   fmt.Sprintf("主播 %s（%s）开播时 %d 岁：%s", h.Name, h.ID, age, zh),
		SummaryEN: fmt.Sprintf("Host %s (%s) is %d at the start of the broadcast: %s", h.Name, h.ID, age, en),
		Basis:     basisAge, BasisEN: basisAgeEN, Evidence: raw,
		DedupKey: h.ID,
	}}, nil
}

func aiUnlabelled(ev *qinglang.Event) (qinglang.Finding, error) {
	raw, err := encode(AIEvidence{Host: ev.Host, AIHost: true, AILabel: ev.AILabel})
	if err != nil {
		return qinglang.Finding{}, err
	}
	return qinglang.Finding{
		Kind: qinglang.KindQualification, Rule: RuleAIHostUnlabelled, Severity: qinglang.SeverityHigh,
		Platform: ev.Platform, Room: ev.Room, TS: ev.TS, EventIDs: ids(ev),
		Summary:   fmt.Sprintf("直播间使用人工智能生成的主播 %s，但未标注", ev.Host),
		SummaryEN: fmt.Sprintf("The room uses an AI-generated host (%s) without labelling it", ev.Host),
		Basis:     basisAI, BasisEN: basisAIEN, Evidence: raw,
		DedupKey: ev.Host,
	}, nil
}

func ids(ev *qinglang.Event) []string {
	if ev.ID == "" {
		return []string{}
	}
	return []string{ev.ID}
}

func encode(v any) (json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, qinglang.Wrap(qinglang.EINTERNAL, err, "无法编码证据", "cannot encode evidence")
	}
	return raw, nil
}
