package campaign

import "strings"

// platform is one tenant's share of the detector's state: its accounts,
// rooms, LSH band table and how many accounts use each network and device.
type platform struct {
	idx     int32
	name    string
	users   u64table // hash of the user id → account slot
	rooms   u64table // hash of the room id → room slot
	bands   u64table // LSH band key → script slot
	exact   u64table // hash of a masked text → script slot | reading flags << 32
	nets    u64table // network → live accounts that used it
	devices u64table // hash of a device → live accounts that used it
}

func newPlatform(idx int32, name string) *platform {
	return &platform{
		idx:     idx,
		name:    strings.Clone(name),
		users:   newTable(1 << 10),
		rooms:   newTable(1 << 8),
		bands:   newTable(1 << 10),
		exact:   newTable(1 << 10),
		nets:    newTable(1 << 8),
		devices: newTable(1 << 8),
	}
}

// room is one broadcast: who runs it and the host's last call to action.
// It holds no per-comment state; its comments are in the action log.
type room struct {
	key      uint64 // hash of the room id (the room table's key)
	plat     int32
	live     bool
	ended    bool
	id       string
	merchant string
	host     string
	start    int64          // room_start, unix ms; 0 unknown
	end      int64          // room_end, unix ms; 0 not ended
	last     int64          // last event of the room
	calls    [maxCalls]call // the host's recent calls to action, newest first
}
