package registry

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/qinglang/qinglang/qualify"
)

// hashID is the hex HMAC-SHA256 of a normalised ID under the salt.
func (r *Registry) hashID(id string) string {
	mac := hmac.New(sha256.New, r.salt)
	mac.Write([]byte(qualify.Normalize(id)))
	return hex.EncodeToString(mac.Sum(nil))
}

// IdentifyHost checks a host's resident ID on the day on
// (qualify.CheckResidentID) and returns h with IDMasked, IDHash and Birth
// set; the number itself is not kept. A malformed or invalid number is an
// EINVALID error that shows only its mask. The age gate is applied by
// AddHost.
func (r *Registry) IdentifyHost(h Host, residentID string, on time.Time) (Host, error) {
	res := qualify.CheckResidentID(residentID, on)
	if res.Verdict != qualify.VerdictValid {
		return h, recErr(KindHost, h.ID, "居民身份证 %[1]s %[2]s", "resident ID %[1]s: %[3]s", res.Masked, res.Reason, res.ReasonEN)
	}
	h.IDMasked, h.IDHash, h.Birth = res.Masked, r.hashID(residentID), res.Birth
	return h, nil
}

// VerifyHostID reports whether residentID is the number the host was
// registered with. It is false, too, for an unknown host.
func (r *Registry) VerifyHostID(host, residentID string) bool {
	h := r.hosts[host]
	if h == nil {
		return false
	}
	want, err := hex.DecodeString(h.IDHash)
	if err != nil {
		return false
	}
	got, _ := hex.DecodeString(r.hashID(residentID))
	return hmac.Equal(want, got)
}

// hostAgeGate applies qualify.HostAge to a host on the day on: an error
// when too young or a minor without a guardian's consent, a note when a
// minor with it.
func hostAgeGate(h Host, on time.Time) (*qualify.Note, error) {
	gate := qualify.HostAge(h.Birth, on)
	zh, en := gate.Message()
	switch {
	case gate == qualify.AgeTooYoung:
		return nil, recErr(KindHost, h.ID, "%[1]s（须年满 %[3]d 周岁）", "%[2]s (at least %[3]d years old)", zh, en, qualify.HostAgeRule.Min)
	case gate == qualify.AgeNeedsGuardian && !h.GuardianConsent:
		return nil, recErr(KindHost, h.ID, "%[1]s，但未登记监护人同意", "%[2]s, but no guardian's consent is recorded", zh, en)
	case gate == qualify.AgeNeedsGuardian:
		return &qualify.Note{Code: string(qualify.AgeNeedsGuardian),
			Message: "未满 18 周岁，已登记监护人同意", MessageEN: "under 18; a guardian's consent is recorded"}, nil
	}
	return nil, nil
}
