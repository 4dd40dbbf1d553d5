package campaign

import "slices"

// Eviction keeps the state bounded: whatever was last seen before the
// window is dropped at every Judge, and the caps of Config shed the
// least recently seen tenth when reached.

// evict drops the state older than cutoff (unix ms): actions, accounts,
// rooms and script clusters last seen before it.
func (d *Detector) evict(cutoff int64) {
	for i := range d.accounts.len() {
		if a := d.accounts.at(uint32(i)); a.live && a.last < cutoff {
			d.dropAccount(uint32(i))
		}
	}
	for i := range d.rooms {
		if r := &d.rooms[i]; r.live && r.last < cutoff {
			d.dropRoom(uint32(i))
		}
	}
	d.scripts.evict(d.plats, cutoff)
	d.compactLog(uint32(max(cutoff, 0) / 60_000))
}

func (d *Detector) dropAccount(i uint32) {
	a := d.accounts.at(i)
	p := d.plats[a.plat]
	for _, k := range a.nets {
		p.nets.add(k, -1)
	}
	for _, dev := range a.devices {
		p.devices.add(hashString(dev), -1)
	}
	p.users.del(a.key, uint64(i))
	*a = account{}
	d.freeAccts = append(d.freeAccts, i)
	d.liveAccts--
}

func (d *Detector) dropRoom(i uint32) {
	r := &d.rooms[i]
	d.plats[r.plat].rooms.del(r.key, uint64(i))
	*r = room{}
	d.freeRooms = append(d.freeRooms, i)
	d.liveRooms--
}

// lastCutoff returns the time below which about share of the values lie,
// from an even sample of at most 4,096 of them.
func lastCutoff(n int, at func(i int) (int64, bool), share float64) int64 {
	step := max(1, n/4096)
	var s []int64
	for i := 0; i < n; i += step {
		if v, ok := at(i); ok {
			s = append(s, v)
		}
	}
	if len(s) == 0 {
		return 0
	}
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*share))]
}

// shedAccounts drops the least recently seen accounts (about shedShare)
// and their actions.
func (d *Detector) shedAccounts() {
	cut := lastCutoff(d.accounts.len(), func(i int) (int64, bool) { return d.accounts.at(uint32(i)).last, d.accounts.at(uint32(i)).live }, shedShare)
	for i := range d.accounts.len() {
		if a := d.accounts.at(uint32(i)); a.live && a.last <= cut {
			d.dropAccount(uint32(i))
		}
	}
	d.compactLog(0)
}

// shedRooms drops the least recently seen rooms and their actions.
func (d *Detector) shedRooms() {
	cut := lastCutoff(len(d.rooms), func(i int) (int64, bool) { return d.rooms[i].last, d.rooms[i].live }, shedShare)
	for i := range d.rooms {
		if r := &d.rooms[i]; r.live && r.last <= cut {
			d.dropRoom(uint32(i))
		}
	}
	d.compactLog(0)
}

// shedScripts drops the least recently seen script clusters; their
// actions stay, without a script.
func (d *Detector) shedScripts() {
	t := &d.scripts
	cut := lastCutoff(t.list.len(), func(i int) (int64, bool) { return t.list.at(uint32(i)).last, t.list.at(uint32(i)).live }, shedShare)
	for c := range t.list.len() {
		if s := t.list.at(uint32(c)); s.live && s.last <= cut {
			t.drop(d.plats[s.plat], uint32(c))
		}
	}
	d.compactLog(0)
}

// shedActions drops the oldest actions.
func (d *Detector) shedActions() {
	cut := lastCutoff(len(d.log), func(i int) (int64, bool) { return int64(d.log[i].minute), true }, shedShare)
	d.compactLog(uint32(cut) + 1)
}
