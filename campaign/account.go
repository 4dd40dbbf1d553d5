package campaign

import (
	"net/netip"
	"slices"
)

// account is what the detector keeps of one viewer account of one
// platform: where it posts from, what it bought, what it claimed. Every
// list is capped (see the package doc). The fields a comment touches come
// first and compare hashes, so that a comment from a known account costs
// few cache misses.
type account struct {
	key      uint64 // hash of the platform's user id (the account table's key)
	last     int64  // last activity of any kind, unix ms
	lastAct  int32  // index in the action log of its last action, for merging
	lastKey  [3]uint32
	ipHash   uint64 // hash of the address of its last comment
	lastNet  uint64 // its network
	ipHash2  uint64 // the address before, and its network
	lastNet2 uint64
	devHash  uint64 // hash of the device of its last comment
	// networks used in the room it comments in now: a proxy pool hands
	// out a new one for nearly every comment, a phone keeps one or two.
	hopRoom  uint32
	hopNets  [hopNets]uint32 // low bits of the network keys
	hopN     uint8
	hopMax   uint8 // most networks used in one room
	nsamples uint8 // len(x.samples)
	live     bool
	plat     int32
	first    int64 // first comment since it was last evicted, unix ms; 0 none
	created  int64 // created_at, unix ms; 0 unknown

	user    string
	ips     []string
	nets    []uint64 // /24 or /64 keys of ips
	devices []string
	x       *accountExtra // orders, claims, samples; nil until needed
}

// accountExtra is the rarer part of an account.
type accountExtra struct {
	orders  []order
	claims  []claim
	contra  [][2]string
	samples []sample
}

// order sums up an account's orders from one merchant's rooms.
type order struct {
	merchant    string
	first, last int64 // unix ms
	n           int32
}

// sample is one comment kept to show as evidence.
type sample struct {
	id     string
	text   string
	room   uint32
	script uint32
	ts     int64
	tm     bool // a testimonial
}

func (a *account) extra() *accountExtra {
	if a.x == nil {
		a.x = new(accountExtra)
	}
	return a.x
}

// netKey returns the /24 (IPv4) or /64 (IPv6) network of an address.
func netKey(ip string) (uint64, bool) {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return 0, false
	}
	addr = addr.Unmap()
	if addr.Is4() {
		b := addr.As4()
		return 0xffffffff00000000 | uint64(b[0])<<16 | uint64(b[1])<<8 | uint64(b[2]), true
	}
	b := addr.As16()
	var k uint64
	for i := range 8 {
		k = k<<8 | uint64(b[i])
	}
	if k>>32 == 0xffffffff {
		k = mix64(k) // keep IPv6 clear of the IPv4 keys
	}
	return k, true
}

// subscriberPrefix reports whether network key k (of netKey) is an IPv6
// /64. A /64 is one subscriber's prefix, a home line or a phone's mobile
// data session, and no carrier NAT puts strangers behind one; an IPv4 /24
// may be a carrier NAT range that serves a province's viewers beside any
// crew exiting through it.
func subscriberPrefix(k uint64) bool { return k>>32 != 0xffffffff }

// addIP records an address used in room; it returns the network key when
// the network is new to the account.
func (a *account) addIP(ip string, room uint32, ar *arena) (uint64, bool) {
	if ip == "" {
		return 0, false
	}
	h := hashString(ip)
	if a.hopRoom != room {
		a.hopRoom, a.hopN = room, 0
	}
	var k uint64
	known := true // its network was recorded when the address was new
	switch {
	case h == a.ipHash && a.hopN > 0:
		return 0, false // the address of its last comment, in this room
	case h == a.ipHash:
		k = a.lastNet // the address of its last comment, in another room
	case h == a.ipHash2:
		// the address before (a phone between Wi-Fi and 4G, or rooms)
		a.ipHash, a.ipHash2, a.lastNet, a.lastNet2 = a.ipHash2, a.ipHash, a.lastNet2, a.lastNet
		k = a.lastNet
	default:
		known = false
		if len(a.ips) < maxAccountIPs && !slices.Contains(a.ips, ip) {
			a.ips = append(a.ips, ar.clone(ip))
		}
		var ok bool
		if k, ok = netKey(ip); !ok {
			return 0, false
		}
		a.ipHash, a.ipHash2, a.lastNet, a.lastNet2 = h, a.ipHash, k, a.lastNet
	}
	if int(a.hopN) < hopNets && !slices.Contains(a.hopNets[:a.hopN], uint32(k)) {
		a.hopNets[a.hopN] = uint32(k)
		a.hopN++
		a.hopMax = max(a.hopMax, a.hopN)
	}
	if known || slices.Contains(a.nets, k) || len(a.nets) >= maxAccountNets {
		return 0, false
	}
	a.nets = append(a.nets, k)
	return k, true
}

