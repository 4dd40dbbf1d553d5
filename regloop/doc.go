// Package regloop is the loop between regulators and platforms: what a
// market regulator sends a platform, how the platform answers, what happens
// when it does not, and the instruments a regulator records on a case
// (domain.md, "Regulators' instruments"). Pure functions over the root
// package's plain types; no I/O.
//
// Regions are administrative division codes (GB/T 2260, six digits):
// National 000000 covers every region, a province XX0000 its XX****, a city
// XXYY00 its XXYY**, a county itself. Covers, StrictlyCovers, Parent and
// LevelOf work on them; a regulator token's Region scopes what it sees.
//
// A directive (线索移交 clue transfer, 责令处置 request to act) goes
//
//	sent → acknowledged → acted → reported
//
// Send is the regulator's step; Acknowledge, Act and Report the platform's
// (its platform and reviewer tokens, or an admin). Each step out of order is
// ECONFLICT. An answer after the deadline is accepted and Late tells it from
// the timestamps. An Overdue directive (deadline passed, no report) is
// escalated by the timer (Escalate, Sweep) to the parent region: county →
// city → province → national, one level per response window. An escalated
// directive keeps state escalated while the platform acknowledges and acts
// (the answers' times say how far it got) and goes to reported when the
// platform reports: the loop closes late, with EscalatedAt and EscalatedTo
// kept as the record.
//
// Record validates a regulatory action (guidance, interview, penalty,
// exposure, escalation 提级管辖, supervised listing 挂牌督办, cross-region
// sharing) and applies it to the case. A regulator reads a case when its
// region covers the case's region, the region it was escalated to, or a
// region it is shared with (VisibleToRegulator); it acts only when its
// region covers the case's jurisdiction (MayAct): sharing gives read and
// Comment, not action, and after an escalation the higher jurisdiction acts.
//
// DisputeAnswer is the platform's duty under Order 117 art. 18: on a
// consumer's request in a dispute, the live-room operator's and the host's
// identity and contact details and the consumer's own transaction records
// in that room, and no one else's.
//
// Errors follow the root package: a principal that may not see a thing gets
// ENOTFOUND, one that may see it but not act EFORBIDDEN.
package regloop
