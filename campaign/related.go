package campaign

import (
	"cmp"
	"net/netip"
	"slices"
	"time"
)

// Related campaigns. Accounts are the platform's own, so a crew working
// several platforms is one campaign per platform, and a crew coming back
// after the window with fresh accounts is a new campaign. What it keeps
// is its phones and its networks. Two campaigns are related when they
// share a device, or a network (/24 or /64) that at least minMembers of
// their members used together, and each campaign has that device or
// network to itself: at least netPurity of its platform's live accounts
// on it are its members (a carrier NAT address serves hundreds of others
// and relates nobody). Relations are looked for whenever a campaign is
// judged (or restored) and are kept, like members; a merged campaign
// hands its relations on. A device fingerprint relates campaigns of two platforms
// only when the platforms report one identifier for a phone; addresses
// always compare.

// Related is another campaign that looks like the same crew, with what the
// two share.
type Related struct {
	ID       string    `json:"id"`
	Platform string    `json:"platform"`
	Devices  []string  `json:"devices,omitempty"`  // device fingerprints members of both used (at most maxRelatedShown)
	Networks []string  `json:"networks,omitempty"` // networks members of both used, "a.b.c.0/24" or "…::/64" (at most maxRelatedShown)
	Found    time.Time `json:"found"`              // event time of the judgement that related them
}

// maxRelatedShown bounds the devices and networks listed per relation.
const maxRelatedShown = 10

// ownKey is a device or network a campaign has to itself, with its
// members on it.
type ownKey struct {
	dev     bool   // a device (else a network)
	key     uint64 // hash of the device, or the network key (netKey)
	sample  string // the device, or an address on the network
	members int32
}

func compareOwn(a, b ownKey) int {
	if a.dev != b.dev {
		if a.dev {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.key, b.key)
}

// ownKeysOf returns the devices and networks c has to itself, counted
// against the live accounts of its platform, sorted by compareOwn.
func (d *Detector) ownKeysOf(c *Campaign) []ownKey {
	var all []ownKey
	for i := range c.Members {
		m := &c.Members[i]
		n := len(all)
		for _, dev := range m.Devices {
			if dev != "" {
				all = append(all, ownKey{dev: true, key: hashString(dev), sample: dev, members: 1})
			}
		}
		for _, ip := range m.IPs {
			if k, ok := netKey(ip); ok {
				all = append(all, ownKey{key: k, sample: ip, members: 1})
			}
		}
		// one count per member
		mine := all[n:]
		slices.SortFunc(mine, compareOwn)
		all = all[:n+len(slices.CompactFunc(mine, func(a, b ownKey) bool { return compareOwn(a, b) == 0 }))]
	}
	slices.SortFunc(all, compareOwn)
	var p *platform
	if i, ok := d.platIdx[c.Platform]; ok {
		p = d.plats[i]
	}
	out := all[:0]
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && compareOwn(all[i], all[j]) == 0 {
			j++
		}
		k := all[i]
		k.members = int32(j - i)
		i = j
		total := int64(k.members)
		if p != nil {
			if k.dev {
				total = max(total, p.devices.count(k.key))
			} else {
				total = max(total, p.nets.count(k.key))
			}
		}
		if float64(k.members) >= netPurity*float64(total) {
			out = append(out, k)
		}
	}
	if out == nil {
		return []ownKey{} // looked at: not nil
	}
	return slices.Clip(out)
}

// networkName returns the /24 or /64 of ip in CIDR form.
func networkName(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ""
	}
	addr = addr.Unmap()
	bits := 64
	if addr.Is4() {
		bits = 24
	}
	p, err := addr.Prefix(bits)
	if err != nil {
		return ""
	}
	return p.String()
}

// footprint is what a campaign's own keys are made of: its members and
// their addresses and devices. Lists only grow (to their caps), so an
// unchanged footprint is an unchanged set of keys.
func footprint(c *Campaign) int {
	n := len(c.Members)
	for i := range c.Members {
		n += len(c.Members[i].IPs) + len(c.Members[i].Devices)
	}
	return n
}

