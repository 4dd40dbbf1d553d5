package campaign

import (
	"slices"
)

// strengths are the crew evidence of a set of accounts, each 0..1.
type strengths struct {
	noBuyTM float64 // share posting testimonials without a purchase
	contra  float64 // twice the share contradicting themselves (capped)
	infra   float64 // share on networks or devices the group has to itself (proxy hoppers count half)
	cross   float64 // share in lockstep across rooms
	excess  float64 // comments share beyond accounts share in the worst room, over criticalShare (capped)
	newAcc  float64 // share of new accounts beyond the ordinary share
	lock    float64 // share in lockstep (any room)
	merch   float64 // share praising goods of several merchants, unbought
	burst   float64 // share in bursts of unbought commercial speech (burst.go)
	web     float64 // share tied to each other by private scripts (web.go)
}

// hard and total combine the strengths (noisy-or). Hard evidence is what
// repetition alone never shows; new accounts and single-room lockstep
// only add to it.
func (s strengths) hard() float64 {
	return 1 - (1-0.85*s.noBuyTM)*(1-0.9*s.contra)*(1-0.8*s.infra)*(1-0.7*s.cross)*(1-0.6*s.excess)*(1-0.6*s.merch)*(1-0.7*s.burst)*(1-0.7*s.web)
}

func (s strengths) total() float64 {
	return 1 - (1-s.hard())*(1-0.4*s.newAcc)*(1-0.4*s.lock)
}

// evidence computes the Evidence of the candidates set (indexes into
// g.cands), the crew evidence E (0..1) and its hard part.
func (g *group) evidence(set []int) (Evidence, float64, float64) {
	v, d := g.v, g.v.d
	var e Evidence
	e.Members = len(set)
	if len(set) == 0 {
		return e, 0, 0
	}
	inSet := make(map[uint32]bool, len(set))
	for _, i := range set {
		inSet[g.cands[i].acct] = true
	}
	nets := make(map[uint64]int)
	devs := make(map[string]int)
	type roomTally struct{ comments, unexplained, members int }
	rooms := make(map[uint32]*roomTally)
	var ages []float64
	var s strengths
	newAge := d.cfg.NewAccountAge.Milliseconds()
	afterCall, promo, lockAny, lockCross, infra, merch, noBuyTM := 0, 0, 0, 0, 0, 0, 0
	var burstIDs []int32
	syncSum := 0.0
	for _, i := range set {
		c := &g.cands[i]
		a := d.accounts.at(c.acct)
		for _, k := range a.nets {
			nets[k]++
		}
		for _, dev := range a.devices {
			devs[dev]++
		}
		if a.created != 0 && a.first != 0 {
			age := a.first - a.created
			ages = append(ages, float64(age)/86_400_000)
			if age < newAge {
				e.NewAccounts++
			}
		}
		if a.orders(v.since) > 0 {
			e.Purchasers++
		}
		heavy := c.heavy
		if c.noOrderTM {
			e.TestimonialsNoBuy++
		} else if c.afterOrderTM {
			e.TestimonialsAfterOrder++
		}
		if c.noBuyTM() && (heavy || c.promoBurst) {
			noBuyTM++
		}
		if v.ev[c.acct]&evContra != 0 {
			e.Contradicting++
		}
		if c.adMerch >= 2 && heavy {
			merch++
		}
		if c.promoBurst && c.noBuyAd {
			e.Bursts++
			if id := v.burst[c.acct]; !slices.Contains(burstIDs, id) {
				burstIDs = append(burstIDs, id)
			}
		}
		if c.webTied() {
			e.ScriptWeb++
		}
		if c.prefixMate {
			e.PrefixMates++
		} else if c.mate {
			e.PhoneMates++
		}
		if c.infra {
			infra += 2
		} else if c.hop {
			infra++ // hopping counts half
		}
		sim, multi := v.lock.partner(c.acct, func(b uint32) bool { return inSet[b] })
		syncSum += sim
		if sim > 0 {
			lockAny++
			if multi {
				lockCross++
			}
		}
		seenRoom := make(map[uint32]bool)
		for _, j := range v.actsOf(c.acct) {
			x := &v.acts[j]
			if !g.scripted(x) {
				continue
			}
			n := int(x.n)
			e.Comments += n
			rt := rooms[x.room]
			if rt == nil {
				rt = &roomTally{}
				rooms[x.room] = rt
			}
			rt.comments += n
			if x.flags&fPromo != 0 {
				promo += n
			}
			if x.flags&fAfterCall != 0 {
				afterCall += n
			} else {
				rt.unexplained += n
			}
			if !seenRoom[x.room] {
				seenRoom[x.room] = true
				rt.members++
			}
		}
	}
	for _, i := range set {
		a := d.accounts.at(g.cands[i].acct)
		ip, dv := false, false
		for _, k := range a.nets {
			ip = ip || nets[k] >= 2
		}
		for _, dev := range a.devices {
			dv = dv || devs[dev] >= 2
		}
		if ip {
			e.SharedIP++
		}
		if dv {
			e.SharedDevice++
		}
	}
	e.DistinctNets = len(nets)
	e.MedianAgeDays = -1
	if len(ages) > 0 {
		slices.Sort(ages)
		e.MedianAgeDays = ages[len(ages)/2]
	}
	merchants := make(map[string]bool)
	total := 0
	for r, rt := range rooms {
		e.Rooms++
		if m := d.rooms[r].merchant; m != "" {
			merchants[m] = true
		}
		t := int(v.rTotal[r])
		total += t
		if t > 0 {
			cs := float64(rt.unexplained) / float64(t)
			as := float64(rt.members) / float64(max(1, len(v.commenters(r))))
			s.excess = max(s.excess, min(1, (cs-as)/criticalShare))
		}
	}
	e.Merchants = len(merchants)
	if e.Comments > 0 {
		e.AfterCallShare = float64(afterCall) / float64(e.Comments)
		e.Promotional = float64(promo) / float64(e.Comments)
	}
	if total > 0 {
		e.RoomShare = float64(e.Comments) / float64(total)
	}
	m := float64(len(set))
	e.Synchrony = syncSum / m
	s.noBuyTM = float64(noBuyTM) / m
	s.contra = min(1, 2*float64(e.Contradicting)/m)
	s.infra = float64(infra) / (2 * m)
	s.cross = float64(lockCross) / m
	s.lock = float64(lockAny) / m
	s.merch = float64(merch) / m
	if len(burstIDs) >= minBursts {
		// one surge is an event; a crew comes back to burst again
		s.burst = float64(e.Bursts) / m
	}
	s.web = float64(e.ScriptWeb) / m
	s.newAcc = max(0, float64(e.NewAccounts)/m-newAccountBase) / (1 - newAccountBase)
	return e, s.total(), s.hard()
}
