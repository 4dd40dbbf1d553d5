package qualify

import (
	"testing"
	"time"
)

func TestValidityStatus(t *testing.T) {
	v := Validity{From: date(2022, 1, 10), To: date(2027, 1, 9)}
	shanghai := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name   string
		v      Validity
		on     time.Time
		window time.Duration
		want   ValidityStatus
	}{
		{"before", v, date(2022, 1, 9), DefaultExpiryWindow, StatusNotYetValid},
		{"first day", v, date(2022, 1, 10), DefaultExpiryWindow, StatusValid},
		{"middle", v, date(2024, 6, 1), DefaultExpiryWindow, StatusValid},
		// the licence stops being valid on 2027-01-10
		{"31 days before it stops", v, date(2026, 12, 10), DefaultExpiryWindow, StatusValid},
		{"30 days before it stops", v, date(2026, 12, 11), DefaultExpiryWindow, StatusExpiringSoon},
		{"last day", v, date(2027, 1, 9), DefaultExpiryWindow, StatusExpiringSoon},
		{"last day, late evening", v, time.Date(2027, 1, 9, 23, 59, 0, 0, time.UTC), DefaultExpiryWindow, StatusExpiringSoon},
		{"day after", v, date(2027, 1, 10), DefaultExpiryWindow, StatusExpired},
		{"window off", v, date(2027, 1, 9), 0, StatusValid},
		{"window 90 days", v, date(2026, 11, 1), 90 * 24 * time.Hour, StatusExpiringSoon},
		{"zero validity", Validity{}, date(2030, 1, 1), DefaultExpiryWindow, StatusValid},
		{"open end", Validity{From: date(2020, 1, 1)}, date(2030, 1, 1), DefaultExpiryWindow, StatusValid},
		{"open start", Validity{To: date(2020, 1, 1)}, date(2019, 1, 1), DefaultExpiryWindow, StatusValid},
		{"day in its own zone", Validity{To: time.Date(2027, 1, 9, 0, 0, 0, 0, shanghai)},
			time.Date(2027, 1, 10, 1, 0, 0, 0, shanghai), DefaultExpiryWindow, StatusExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.StatusWithin(tt.on, tt.window); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if zh, en := tt.want.Message(); zh == "未知" || en == "" {
				t.Errorf("no message for %q", tt.want)
			}
		})
	}
	if v.Status(date(2027, 1, 1)) != StatusExpiringSoon {
		t.Error("Status does not use the default window")
	}
}

func TestValidityValidate(t *testing.T) {
	if err := (Validity{From: date(2022, 1, 10), To: date(2022, 1, 10)}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Validity{}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Validity{From: date(2022, 1, 10), To: date(2022, 1, 9)}).Validate(); err == nil {
		t.Error("no error for an end before the start")
	}
}