// addDevice records a device; it reports whether it is new to the
// account.
func (a *account) addDevice(dev string, ar *arena) bool {
	if dev == "" {
		return false
	}
	h := hashString(dev)
	if h == a.devHash {
		return false
	}
	a.devHash = h
	if slices.Contains(a.devices, dev) || len(a.devices) >= maxAccountDevices {
		return false
	}
	a.devices = append(a.devices, ar.clone(dev))
	return true
}

// addOrder records an order from a merchant's room ("" when the room's
// merchant is unknown). Up to maxAccountOrders merchants are kept, the
// least recent dropped first.
func (a *account) addOrder(ts int64, merchant string) {
	x := a.extra()
	for i := range x.orders {
		if o := &x.orders[i]; o.merchant == merchant {
			o.first, o.last = min(o.first, ts), max(o.last, ts)
			o.n++
			return
		}
	}
	if len(x.orders) >= maxAccountOrders {
		i := 0
		for j := range x.orders {
			if x.orders[j].last < x.orders[i].last {
				i = j
			}
		}
		x.orders = slices.Delete(x.orders, i, i+1)
	}
	x.orders = append(x.orders, order{merchant: merchant, first: ts, last: ts, n: 1})
}

// orders returns about how many orders the account placed since since
// (the orders of merchants last bought from before since are not
// counted).
func (a *account) orders(since int64) int {
	if a.x == nil {
		return 0
	}
	n := 0
	for _, o := range a.x.orders {
		if o.last >= since {
			n += int(o.n)
		}
	}
	return n
}

// boughtFrom reports whether the account ordered from merchant (any
// merchant when either is unknown) before until (unix ms).
func (a *account) boughtFrom(merchant string, until int64) bool {
	if a.x == nil {
		return false
	}
	for _, o := range a.x.orders {
		if o.first < until && (merchant == "" || o.merchant == "" || o.merchant == merchant) {
			return true
		}
	}
	return false
}

// addClaim records a testimonial's claim and any contradiction with the
// account's earlier claims.
func (a *account) addClaim(c claim) {
	x := a.extra()
	for _, o := range x.claims {
		if o.text != c.text && contradicts(o, c) {
			if len(x.contra) < 4 && !slices.ContainsFunc(x.contra, func(p [2]string) bool { return p[0] == o.text && p[1] == c.text }) {
				x.contra = append(x.contra, [2]string{o.text, c.text})
			}
			break
		}
	}
	if len(x.claims) >= maxAccountClaims {
		x.claims = slices.Delete(x.claims, 0, 1)
	}
	x.claims = append(x.claims, c)
}

// contradictions returns the contradicting pairs whose later text was
// posted since since. With unbacked, only pairs posted before any order
// of the account count: a buyer's numbers may be about goods or periods
// of their own, a non-buyer's have no ground at all.
func (a *account) contradictions(since int64, unbacked bool) [][2]string {
	if a.x == nil || len(a.x.contra) == 0 {
		return nil
	}
	var out [][2]string
	for _, p := range a.x.contra {
		for _, c := range a.x.claims {
			if c.text != p[1] || c.ts < since {
				continue
			}
			if unbacked && a.boughtFrom("", c.ts+1) {
				continue
			}
			out = append(out, p)
			break
		}
	}
	return out
}

// sampleSlot returns where a comment in (room, script) would be kept as
// evidence, or -1: up to maxAccountSamples, one per room and script,
// testimonials preferred.
func (a *account) sampleSlot(room, script uint32, tm bool) int {
	if int(a.nsamples) >= maxAccountSamples && !tm {
		return -1 // full: only a testimonial may replace one
	}
	var n int
	if a.x != nil {
		n = len(a.x.samples)
		for i := range a.x.samples {
			if a.x.samples[i].script == script && a.x.samples[i].room == room {
				if tm && !a.x.samples[i].tm {
					return i
				}
				return -1
			}
		}
	}
	if n < maxAccountSamples {
		return n
	}
	if !tm {
		return -1
	}
	for i := range a.x.samples { // replace the first non-testimonial
		if !a.x.samples[i].tm {
			return i
		}
	}
	return -1
}

// setSample keeps s at slot i (from sampleSlot).
func (a *account) setSample(i int, s sample) {
	x := a.extra()
	if i == len(x.samples) {
		if cap(x.samples) == 0 {
			// most accounts keep one or two; the rest grow once, to the bound
			x.samples = make([]sample, 0, 2)
		} else if len(x.samples) == cap(x.samples) {
			x.samples = append(make([]sample, 0, maxAccountSamples), x.samples...)
		}
		x.samples = append(x.samples, s)
		a.nsamples = uint8(len(x.samples))
		return
	}
	x.samples[i] = s
}
