package campaign

// action is the compact summary of one account's comments in one room,
// script cluster and minute: what the cross-room stage works on. Repeats
// of the same (room, script, minute) by one account merge into one action.
type action struct {
	acct   uint32
	room   uint32
	script uint32 // noScript for an empty text
	minute uint32 // unix minutes
	n      uint16 // comments merged (saturating)
	flags  uint8
}

// Flags of an action.
const (
	fTestimonial uint8 = 1 << iota // a result testimonial
	fAfterCall                     // answering the host's call to action
	fNumber                        // the text has a number
	fPromo                         // commercial speech: a testimonial, urging or vouching
	fContentFree                   // content-free (scratch of the streaming layer, never logged)
	fUse                           // a testimonial of use: a result or a time of use, which needs the goods in hand
)

// logAction appends (or merges) one comment's action.
func (d *Detector) logAction(ai, ri, sc uint32, ts int64, flags uint8) {
	m := uint32(ts / 60_000)
	a := d.accounts.at(ai)
	if a.lastKey == [3]uint32{ri, sc, m} {
		if i := int(a.lastAct); i >= 0 && i < len(d.log) {
			if x := &d.log[i]; x.acct == ai {
				if x.n < ^uint16(0) {
					x.n++
				}
				x.flags |= flags
				return
			}
		}
	}
	a.lastKey = [3]uint32{ri, sc, m}
	a.lastAct = int32(len(d.log))
	d.log = append(d.log, action{acct: ai, room: ri, script: sc, minute: m, n: 1, flags: flags})
}

// compactLog drops the actions before minute cutoff and those of evicted
// accounts, rooms and scripts, keeping the order of the rest.
func (d *Detector) compactLog(cutoff uint32) {
	out := d.log[:0]
	for _, x := range d.log {
		if x.minute < cutoff || !d.accounts.at(x.acct).live || !d.rooms[x.room].live {
			continue
		}
		if x.script != noScript && !d.scripts.list.at(x.script).live {
			x.script = noScript
		}
		a := d.accounts.at(x.acct)
		a.lastAct, a.lastKey = int32(len(out)), [3]uint32{x.room, x.script, x.minute}
		out = append(out, x)
	}
	clear(d.log[len(out):])
	d.log = out
}
