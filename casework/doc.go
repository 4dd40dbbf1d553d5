// Package casework is how findings become cases and how a case moves from
// its opening to its close: pure domain, no I/O beyond the io.Reader that
// LoadGrouping reads.
//
// # The machine
//
// Apply takes one Action on a qinglang.Case and returns the case after it
// and a Change for the hash-chained audit log:
//
//	  ┌───────────────────── propose ─────────────────────┐
//	  │                                                   ▼
//	 open ──start_review──▶ in_review ──propose──▶ measure_proposed ──decide: approve──▶ decided
//	  ▲                         ▲                         │                                │
//	  │                         └──── decide: reject ─────┘                             notify
//	reopen                                                                                 ▼
//	  │          reviewed ◀──review_appeal── appealed ◀──appeal──────────────────────── notified
//	  │             │                                                                      │
//	closed ◀────────┴──────────────────────────── close ───────────────────────────────────┘
//
// close is allowed from open, in_review and measure_proposed too (no
// measure taken).
//
// In words:
//
//   - start_review: open → in_review.
//   - propose (a measure id): open or in_review → measure_proposed.
//   - decide (the measure id): approving moves measure_proposed → decided;
//     rejecting returns the case to in_review, where another measure may
//     be proposed or the case closed.
//   - notify: decided → notified. A decided case cannot close before its
//     notice is sent (Order 117 art. 14: the notice states the facts,
//     reasons, basis, duration and the appeal channel).
//   - appeal (the appeal id): notified → appealed. Whether the appeal came
//     in time (Notice.AppealBy) is the caller's to check.
//   - review_appeal (the appeal id, its outcome and the name of who
//     decided the measure): appealed → reviewed. The reviewer must be
//     someone else than who decided the measure (EFORBIDDEN otherwise;
//     names compare without case or surrounding spaces).
//   - close (a reason): from open, in_review or measure_proposed (no
//     measure taken: the caller rejects a proposed measure), notified (no
//     appeal) and reviewed; sets ClosedAt.
//   - reopen (a reason): closed → open, clearing ClosedAt. Allowed, because
//     new evidence or a regulator's request may revive a case; the case
//     then goes through the machine again (measures already decided stay
//     in their own records). OpenedAt is kept, so grouping still sees it
//     as the age it is.
//   - assign (an assignee, an optional due date later than now): in any
//     state but closed.
//   - comment (a text): in any state; appends a qinglang.CaseComment.
//   - publish, unpublish, legal_hold (on or off), set_region and share
//     (with a region; each region once): in any state. escalate (提级管辖,
//     to a region other than the case's) and supervise (挂牌督办): in any
//     state but closed.
//
// An action the state does not allow is an ECONFLICT error naming the
// state, the action and the states that allow it, in Chinese and English.
// An action that would change nothing (publishing a published case,
// sharing with a region twice, assigning to the same person with the same
// due date) is ECONFLICT too, so that the audit log holds only changes.
// Bad fields are EINVALID. Available lists the actions a principal may
// take on a case now (for the console's buttons).
//
// # Roles
//
// Each role may take some actions (RoleActions, Permits; EFORBIDDEN for
// the others): a reviewer works a case to its notice (assign, start_review,
// propose, decide, notify, comment, close); a platform does all of the
// platform's side (the reviewer's actions, review_appeal, reopen, publish,
// unpublish, legal_hold); a regulator comments, publishes, holds, sets the
// region, escalates, supervises and shares; an operator appeals and
// comments; an admin, and qinglang.System, does everything. Scope (whether
// the case belongs to the principal's platform, region or rooms) is not
// checked here: the caller checks it before calling Apply, and answers a
// case out of scope with ENOTFOUND.
//
// # Grouping
//
// Plan places a finding, with the subjects the caller resolved for it
// (host, operator, merchant, agency; the room comes from the finding),
// in one case per subject of the kinds a Grouping names (default host and
// room): the subject's newest case that is not closed and was opened
// within the window (default 30 days) gets the finding; with none, a new
// case opens, if the finding is at least the minimum severity (default
// medium). A finding already in one of the subject's cases is not placed
// again. A new case's id is "case_" and 16 hex digits of a SHA-256 of the
// subject's key and the first finding's id (CaseID), so a retried plan
// opens the same case. Its title, in Chinese and English, names the
// subject, the kind of the first finding and the count ("主播 h1：虚假宣传等
// 3 项发现" / "Host h1: false claims and 2 more findings"); Retitle keeps
// the count up to date as findings join. LoadGrouping reads a Grouping
// from YAML, reporting every problem with its line and field.
package casework
