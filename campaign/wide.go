package campaign

// Farms across platforms. A crew working several platforms at once spreads
// its accounts over them: on each platform a phone of its farm (or its
// office network) carries two or three accounts, no more than a family's
// phone, and the farm shows only when its accounts on every platform are
// counted together. A device fingerprint or an address that the platforms
// report alike (an address always; a device when the platforms report one
// identifier for one phone) is then a farm's when farmAccounts accounts or
// more used it over all platforms, and at least minMembers and netPurity
// of them posted unbought commercial speech in their platform's window;
// each platform links its own such accounts on it (view.linkShared).
// When farmAccounts of them or more posted such speech, more than a
// family has accounts on one platform, the farm's phones vouch for its
// accounts on each platform, however few (view.across). A household
// whose members have accounts on several platforms on its one phone
// passes that count too, so on a platform where the phone has fewer than
// farmAccounts accounts the vouch counts only past the family test
// (family.go, group.infra).

// wideFarms holds the devices and networks that are farms over all
// platforms, and the phones among them that vouch for their accounts.
type wideFarms struct {
	dev, net map[uint64]bool
	vouch    map[uint64]bool // devices whose accounts posting unbought commercial speech are farmAccounts or more
}

// vouches returns the devices (hashed) that vouch for their accounts,
// nil for none.
func (w *wideFarms) vouches() map[uint64]bool {
	if w == nil {
		return nil
	}
	return w.vouch
}

// devices returns the farm devices (hashed), nil for none.
func (w *wideFarms) devices() map[uint64]bool {
	if w == nil {
		return nil
	}
	return w.dev
}

// networks returns the farm networks, nil for none.
func (w *wideFarms) networks() map[uint64]bool {
	if w == nil {
		return nil
	}
	return w.net
}

// farmsAcross counts, over the views of every platform, the accounts with
// unbought commercial speech on each device and network, and returns the
// keys that are farms over all platforms.
func (d *Detector) farmsAcross(views []*view) *wideFarms {
	devPromo, netPromo := make(map[uint64]int32), make(map[uint64]int32)
	for _, v := range views {
		for a, n := range v.aPromo {
			if n == 0 {
				continue
			}
			acc := d.accounts.at(uint32(a))
			for _, dev := range acc.devices {
				devPromo[hashString(dev)]++
			}
			for _, k := range acc.nets {
				netPromo[k]++
			}
		}
	}
	farms := func(promo map[uint64]int32, count func(p *platform, k uint64) int64) map[uint64]bool {
		out := make(map[uint64]bool)
		for k, n := range promo {
			if n < minMembers {
				continue
			}
			total := int64(0)
			for _, p := range d.plats {
				total += count(p, k)
			}
			if total >= farmAccounts && float64(n) >= netPurity*float64(total) {
				out[k] = true
			}
		}
		return out
	}
	w := &wideFarms{
		dev:   farms(devPromo, func(p *platform, k uint64) int64 { return p.devices.count(k) }),
		net:   farms(netPromo, func(p *platform, k uint64) int64 { return p.nets.count(k) }),
		vouch: make(map[uint64]bool),
	}
	for k := range w.dev {
		if devPromo[k] >= farmAccounts {
			w.vouch[k] = true
		}
	}
	return w
}
