package qualify

import (
	"time"

	"github.com/qinglang/qinglang"
)

// DefaultExpiryWindow is how long before its last day a licence counts as
// expiring soon, for Validity.Status. It is a product choice, not a rule.
const DefaultExpiryWindow = 30 * 24 * time.Hour

// Validity is the period a licence is valid in. Licences are dated by the
// day, so both ends are inclusive calendar days, each read in its own
// location: From is the first valid day, To the last. A zero end is open
// (unknown), so a zero Validity is always valid.
type Validity struct {
	From, To time.Time
}

// ValidityStatus is the state of a Validity on a day.
type ValidityStatus string

// Validity states.
const (
	StatusValid        ValidityStatus = "valid"
	StatusExpired      ValidityStatus = "expired"
	StatusNotYetValid  ValidityStatus = "not_yet_valid"
	StatusExpiringSoon ValidityStatus = "expiring_soon"
)

// Message explains the status in Chinese and in English.
func (s ValidityStatus) Message() (zh, en string) {
	switch s {
	case StatusValid:
		return "在有效期内", "valid"
	case StatusExpired:
		return "已过期", "expired"
	case StatusNotYetValid:
		return "尚未生效", "not yet valid"
	case StatusExpiringSoon:
		return "即将到期", "expiring soon"
	}
	return "未知", "unknown"
}

// Usable reports whether a licence in this status counts as held.
func (s ValidityStatus) Usable() bool { return s == StatusValid || s == StatusExpiringSoon }

// Validate reports an EINVALID error when To is a day before From.
func (v Validity) Validate() error {
	if !v.From.IsZero() && !v.To.IsZero() && day(v.To) < day(v.From) {
		return qinglang.Errorf(qinglang.EINVALID, "有效期的截止日 %s 早于起始日 %s", "the validity ends (%s) before it starts (%s)",
			v.To.Format(time.DateOnly), v.From.Format(time.DateOnly))
	}
	return nil
}

// Status is StatusWithin with DefaultExpiryWindow.
func (v Validity) Status(on time.Time) ValidityStatus { return v.StatusWithin(on, DefaultExpiryWindow) }

// StatusWithin returns the status on the day on: not yet valid before From,
// expired after To, expiring soon when the day after To (the day it stops
// being valid) is within window of on, valid otherwise. The window is
// counted in whole days (rounded down); 0 turns expiring soon off.
func (v Validity) StatusWithin(on time.Time, window time.Duration) ValidityStatus {
	d := day(on)
	switch {
	case !v.From.IsZero() && d < day(v.From):
		return StatusNotYetValid
	case v.To.IsZero():
		return StatusValid
	case d > day(v.To):
		return StatusExpired
	case day(v.To)-d < int64(window/(24*time.Hour)):
		return StatusExpiringSoon
	}
	return StatusValid
}

// day numbers t's calendar date, in t's location, in days since 1970-01-01.
func day(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}
