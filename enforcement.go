package qinglang

import (
	"slices"
	"time"
)

// SubjectKind is the kind of actor a case or a measure is about (Order 117
// names the platform's duties towards each of them).
type SubjectKind string

// The subjects of cases and measures.
const (
	SubjectHost     SubjectKind = "host"     // 直播营销人员
	SubjectOperator SubjectKind = "operator" // 直播间运营者
	SubjectMerchant SubjectKind = "merchant" // 平台内经营者
	SubjectAgency   SubjectKind = "agency"   // 直播营销人员服务机构（MCN）
	SubjectRoom     SubjectKind = "room"     // 直播间
)

// SubjectKinds lists every subject kind.
var SubjectKinds = []SubjectKind{SubjectHost, SubjectOperator, SubjectMerchant, SubjectAgency, SubjectRoom}

// Known reports whether k is a subject kind.
func (k SubjectKind) Known() bool { return slices.Contains(SubjectKinds, k) }

// Name returns the kind's name in Chinese and English.
func (k SubjectKind) Name() (zh, en string) {
	switch k {
	case SubjectHost:
		return "主播", "host"
	case SubjectOperator:
		return "直播间运营者", "live-room operator"
	case SubjectMerchant:
		return "商家", "merchant"
	case SubjectAgency:
		return "主播服务机构（MCN）", "host agency (MCN)"
	case SubjectRoom:
		return "直播间", "live room"
	}
	return string(k), string(k)
}

// Subject is one actor on one platform: who a case is about and who a
// measure applies to.
type Subject struct {
	Kind     SubjectKind `json:"kind"`
	Platform string      `json:"platform"`
	ID       string      `json:"id"`
}

// Key is the subject as one string, kind:platform:id.
func (s Subject) Key() string { return string(s.Kind) + ":" + s.Platform + ":" + s.ID }

// MeasureKind is one of the graduated measures a platform takes, from the
// mildest to the strictest (MeasureKinds is in that order).
type MeasureKind string

// The graduated measures (warning → limit functions → limit traffic →
// suspend the stream → revoke selling → blacklist; domain.md).
const (
	MeasureWarning        MeasureKind = "warning"         // 警告
	MeasureRemoveContent  MeasureKind = "remove_content"  // 删除违规内容
	MeasureLimitFunctions MeasureKind = "limit_functions" // 限制功能
	MeasureLimitTraffic   MeasureKind = "limit_traffic"   // 限制流量
	MeasureSuspendLive    MeasureKind = "suspend_live"    // 暂停直播
	MeasureRevokeSelling  MeasureKind = "revoke_selling"  // 取消带货权限
	MeasureBlacklist      MeasureKind = "blacklist"       // 列入黑名单
)

// MeasureKinds lists the measures from the mildest to the strictest.
var MeasureKinds = []MeasureKind{MeasureWarning, MeasureRemoveContent, MeasureLimitFunctions,
	MeasureLimitTraffic, MeasureSuspendLive, MeasureRevokeSelling, MeasureBlacklist}

// Known reports whether m is a measure kind.
func (m MeasureKind) Known() bool { return slices.Contains(MeasureKinds, m) }

// Strictness orders measures: a higher number is stricter; -1 for an
// unknown kind.
func (m MeasureKind) Strictness() int { return slices.Index(MeasureKinds, m) }

// Lasts reports whether the measure has a duration (a warning and a
// removal of content do not).
func (m MeasureKind) Lasts() bool { return m != MeasureWarning && m != MeasureRemoveContent }

// Name returns the measure's name in Chinese and English.
func (m MeasureKind) Name() (zh, en string) {
	switch m {
	case MeasureWarning:
		return "警告", "warning"
	case MeasureRemoveContent:
		return "删除违规内容", "removal of the content"
	case MeasureLimitFunctions:
		return "限制功能", "limited functions"
	case MeasureLimitTraffic:
		return "限制流量", "limited traffic"
	case MeasureSuspendLive:
		return "暂停直播", "live streaming suspended"
	case MeasureRevokeSelling:
		return "取消带货权限", "selling privileges revoked"
	case MeasureBlacklist:
		return "列入黑名单", "blacklisted"
	}
	return string(m), string(m)
}

// Role is what a token may do (design.md: admin, regulator, platform,
// reviewer, operator).
type Role string

// The roles.
const (
	RoleAdmin     Role = "admin"     // everything, every platform and region
	RoleRegulator Role = "regulator" // one jurisdiction (a region code)
	RolePlatform  Role = "platform"  // one platform's governance team
	RoleReviewer  Role = "reviewer"  // reviews findings and measures of one platform
	RoleOperator  Role = "operator"  // a live-room operator: its own rooms only
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleRegulator, RolePlatform, RoleReviewer, RoleOperator}

// Known reports whether r is a role.
func (r Role) Known() bool { return slices.Contains(Roles, r) }

// Principal is who makes a request: a token's role and scope.
type Principal struct {
	// TokenID identifies the token (never the secret); "" for the
	// process itself (the pipeline, timers).
	TokenID string `json:"token_id,omitempty"`
	Name    string `json:"name"`
	Role    Role   `json:"role"`
	// Platform scopes platform, reviewer and operator tokens.
	Platform string `json:"platform,omitempty"`
	// Region scopes regulator tokens: an administrative division code
	// (e.g. 310000 Shanghai); a region sees its sub-regions.
	Region string `json:"region,omitempty"`
	// Rooms scopes operator tokens: the rooms the operator runs.
	Rooms []string `json:"rooms,omitempty"`
}

// System is the principal of what Qinglang does by itself (a policy
// applying a measure, a timer lifting one or escalating a notice).
var System = Principal{Name: "qinglang", Role: RoleAdmin}

// Window is a span of time [From, To); a zero To is open-ended.
type Window struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to,omitempty"`
}

// Contains reports whether t falls in the window.
func (w Window) Contains(t time.Time) bool {
	return !t.Before(w.From) && (w.To.IsZero() || t.Before(w.To))
}