// relate finds the relations of the campaigns judged (or restored) since
// the last call and returns changes with them: a changed campaign carries
// its relations, and a campaign that gained one without changing
// otherwise is reported too (New false, Added empty). at is the
// judgement's time.
func (d *Detector) relate(changes []Change, at time.Time) []Change {
	s := &d.camps
	ts := make([]*tracked, 0, len(s.order))
	judged := make([]bool, 0, len(s.order)) // per ts: its keys were just computed
	fresh := false
	for _, id := range s.order {
		t := s.byID[id]
		j := t.own == nil
		if j {
			t.own = d.ownKeysOf(&t.c)
			fresh = true
		}
		ts, judged = append(ts, t), append(judged, j)
	}
	if !fresh {
		return changes
	}
	// campaigns sharing a key, one of them judged now: devices, then
	// networks, each as (key, campaign<<32 | its key's index) sorted
	type pair struct{ a, b *tracked }
	shared := make(map[pair]*Related)
	var pairs []pair
	var es, tmp []kv
	for _, dev := range []bool{true, false} {
		// every campaign's keys; when few campaigns were judged now, only
		// their keys
		nNow, all := 0, 0
		for ti, t := range ts {
			for ki := range t.own {
				if t.own[ki].dev == dev {
					all++
					if judged[ti] {
						nNow++
					}
				}
			}
		}
		var now map[uint64]bool
		if 4*nNow < all {
			now = make(map[uint64]bool, nNow)
			for ti, t := range ts {
				for ki := range t.own {
					if judged[ti] && t.own[ki].dev == dev {
						now[t.own[ki].key] = true
					}
				}
			}
		}
		es = es[:0]
		for ti, t := range ts {
			for ki := range t.own {
				if k := &t.own[ki]; k.dev == dev && (now == nil || now[k.key]) {
					es = append(es, kv{k: k.key, v: uint64(ti)<<32 | uint64(ki)})
				}
			}
		}
		es = sortKV(es, tmp)
		for i := 0; i < len(es); {
			j := i + 1
			for j < len(es) && es[j].k == es[i].k {
				j++
			}
			run := es[i:j]
			i = j
			for x := range run {
				for y := x + 1; y < len(run); y++ {
					ia, ib := run[x].v>>32, run[y].v>>32
					ta, tb := ts[ia], ts[ib]
					a, b := &ta.own[uint32(run[x].v)], &tb.own[uint32(run[y].v)]
					if !judged[ia] && !judged[ib] || !dev && a.members+b.members < minMembers {
						continue
					}
					pk := pair{ta, tb}
					if ta.c.ID > tb.c.ID {
						pk = pair{tb, ta}
					}
					r := shared[pk]
					if r == nil {
						r = &Related{Found: at}
						shared[pk] = r
						pairs = append(pairs, pk)
					}
					if dev {
						r.Devices = append(r.Devices, a.sample)
					} else {
						r.Networks = append(r.Networks, networkName(a.sample))
					}
				}
			}
		}
	}
	grown := make(map[string]bool)
	for _, pk := range pairs {
		r := shared[pk]
		slices.Sort(r.Devices)
		slices.Sort(r.Networks)
		r.Devices = slices.Clip(r.Devices[:min(len(r.Devices), maxRelatedShown)])
		r.Networks = slices.Clip(r.Networks[:min(len(r.Networks), maxRelatedShown)])
		for _, side := range [2][2]*tracked{{pk.a, pk.b}, {pk.b, pk.a}} {
			t, o := side[0], side[1]
			x := *r
			x.ID, x.Platform = o.c.ID, o.c.Platform
			if addRelated(&t.c, x) {
				grown[t.c.ID] = true
			}
		}
	}
	for i := range changes {
		if t := s.byID[changes[i].Campaign.ID]; t != nil {
			changes[i].Campaign.Related = cloneCampaign(Campaign{Related: t.c.Related}).Related
			delete(grown, t.c.ID)
		}
	}
	ids := make([]string, 0, len(grown))
	for id := range grown {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		changes = append(changes, Change{Campaign: cloneCampaign(s.byID[id].c)})
	}
	return changes
}

// addRelated records r in c's relations, or the devices and networks it
// adds to a relation known before; it reports whether c's relations
// changed.
func addRelated(c *Campaign, r Related) bool {
	i := slices.IndexFunc(c.Related, func(x Related) bool { return x.ID == r.ID })
	if i < 0 {
		c.Related = append(c.Related, r)
		slices.SortFunc(c.Related, func(a, b Related) int { return cmp.Compare(a.ID, b.ID) })
		return true
	}
	x := &c.Related[i]
	changed := false
	for _, l := range []struct{ have, add *[]string }{{&x.Devices, &r.Devices}, {&x.Networks, &r.Networks}} {
		for _, k := range *l.add {
			if len(*l.have) < maxRelatedShown && !slices.Contains(*l.have, k) {
				*l.have = append(*l.have, k)
				changed = true
			}
		}
		slices.Sort(*l.have)
	}
	return changed
}
