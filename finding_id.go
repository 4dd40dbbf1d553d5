package qinglang

import (
	"crypto/sha256"
	"encoding/hex"
)

// FindingID derives a finding's stable id from where it is, the rule that
// fired and the detector's dedup key, so that seeing the same evidence again
// (re-delivery, restart, a second scan) yields the same id.
func FindingID(platform, room, rule, dedupKey string) string {
	h := sha256.New()
	for _, s := range []string{platform, room, rule, dedupKey} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "f_" + hex.EncodeToString(h.Sum(nil)[:12])
}
