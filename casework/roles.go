package casework

import (
	"slices"

	"github.com/qinglang/qinglang"
)

// roleActions says which actions each role may take; Apply enforces it
// (EFORBIDDEN). Whether the case is one the principal may see (its
// platform, region or rooms) is checked by the caller before Apply.
var roleActions = map[qinglang.Role][]ActionKind{
	// A reviewer works a case through to the notice.
	// A reviewer may review an appeal too, but never one against a measure
	// it decided itself (Apply refuses that).
	qinglang.RoleReviewer: {ActAssign, ActStartReview, ActPropose, ActDecide, ActNotify, ActReviewAppeal, ActClose, ActComment},
	// A platform's governance team does everything on the platform's
	// side: the reviewer's work, appeals, reopening, publishing and holds.
	qinglang.RolePlatform: {ActAssign, ActStartReview, ActPropose, ActDecide, ActNotify, ActReviewAppeal,
		ActClose, ActReopen, ActComment, ActPublish, ActUnpublish, ActLegalHold},
	// A regulator watches, publishes, holds, and handles jurisdiction.
	qinglang.RoleRegulator: {ActComment, ActPublish, ActUnpublish, ActLegalHold, ActSetRegion,
		ActEscalate, ActSupervise, ActShare},
	// A live-room operator appeals and comments.
	qinglang.RoleOperator: {ActAppeal, ActComment},
	// An admin (and qinglang.System) does everything.
	qinglang.RoleAdmin: ActionKinds,
}

// Permits reports whether role may take actions of kind k (on a case it
// may see).
func Permits(role qinglang.Role, k ActionKind) bool {
	return slices.Contains(roleActions[role], k)
}

// RoleActions returns the actions role may take, in ActionKinds order;
// none for an unknown role.
func RoleActions(role qinglang.Role) []ActionKind {
	var out []ActionKind
	for _, k := range ActionKinds {
		if Permits(role, k) {
			out = append(out, k)
		}
	}
	return out
}
