package sim

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// Families of the hard cases (HardCases.Families): viewers who share one
// phone and, at home, one address. They are what a detector linking
// accounts by device or by a subscriber's IPv6 /64 must not take for a
// crew's phone.
const (
	familyWatch   = 0.6  // a family watches a broadcast of its merchant
	familyPresent = 0.75 // a member comments when the family watches
	familyOrder   = 0.3  // one member present buys
	familyHome    = 0.8  // a member comments from the home network
)

// initFamilies draws each merchant's families: two to four viewers each,
// none in two families.
func (w *world) initFamilies() {
	n := w.cfg.Hard.Families
	if n == 0 {
		return
	}
	for i := range w.slots {
		s := &w.slots[i]
		p := s.plat
		if p.family == nil {
			p.family = make(map[uint32]uint32)
		}
		for f := range n {
			h := hash(w.seed, saltHard, 6, uint64(i), uint64(f))
			size := 2 + int(h%3)
			var fam []uint32
			for m := range size * 4 {
				if len(fam) == size {
					break
				}
				u := uint32(hash(h, uint64(m)) % uint64(p.pop))
				if _, taken := p.family[u]; taken {
					continue
				}
				p.family[u] = w.familyKey(i, f, h)
				fam = append(fam, u)
			}
			if len(fam) >= 2 {
				s.families = append(s.families, fam)
			}
		}
	}
}

// familyKey names family f of slot i, drawn from h: with FamiliesAcross,
// the same household for the k-th slot of every platform.
func (w *world) familyKey(i, f int, h uint64) uint32 {
	if !w.cfg.Hard.FamiliesAcross {
		return uint32(h)
	}
	return uint32(hash(w.seed, saltHard, 10, uint64(slices.Index(w.slots[i].plat.slots, i)), uint64(f)))
}

// familyHash draws from the family key fk and salt, on every platform
// alike with FamiliesAcross.
func (r *roomGen) familyHash(salt uint64, fk uint32) uint64 {
	if r.w.cfg.Hard.FamiliesAcross {
		return hash(r.w.seed, salt, uint64(fk), 1<<40)
	}
	return hash(r.w.seed, salt, uint64(r.s.plat.idx), uint64(fk), 1<<40)
}

// familyDevice returns the shared phone of u's family, if u has one.
func (r *roomGen) familyDevice(u uint32) (string, bool) {
	fk, ok := r.s.plat.family[u]
	if !ok {
		return "", false
	}
	h := r.familyHash(saltDevice, fk)
	return "dv" + strconv.FormatUint(h&0xffffffffffff, 16), true
}

// familyIP returns the home address u comments from, if u has a family
// and is at home: four in ten homes on IPv6 (one /64, an interface of
// its own per member and day), the rest on one broadband IPv4 address
// that changes now and then.
func (r *roomGen) familyIP(u uint32) (string, bool) {
	fk, ok := r.s.plat.family[u]
	if !ok {
		return "", false
	}
	h := r.familyHash(saltIP, fk)
	if unit(hash(h, uint64(u), uint64(r.day), uint64(r.s.idx))) >= familyHome {
		return "", false
	}
	if h%100 < 40 {
		var b [16]byte
		pre := v6Prefixes[int(h>>8)%len(v6Prefixes)]
		copy(b[:], pre)
		x, y := hash(h, 1), hash(h, uint64(u), uint64(r.day))
		for i := len(pre); i < 16; i++ {
			if i < 8 {
				b[i] = byte(x >> (8 * i))
			} else {
				b[i] = byte(y >> (8 * (i - 8)))
			}
		}
		return netip.AddrFrom16(b).String(), true
	}
	d := hash(h, 2, uint64(r.day/3))
	return netip.AddrFrom4([4]byte{v4Firsts[int(d>>8)%len(v4Firsts)], byte(d >> 16), byte(d >> 24),
		1 + byte(d>>32)%254}).String(), true
}

// familyLine writes what a family member says of the goods for the
// family: who in the family, what they did with it, what they think
// ("婆婆上次买的吃完了，让我再拍点"), in the words of each.
func familyLine(rng *rand.Rand) string {
	t := pick(rng, familyWho) + pick(rng, familyDid)
	if rng.IntN(4) > 0 {
		t += "，" + pick(rng, familyThink)
	}
	if rng.Float64() < 0.2 {
		t += pick(rng, cmtDecor)
	}
	return strings.ReplaceAll(t, "{d}", strconv.Itoa(between(rng, 3, 60)))
}

var (
	familyWho = []string{"我妈", "我爸", "老公", "老婆", "婆婆", "我姐", "我妹", "闺女", "儿子", "家里老人",
		"对象", "我奶奶", "小姑子", "孩子"}
	familyDid = []string{"一直用这个", "上次买的用完了", "天天吃这个", "用了{d}天了", "看了好久{h}的直播",
		"让我来看看{n}", "上次抢到的那个", "在家天天念叨{n}", "也在看{h}", "说想再买点", "吃完了",
		"用着{b}家的"}
	familyThink = []string{"说好用", "挺喜欢的", "说还行", "让我再拍", "没说不好", "说比超市的好", "说划算",
		"觉得一般般", "非要我再买", "说质量不错", "说这次便宜"}
)
