package contract

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	cst := time.FixedZone("", 8*3600)
	tests := []struct {
		in      string
		want    time.Time
		wantOff int
		err     timeErr
	}{
		{"2025-06-12T20:01:02.345+08:00", time.Date(2025, 6, 12, 20, 1, 2, 345e6, cst), 8 * 3600, timeOK},
		{"2025-06-12T20:01:02Z", time.Date(2025, 6, 12, 20, 1, 2, 0, time.UTC), 0, timeOK},
		{"2025-06-12T20:01:02+00:00", time.Date(2025, 6, 12, 20, 1, 2, 0, time.UTC), 0, timeOK},
		{"2025-06-12T20:01:02-05:30", time.Date(2025, 6, 13, 1, 31, 2, 0, time.UTC), -(5*3600 + 1800), timeOK},
		{"2025-06-12T20:01:02.123456789123Z", time.Date(2025, 6, 12, 20, 1, 2, 123456789, time.UTC), 0, timeOK},
		{"2025-06-12T20:01:02.1Z", time.Date(2025, 6, 12, 20, 1, 2, 1e8, time.UTC), 0, timeOK},
		{"2024-02-29T00:00:00Z", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), 0, timeOK},
		{"2000-02-29T00:00:00Z", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), 0, timeOK},
		{"0000-01-01T00:00:00Z", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), 0, timeOK},
		{"9999-12-31T23:59:59+23:59", time.Date(9999, 12, 31, 0, 0, 59, 0, time.UTC), 23*3600 + 59*60, timeOK},
		{"1969-12-31T23:59:59Z", time.Unix(-1, 0), 0, timeOK},

		{"2025-06-12T20:01:02", time.Time{}, 0, timeNoOffset},
		{"2025-06-12T20:01:02.5", time.Time{}, 0, timeNoOffset},
		{"2025-06-12", time.Time{}, 0, timeBadFormat},
		{"2025-06-12 20:01:02Z", time.Time{}, 0, timeBadFormat},
		{"2025-06-12t20:01:02Z", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02z", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02,5Z", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02.Z", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02+0800", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02+08", time.Time{}, 0, timeBadFormat},
		{"2025-06-12T20:01:02Z ", time.Time{}, 0, timeBadFormat},
		{"2025-6-12T20:01:02Z", time.Time{}, 0, timeBadFormat},
		{"+2025-06-12T20:01:02Z", time.Time{}, 0, timeBadFormat},
		{"", time.Time{}, 0, timeBadFormat},
		{"2025-13-12T20:01:02Z", time.Time{}, 0, timeBadMonth},
		{"2025-00-12T20:01:02Z", time.Time{}, 0, timeBadMonth},
		{"2025-02-29T20:01:02Z", time.Time{}, 0, timeBadDay},
		{"1900-02-29T20:01:02Z", time.Time{}, 0, timeBadDay},
		{"2025-04-31T20:01:02Z", time.Time{}, 0, timeBadDay},
		{"2025-04-00T20:01:02Z", time.Time{}, 0, timeBadDay},
		{"2025-06-12T24:00:00Z", time.Time{}, 0, timeBadHour},
		{"2025-06-12T20:60:00Z", time.Time{}, 0, timeBadMinute},
		{"2016-12-31T23:59:60Z", time.Time{}, 0, timeBadSecond},
		{"2025-06-12T20:01:02+24:00", time.Time{}, 0, timeBadOffset},
		{"2025-06-12T20:01:02+08:60", time.Time{}, 0, timeBadOffset},
	}
	for _, tt := range tests {
		got, err := parseTime([]byte(tt.in))
		if err != tt.err {
			t.Errorf("parseTime(%q) error = %d, want %d", tt.in, err, tt.err)
			continue
		}
		if err != timeOK {
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("parseTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if _, off := got.Zone(); off != tt.wantOff {
			t.Errorf("parseTime(%q) offset = %d, want %d", tt.in, off, tt.wantOff)
		}
	}
}

// TestParseTimeMatchesStdlib compares parseTime with time.Parse over a sweep
// of dates, including every day of leap and common years.
func TestParseTimeMatchesStdlib(t *testing.T) {
	for _, year := range []int{0, 1, 4, 100, 1600, 1900, 1969, 1970, 2000, 2024, 2025, 2100, 9999} {
		for day := 0; day < 366; day++ {
			d := time.Date(year, 1, 1, 13, 14, 15, 0, time.UTC).AddDate(0, 0, day)
			if d.Year() != year {
				break
			}
			for _, off := range []string{"Z", "+08:00", "-03:30", "+23:59"} {
				s := d.Format("2006-01-02T15:04:05") + ".25" + off
				want, err := time.Parse(time.RFC3339Nano, s)
				if err != nil {
					t.Fatalf("time.Parse(%q): %v", s, err)
				}
				got, terr := parseTime([]byte(s))
				if terr != timeOK || !got.Equal(want) {
					t.Fatalf("parseTime(%q) = %v, %d; want %v", s, got, terr, want)
				}
				_, o1 := got.Zone()
				_, o2 := want.Zone()
				if o1 != o2 {
					t.Fatalf("parseTime(%q) offset %d, want %d", s, o1, o2)
				}
			}
		}
	}
}

func TestZoneForIsShared(t *testing.T) {
	a, b := zoneFor(8*3600), zoneFor(8*3600)
	if a != b {
		t.Error("zoneFor returned two locations for one offset")
	}
	if zoneFor(0) != time.UTC {
		t.Error("zoneFor(0) is not time.UTC")
	}
	if _, off := time.Unix(0, 0).In(zoneFor(-90 * 60)).Zone(); off != -5400 {
		t.Errorf("offset = %d, want -5400", off)
	}
}

func TestParseTimeAllocs(t *testing.T) {
	b := []byte("2025-06-12T20:01:02.345+08:00")
	parseTime(b)
	if n := testing.AllocsPerRun(100, func() { parseTime(b) }); n != 0 {
		t.Errorf("parseTime allocates %v times per call, want 0", n)
	}
}
