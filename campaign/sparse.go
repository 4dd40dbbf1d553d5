package campaign

import "slices"

// Sparse crews. A low-rate crew spreads one to three scripted comments per
// account over many broadcasts of several merchants: no room holds enough
// of its members to link them (view.promoLinks), no pair shares enough
// (room, script, bucket) keys for lockstep, and paraphrases scatter its
// scripts over clusters with two or three posters each. What it cannot
// hide is in aggregate: its accounts come back, room after room, to say
// commercial things about goods they never bought, and that is most of
// what they say. Ordinary viewers who praise a product unbought do so
// once, in the room of the goods they watch; loyal fans come back to
// every broadcast of their merchant but mostly chat, greet and buy.
//
// recurringLinks links such recurring promoters through the rooms they
// share; each room where recurMinRoom of them spoke is a linked room (its
// unbought commercial speech is the group's coarse script, as for
// promoLinks). The group formed is then judged like any other: its
// members must carry evidence of their own and the group must show hard
// evidence (testimonials without a purchase, praise of several merchants,
// room excess) and be commercial speech. A one-off coincidence of three
// strangers writing one similar line each is no recurring promoter at
// all.

// recurringLinks adds to v.links the rooms where recurring promoters
// (accounts with unbought commercial speech in promoRooms rooms or more
// that is at least recurShare of everything they wrote in the window)
// spoke.
func (v *view) recurringLinks() {
	// every comment of every account, and the (room, account) pairs of
	// unbought commercial speech
	total := make(map[uint32]int32)
	promo := make(map[uint32]int32)
	var pr []kv
	for i := range v.acts {
		x := &v.acts[i]
		total[x.acct] += int32(x.n)
		if !v.unboughtPromo(x) {
			continue
		}
		promo[x.acct] += int32(x.n)
		pr = append(pr, kv{k: uint64(x.room)<<32 | uint64(x.acct)})
	}
	if len(pr) == 0 {
		return
	}
	pr = sortKV(pr, nil)
	pr = slices.CompactFunc(pr, func(a, b kv) bool { return a.k == b.k })
	rooms := make(map[uint32]int32)
	for _, x := range pr {
		rooms[uint32(x.k)]++
	}
	recurring := func(a uint32) bool {
		return rooms[a] >= promoRooms && float64(promo[a]) >= recurShare*float64(total[a]) && v.ev[a]&evPromo != 0
	}
	// per merchant, the recurring promoters of its rooms: a crew's members
	// rarely meet in one broadcast, but they work the same merchants
	byMerchant := make(map[string][]uint32)
	roomsOf := make(map[string][]uint32)
	for _, x := range pr {
		r, a := uint32(x.k>>32), uint32(x.k)
		if !recurring(a) {
			continue
		}
		m := v.d.rooms[r].merchant
		if m == "" {
			m = v.d.rooms[r].id // a room of no known merchant stands alone
		}
		if l := byMerchant[m]; !slices.Contains(l, a) {
			byMerchant[m] = append(l, a)
		}
		if l := roomsOf[m]; !slices.Contains(l, r) {
			roomsOf[m] = append(l, r)
		}
	}
	ms := make([]string, 0, len(byMerchant))
	for m := range byMerchant {
		ms = append(ms, m)
	}
	slices.Sort(ms)
	for _, m := range ms {
		l := byMerchant[m]
		if len(l) < recurMinRoom {
			continue
		}
		slices.Sort(l)
		v.links = append(v.links, l)
		for _, r := range roomsOf[m] {
			v.linkRoom[r] = true
		}
	}
}
