package registry

import (
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

var testSalt = []byte("0123456789abcdef-test-salt")

// day is a UTC date.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// makeID returns a valid resident ID for a region, a birth date (YYYYMMDD)
// and a 3-digit sequence.
func makeID(region, birth, seq string) string {
	body := region + birth + seq
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

func newReg(t *testing.T) *Registry {
	t.Helper()
	r, err := New(testSalt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNewRejectsShortSalt(t *testing.T) {
	if _, err := New([]byte("short")); qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("New(short) = %v, want EINVALID", err)
	}
}

func TestAddAndLookups(t *testing.T) {
	r := newReg(t)
	on := day("2026-03-01")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.AddPlatform(Platform{ID: "p1", Name: "平台"}))
	must(r.AddMerchant(Merchant{ID: "m1", PlatformID: "p1", USCC: " 91440101ma5cjq4n59 ", Name: "甲"}))
	must(r.AddMerchant(Merchant{ID: "m2", USCC: "91440101MA5CJQ4N59", Name: "甲二店"}))
	must(r.AddOperator(Operator{ID: "o1", Name: "运营"}))
	must(r.AddOperator(Operator{ID: "o2", Name: "运营二"}))
	must(r.AddAgency(Agency{ID: "a1", Name: "MCN 一"}))
	must(r.AddAgency(Agency{ID: "a2", Name: "MCN 二"}))
	must(r.AddRoom(Room{ID: "r1", PlatformID: "p1", Name: "直播间"}))
	h, err := r.IdentifyHost(Host{ID: "h1", Name: "主播"}, makeID("110101", "19950505", "123"), on)
	must(err)
	must(r.AddHost(h, on))
	must(r.AddHostAgency(HostAgency{HostID: "h1", AgencyID: "a1", Validity: qualify.Validity{To: day("2025-12-31")}}))
	must(r.AddHostAgency(HostAgency{HostID: "h1", AgencyID: "a2", Validity: qualify.Validity{From: day("2026-01-01")}}))
	must(r.AddRoomLink(RoomLink{RoomID: "r1", OperatorID: "o1", MerchantID: "m1", Validity: qualify.Validity{To: day("2025-12-31")}}))
	must(r.AddRoomLink(RoomLink{RoomID: "r1", OperatorID: "o2", MerchantID: "m2", Validity: qualify.Validity{From: day("2026-01-01")}}))

	if m, ok := r.Merchant("m1"); !ok || m.USCC != "91440101MA5CJQ4N59" {
		t.Errorf("Merchant(m1) = %+v, %v", m, ok)
	}
	if ms := r.MerchantsByUSCC("91440101ma5cjq4n59"); len(ms) != 2 || ms[0].ID != "m1" || ms[1].ID != "m2" {
		t.Errorf("MerchantsByUSCC = %v", ms)
	}
	if a, ok := r.HostAgency("h1", day("2025-06-01")); !ok || a.ID != "a1" {
		t.Errorf("HostAgency 2025 = %v, %v", a.ID, ok)
	}
	if a, ok := r.HostAgency("h1", on); !ok || a.ID != "a2" {
		t.Errorf("HostAgency 2026 = %v, %v", a.ID, ok)
	}
	if o, ok := r.RoomOperator("r1", day("2025-06-01")); !ok || o.ID != "o1" {
		t.Errorf("RoomOperator 2025 = %v, %v", o.ID, ok)
	}
	if ms := r.RoomMerchants("r1", on); len(ms) != 1 || ms[0].ID != "m2" {
		t.Errorf("RoomMerchants 2026 = %v", ms)
	}
	if _, ok := r.RoomOperator("nope", on); ok {
		t.Error("RoomOperator of an unknown room found one")
	}
	if !r.VerifyHostID("h1", " "+makeID("110101", "19950505", "123")+" ") {
		t.Error("VerifyHostID rejects the registered number")
	}
	if r.VerifyHostID("h1", makeID("110101", "19950505", "124")) {
		t.Error("VerifyHostID accepts another number")
	}
	if err := r.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}

	// Errors name the record.
	for _, tc := range []struct {
		err  error
		want string
	}{
		{r.AddMerchant(Merchant{ID: "m1", USCC: "91440101MA5CJQ4N59", Name: "x"}), "merchant m1: the id is given twice"},
		{r.AddMerchant(Merchant{ID: "m9", USCC: "9144", Name: "x"}), "merchant m9: USCC malformed"},
		{r.AddMerchant(Merchant{ID: "m9", PlatformID: "p9", USCC: "91440101MA5CJQ4N59", Name: "x"}), `the linked platform "p9" does not exist`},
		{r.AddRoomLink(RoomLink{RoomID: "r1", OperatorID: "o1", MerchantID: "m9"}), `room link r1→o1→m9: the linked merchant "m9" does not exist`},
		{r.AddHostAgency(HostAgency{HostID: "h9", AgencyID: "a1"}), `the linked host "h9" does not exist`},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) || qinglang.Code(tc.err) != qinglang.EINVALID {
			t.Errorf("error %v, want one containing %q", tc.err, tc.want)
		}
	}

	// Validate finds a dangling link however it got there.
	r.roomLinks = append(r.roomLinks, RoomLink{RoomID: "r1", OperatorID: "o7", MerchantID: "m1"})
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), `room link r1→o7→m1: the linked live-room operator "o7"`) {
		t.Errorf("Validate with a dangling link = %v", err)
	}
}

