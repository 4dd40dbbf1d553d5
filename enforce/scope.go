package enforce

import (
	"slices"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// caseResource is what authz checks for a case and everything that hangs
// off it (measures, notices, appeals, its findings seen through it).
func caseResource(c qinglang.Case) authz.Resource {
	r := authz.Resource{Platform: c.Subject.Platform, Region: c.Region, Rooms: slices.Clone(c.Rooms)}
	if c.EscalatedTo != "" {
		r.Regions = append(r.Regions, c.EscalatedTo)
	}
	r.Regions = append(r.Regions, c.SharedWith...)
	return r
}

// caseScopes are the scopes a case's records are stored with, so that a
// regulator's or an operator's list finds them (the platform is a column).
func caseScopes(c qinglang.Case) []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, reg := range append([]string{c.Region, c.EscalatedTo}, c.SharedWith...) {
		if reg != "" {
			add("region:" + reg)
		}
	}
	for _, room := range c.Rooms {
		add("room:" + room)
	}
	return out
}

// scopeFilter narrows f to what p may see: a platform, reviewer or
// operator token to its platform (an operator also to its rooms), a
// regulator to the records scoped to a region its own covers. Records the
// store returns are checked again with authz (an operator must run every
// room of a case), so a page may hold fewer records than asked for.
func scopeFilter(p qinglang.Principal, f qinglang.RecordFilter) qinglang.RecordFilter {
	switch p.Role {
	case qinglang.RolePlatform, qinglang.RoleReviewer:
		f.Platform = p.Platform
	case qinglang.RoleOperator:
		f.Platform = p.Platform
		f.AnyScope = nil
		for _, r := range p.Rooms {
			f.AnyScope = append(f.AnyScope, "room:"+r)
		}
		if len(f.AnyScope) == 0 {
			f.AnyScope = []string{"room:\x00none"}
		}
	case qinglang.RoleRegulator:
		f.ScopePrefix = "region:" + regionPrefix(p.Region)
	}
	return f
}

// regionPrefix is the prefix of the codes a region covers: "" for the
// whole country, two digits for a province, four for a city, the whole
// code for a county.
func regionPrefix(code string) string {
	switch {
	case len(code) != 6:
		return code
	case code == authz.National:
		return ""
	case code[2:] == "0000":
		return code[:2]
	case code[4:] == "00":
		return code[:4]
	}
	return code
}
