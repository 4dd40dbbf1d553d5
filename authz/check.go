package authz

import (
	"slices"

	"github.com/qinglang/qinglang"
)

// Resource describes what a request touches, for Visible and Check. An
// empty field means "not scoped by that": Resource{} is data for everyone
// who may do the action (rules, lint, public data).
//
// What to fill in, by kind of data:
//
//   - a finding, a room, its events: Platform and Room (a regulator sees
//     them only through a case in its jurisdiction: fill Region from the
//     case when serving them that way);
//   - a case: Platform, Rooms (the case's rooms, which an operator must
//     all run to see it), Region, and Regions (the regions it is shared
//     with or escalated to);
//   - a measure, a notice, an appeal: those of its case;
//   - a directive or a regulator's action: Platform and Region;
//   - a campaign: Platform and Rooms;
//   - a spot check: Region (it concerns every platform);
//   - a token: use CheckToken instead.
type Resource struct {
	Platform string
	Region   string
	Room     string
	Rooms    []string
	// Regions are further jurisdictions that see the resource (a case
	// shared across regions or escalated to a higher one).
	Regions []string
}

// rooms returns Room and Rooms together.
func (r Resource) rooms() []string {
	if r.Room == "" {
		return r.Rooms
	}
	return append([]string{r.Room}, r.Rooms...)
}

// unscoped reports whether r belongs to no platform, region or room.
func (r Resource) unscoped() bool {
	return r.Platform == "" && r.Region == "" && len(r.Regions) == 0 && r.Room == "" && len(r.Rooms) == 0
}

// Visible reports whether p may see r at all:
//
//   - admin sees everything;
//   - platform and reviewer see what belongs to their platform and what
//     belongs to no platform (rooms are per platform: a resource naming
//     rooms but no platform is seen by no one but admin);
//   - operator sees what belongs to its platform and names rooms that are
//     all its own, and what belongs to no platform and no room; a resource
//     of its platform that names no room (a merchant's case) is not its;
//   - regulator sees a resource whose Region, or one of whose Regions, its
//     own region covers (Covers), and unscoped data (Resource{}). A
//     resource with no region is not in any jurisdiction: a finding is seen
//     through a case in the regulator's region, not on its own.
//
// A principal missing the scope its role needs (a malformed one) sees
// nothing.
func Visible(p qinglang.Principal, r Resource) bool {
	switch p.Role {
	case qinglang.RoleAdmin:
		return true
	case qinglang.RoleRegulator:
		if !ValidRegion(p.Region) {
			return false
		}
		if r.unscoped() {
			return true
		}
		return Covers(p.Region, r.Region) ||
			slices.ContainsFunc(r.Regions, func(region string) bool { return Covers(p.Region, region) })
	case qinglang.RolePlatform, qinglang.RoleReviewer:
		if p.Platform == "" {
			return false
		}
		if r.Platform == "" {
			return len(r.rooms()) == 0
		}
		return r.Platform == p.Platform
	case qinglang.RoleOperator:
		if p.Platform == "" || len(p.Rooms) == 0 {
			return false
		}
		rooms := r.rooms()
		if r.Platform == "" {
			return len(rooms) == 0
		}
		if r.Platform != p.Platform || len(rooms) == 0 {
			return false
		}
		for _, room := range rooms {
			if !slices.Contains(p.Rooms, room) {
				return false
			}
		}
		return true
	}
	return false
}

// Check returns nil when p may do act on r. A resource p may not see
// answers ENOTFOUND, exactly as a missing one does (NotFound), so that a
// foreign id tells nothing; a resource p may see, with an act its role may
// not do, answers EFORBIDDEN. public.read is allowed to anyone on
// anything: what is published is for everyone, and deciding what is
// published is not this package's job.
func Check(p qinglang.Principal, act Action, r Resource) error {
	if act == PublicRead {
		return nil
	}
	if !Visible(p, r) {
		return NotFound()
	}
	if !Can(p, act) {
		return forbidden(p, act)
	}
	return nil
}

// CheckToken returns nil when p may manage (issue, list, revoke) token t.
// An admin manages every token. A platform manages the platform, reviewer
// and operator tokens of its own platform, so it can never mint an admin
// or regulator token or one of another platform. Any other token is
// foreign to p (ENOTFOUND); a reviewer or an operator sees the tokens of
// its scope but may not manage them (EFORBIDDEN).
func CheckToken(p qinglang.Principal, t Token) error {
	if p.Role != qinglang.RoleAdmin {
		platformScoped := t.Role == qinglang.RolePlatform || t.Role == qinglang.RoleReviewer || t.Role == qinglang.RoleOperator
		if !platformScoped || t.Platform == "" || !Visible(p, Resource{Platform: t.Platform, Rooms: t.Rooms}) {
			return NotFound()
		}
	}
	if !Can(p, TokensManage) {
		return forbidden(p, TokensManage)
	}
	return nil
}

// NotFound is the error for a resource that does not exist or is not the
// caller's. Handlers answer a missing id with it too, so that the two
// cannot be told apart.
func NotFound() *qinglang.Error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "未找到", "not found")
}

func forbidden(p qinglang.Principal, act Action) *qinglang.Error {
	return qinglang.Errorf(qinglang.EFORBIDDEN, "角色 %q 无权执行 %s", "role %q may not do %s", p.Role, act)
}