func TestHostAgeGate(t *testing.T) {
	on := day("2026-03-01")
	for _, tc := range []struct {
		name    string
		birth   string
		consent bool
		wantErr string
		note    bool
	}{
		{"adult", "20000101", false, "", false},
		{"15", "20101231", false, "under the minimum age", false},
		{"17 without consent", "20090101", false, "no guardian's consent", false},
		{"17 with consent", "20090101", true, "", true},
		{"turns 16 today", "20100301", true, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newReg(t)
			h, err := r.IdentifyHost(Host{ID: "h", Name: "n", GuardianConsent: tc.consent}, makeID("440101", tc.birth, "001"), on)
			if err != nil {
				t.Fatal(err)
			}
			err = r.AddHost(h, on)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("AddHost = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := r.Host("h")
			if (len(got.Notes) == 1) != tc.note {
				t.Errorf("notes = %v, want a note: %v", got.Notes, tc.note)
			}
		})
	}
}

func TestGaps(t *testing.T) {
	r := newReg(t)
	on := day("2026-03-01")
	food, err := qualify.ParseLicence("JY14401010000012")
	if err != nil {
		t.Fatal(err)
	}
	food.Validity = qualify.Validity{To: day("2025-12-31")}
	if err := r.AddMerchant(Merchant{ID: "m1", USCC: "91440101MA5CJQ4N59", Name: "甲", Licences: []qualify.Licence{food}}); err != nil {
		t.Fatal(err)
	}
	gaps := r.Gaps("m1", qinglang.CatFood, on)
	if len(gaps) != 1 || gaps[0].Reason != qualify.GapExpired || gaps[0].Number != food.Number {
		t.Errorf("Gaps(food) = %+v", gaps)
	}
	if gaps := r.Gaps("m1", qinglang.CatFood, day("2025-06-01")); len(gaps) != 0 {
		t.Errorf("Gaps(food, 2025) = %+v", gaps)
	}
	if gaps := r.Gaps("m1", qinglang.CatHealthFood, on); len(gaps) != 2 {
		t.Errorf("Gaps(health_food) = %+v", gaps)
	}
	if gaps := r.Gaps("nobody", qinglang.CatMedicalDevice, on); len(gaps) != 2 || gaps[0].Reason != qualify.GapMissing {
		t.Errorf("Gaps(unknown merchant) = %+v", gaps)
	}
	if gaps := r.Gaps("m1", qinglang.CatApparel, on); len(gaps) != 0 {
		t.Errorf("Gaps(apparel) = %+v", gaps)
	}
}

func TestDueAndOverdue(t *testing.T) {
	r := newReg(t)
	on := day("2026-03-01")
	for _, m := range []Merchant{
		{ID: "fresh", LastVerified: day("2026-02-01")}, // deadline 2026-07-31
		{ID: "soon", LastVerified: day("2025-09-15")},  // deadline 2026-03-14: due within 30 days
		{ID: "today", LastVerified: day("2025-09-02")}, // deadline 2026-03-01: due, not overdue
		{ID: "late", LastVerified: day("2025-01-10")},  // deadline 2025-07-09: overdue
		{ID: "never"}, // overdue
	} {
		m.Name, m.USCC = m.ID, "91440101MA5CJQ4N59"
		if err := r.AddMerchant(m); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(items []DueItem) string {
		var s []string
		for _, d := range items {
			s = append(s, d.ID)
		}
		return strings.Join(s, ",")
	}
	if got := ids(r.Due(on, 0)); got != "never,late,today,soon" {
		t.Errorf("Due = %s", got)
	}
	if got := ids(r.Overdue(on, 0)); got != "never,late" {
		t.Errorf("Overdue = %s", got)
	}
	if got := ids(r.Overdue(on, 20*24*time.Hour)); got != "never,late,today,soon,fresh" {
		t.Errorf("Overdue every 20 days = %s", got)
	}
	due := r.Due(on, 0)
	if d := due[2]; d.Overdue || !d.Deadline.Equal(on) {
		t.Errorf("today: %+v", d)
	}
}
