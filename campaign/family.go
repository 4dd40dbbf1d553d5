package campaign

import "slices"

// Phones of a family's size. A family shares one phone among two to four
// accounts, and its members praise the goods the family buys without an
// order of their own ("婆婆用了35天了，说划算"), in words alike enough for
// the family's lines to cluster with other families'. Two of a group's
// posters on such a phone are then no sign of a crew by themselves: a
// platform where families praise together has such phones at every
// merchant. A crew working a few merchants from phones of a family's size
// (four accounts on each of five phones) brings more of them to its
// merchants than the platform's other merchants have. So the group's
// phones of a family's size are its own only when its merchants hold more
// phones on which two accounts or more praised unbought than the rate
// measured at the platform's other merchants gives (Poisson tail below
// webAlpha), as for a web's sheet (sheetScripts). A home line of a
// family's size is judged the same way (group.infra).

// praisingPhones returns, for each phone of a family's size (two
// accounts to fewer than farmAccounts in the window) on which two
// accounts or more posted unbought commercial speech, the merchants of
// those lines, sorted (built on first use).
func (v *view) praisingPhones() map[uint64][]string {
	if v.famPhones != nil {
		return v.famPhones
	}
	v.famPhones = make(map[uint64][]string)
	small := v.onKeys(deviceKeys, func(k uint64) bool { n := v.p.devices.count(k); return n >= 2 && n < farmAccounts })
	for h, accts := range small {
		var ms []string
		praisers := 0
		for _, a := range accts {
			if v.aPromo[a] == 0 {
				continue
			}
			praisers++
			for _, i := range v.actsOf(a) {
				if x := &v.acts[i]; v.unboughtPromo(x) {
					ms = append(ms, v.d.rooms[x.room].merchant)
				}
			}
		}
		if praisers >= 2 {
			slices.Sort(ms)
			v.famPhones[h] = slices.Compact(ms)
		}
	}
	return v.famPhones
}

// familyPhonesOwn reports whether the group's merchants hold more phones
// of a family's size with two praising accounts or more than chance at
// the rate of the platform's other merchants gives: (phones elsewhere +
// 1) / (unbought commercial comments elsewhere + 1) × those here. A
// phone is here when some of its praise is in the group's merchants'
// rooms. A group working most of the platform's merchants leaves too
// few others to measure the rate against (fewer than its own): the test
// fails (TestFamiliesBesideWideCrew; measured at the four merchants a
// crew working sixteen of twenty left, families' phones at its merchants
// looked improbable). The tail is not corrected for the groups tested:
// the phones are one piece of evidence, and the group is still judged on
// all of it (a correction by the platform's merchants lost a crew of 8
// accounts on 2 phones, blind23's, and spared no innocent on the sets
// tried; so did a rate per merchant beside the rate per comment).
func (g *group) familyPhonesOwn() bool {
	v := g.v
	merchants := make(map[string]bool)
	for _, r := range g.rooms {
		merchants[v.d.rooms[r].merchant] = true
	}
	here, there := 0, 0
	for _, ms := range v.praisingPhones() {
		if slices.ContainsFunc(ms, func(m string) bool { return merchants[m] }) {
			here++
		} else {
			there++
		}
	}
	if here == 0 {
		return false
	}
	var promoHere, promoThere int64
	elsewhere := make(map[string]bool)
	for r, n := range v.rPromo {
		if n == 0 {
			continue
		}
		if m := v.d.rooms[r].merchant; merchants[m] {
			promoHere += int64(n)
		} else {
			promoThere += int64(n)
			elsewhere[m] = true
		}
	}
	if len(elsewhere) < len(merchants) {
		return false // too few other merchants to measure the rate against
	}
	expected := float64(there+1) / float64(promoThere+1) * float64(promoHere)
	return poissonTail(here, expected) < webAlpha
}
