package campaign

import "math"

// Base rates. Onlookers praise goods they did not buy here (bought in a
// shop, heard from a friend, fans vouching for the host), so unbought
// commercial speech is evidence only where there is more of it than the
// platform's viewers write anyway. The view measures the platform's rate
// of it per comment in the window; an account is a heavy promoter when
// its own share would be improbable at that rate (a binomial tail given
// that it wrote some, corrected for the number of accounts tested), and a
// room is a promoted room when its count would be improbable at that rate
// (a Poisson tail, corrected for the number of rooms). The rates include the crews' own
// comments, which only makes the tests stricter.

// unboughtPromo reports whether action x is commercial speech that
// answers no call to action, in a cluster that can be a script, from an
// account that had not ordered from the room's merchant before it.
func (v *view) unboughtPromo(x *action) bool {
	return x.flags&fPromo != 0 && x.flags&fAfterCall == 0 && x.script != noScript && v.script[x.script] &&
		!v.boughtBefore(v.d.accounts.at(x.acct), x)
}

// baseRates counts every account's comments with content and unbought
// commercial comments, and every room's, sets the platform's rate, marks
// the promoted rooms and the heavy promoters (evPromo).
func (v *view) baseRates() {
	na := v.d.accounts.len()
	v.aAll, v.aPromo = make([]int32, na), make([]int32, na)
	v.rPromo, v.rAll = make([]int32, len(v.d.rooms)), make([]int32, len(v.d.rooms))
	var all, promo int64
	for i := range v.acts {
		x := &v.acts[i]
		if x.script == noScript || v.d.scripts.list.at(x.script).contentFree {
			continue
		}
		n := int32(x.n)
		all += int64(n)
		v.aAll[x.acct] += n
		v.rAll[x.room] += n
		if v.unboughtPromo(x) {
			promo += int64(n)
			v.aPromo[x.acct] += n
			v.rPromo[x.room] += n
		}
	}
	if all == 0 {
		return
	}
	v.all, v.promo = all, promo
	v.qPromo = max(float64(promo)/float64(all), minRate)
	v.promotedRooms()
	tested := 0
	for a := range na {
		if v.aPromo[a] > 0 {
			tested++
		}
	}
	for a := range na {
		if v.heavy(uint32(a), v.qPromo, tested) {
			v.ev[a] |= evPromo
		}
	}
}

// heavy reports whether account a's unbought commercial speech would be
// improbable at rate q among tested accounts. The accounts tested are
// those with some unbought commercial speech, so the tail is conditioned
// on that: P(X ≥ k | X ≥ 1). Unconditioned, the test judged a chatty
// viewer's praise (4 lines of 20) against every viewer rather than
// against those who praise at all, and such viewers were accused beside
// crews.
func (v *view) heavy(a uint32, q float64, tested int) bool {
	k, n := int(v.aPromo[a]), int(v.aAll[a])
	return k > 0 && binomialTail(k, n, q) < heavyFalse/float64(max(1, tested))*anyOf(n, q)
}

// anyOf is P(X ≥ 1) for X ~ Binomial(n, q): 1 - (1-q)^n.
func anyOf(n int, q float64) float64 {
	return -math.Expm1(float64(n) * math.Log1p(-min(q, 1)))
}

// rateWithout is the platform's rate of unbought commercial speech
// without the comments of the accounts in accts: what everyone else
// writes, which a group's candidates are tested against.
func (v *view) rateWithout(accts []uint32) float64 {
	var all, promo int64
	for _, a := range accts {
		all += int64(v.aAll[a])
		promo += int64(v.aPromo[a])
	}
	if v.all <= all {
		return v.qPromo
	}
	return max(float64(v.promo-promo)/float64(v.all-all), minRate)
}

// promotedRooms marks the rooms that hold more unbought commercial speech
// than their comments would at the platform's rate, beyond chance over
// every room of the window.
func (v *view) promotedRooms() {
	v.promoted = make([]bool, len(v.rPromo))
	for r, k := range v.rPromo {
		v.promoted[r] = k >= seedMinPosters &&
			float64(len(v.d.rooms))*poissonTail(int(k), v.qPromo*float64(v.rAll[r])) < roomAlpha
	}
}

// binomialTail is P(X ≥ k) for X ~ Binomial(n, q).
func binomialTail(k, n int, q float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n || q <= 0 {
		return 0
	}
	if q >= 1 {
		return 1
	}
	lq, lp := math.Log(q), math.Log1p(-q)
	lgn, _ := math.Lgamma(float64(n + 1))
	sum := 0.0
	for i := k; i <= n; i++ {
		a, _ := math.Lgamma(float64(i + 1))
		b, _ := math.Lgamma(float64(n - i + 1))
		t := math.Exp(lgn - a - b + float64(i)*lq + float64(n-i)*lp)
		sum += t
		if t < sum*1e-12 {
			break
		}
	}
	return min(1, sum)
}
