// Package policy turns findings into graduated measures (分级处置) by a
// points ladder read from a YAML policy file, on the model of the 12-point
// systems of the large platforms (shared/domain.md, "Platform penalty
// systems").
//
// # The model
//
// Each finding against a subject deducts points (Policy.PointsFor: an
// exact rule entry, else the longest prefix entry "prefix*", else the
// finding's severity); a Deduction records them. A subject's standing
// (Policy.Standing) is the sum of its deductions still in force: each
// counts from its time for the policy's expiry, and a finding counts once.
//
// The ladder is a list of steps, each a points threshold with a measure
// (qinglang.MeasureKind), a duration, whether it applies automatically or
// needs a reviewer, and optionally its own basis. When a deduction raises
// the standing from before to after, every threshold t with
// before < t ≤ after is crossed, and the strictest crossed step applies
// (Policy.Propose): a subject at 3 points given 4 more crosses 4 and 6 and
// gets the measure of 6, not two measures. Nothing crossed, nothing
// proposed. Points that expire lower the standing, so crossing a threshold
// again later brings its measure again.
//
// A Proposal explains its numbers in Chinese and English ("累计扣分 3 → 7，
// 跨越 4、6 分节点，取最严措施：限制流量 7 天") and becomes a qinglang.Measure
// (Proposal.Measure): proposed for review, or, for an automatic step,
// active from now for its duration. Lift and DueToLift end active
// measures whose time has passed.
//
// # No open-ended measures
//
// The regulator found open-ended penalties unreasonable [S]: a policy
// states caps, overall and per measure, and every lasting measure, the
// blacklist included, has a duration within them. Validate refuses a
// policy otherwise, as it does thresholds that are not strictly increasing,
// a measure milder than the step before, unknown names and negative points.
//
// # One ladder per file
//
// A policy names the subject kinds its one ladder applies to rather than
// holding a ladder per kind: one file reads as one schedule, with one
// points table, one expiry and one appeal route, the way the platforms
// publish them (a store's 12 points, a creator's credit score). A platform
// with different schedules for merchants and hosts writes two files and
// picks by Policy.AppliesTo; Propose refuses a subject its policy does not
// apply to.
//
// # The file
//
//	name: default
//	version: "1"
//	subjects: [host, operator, merchant, room]
//	points:
//	  severity: {low: 0.5, medium: 1, high: 3, critical: 8}
//	  rules:
//	    ad.absolute.*: 0.5                 # a prefix
//	    counterfeit.slang_with_brand: 12   # an exact rule id
//	expiry: 365d                           # 7d, 12h, 1d12h, 90m
//	ladder:
//	  - {at: 2, measure: warning, auto: true}
//	  - {at: 4, measure: limit_functions, duration: 7d, auto: true}
//	  - {at: 8, measure: suspend_live, duration: 7d, auto: false}
//	  - at: 12
//	    measure: blacklist
//	    duration: 365d
//	    basis: 《直播电商监督管理办法》第十四条
//	    basis_en: Order 117, art. 14
//	caps:
//	  overall: 365d
//	  measures: {suspend_live: 30d, blacklist: 365d}
//	basis: 本平台违规积分与分级处置规则
//	basis_en: this platform's violation points rules
//	appeal:
//	  channel: 平台“违规申诉”入口
//	  channel_en: the platform's appeal entry
//	  within: 7d
//
// Load reads and validates a file and reports every problem at once, each
// with its file, line and field (qinglang.Problems). Default is the
// embedded default.yaml, whose comments cite domain.md's confidence marks;
// its points, durations and caps are product choices.
//
// The package does no I/O beyond reading an io.Reader and its embedded
// default: storing deductions and measures, and running the lifting timer,
// belong to the callers.
package policy
