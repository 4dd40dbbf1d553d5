package sim

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

func TestParseCrew(t *testing.T) {
	jelly, _ := CrewPreset("jelly")
	for _, c := range []struct {
		spec string
		want Crew
	}{
		{"jelly", jelly},
		{"jelly,accounts=50,name=j2", func() Crew { c := jelly; c.Accounts, c.Name = 50, "j2"; return c }()},
		{"jelly,per-account=4", func() Crew { c := jelly; c.Share, c.PerAccount = 0, 4; return c }()},
		{"accounts=40,scripts=paraphrase,network=proxy,ipv6=0.3,devices=0,age=aged,filler=0.2,buyers=0.5,contradict=0.1,timing=even,room-comments=4-7,room-members=5,merchants=0+2-4,days=1",
			Crew{Accounts: 40, Scripts: ScriptsParaphrase, Network: NetProxy, IPv6: 0.3, Age: AgeAged, Filler: 0.2, Buyers: 0.5,
				Contradict: 0.1, Timing: TimingEven, RoomComments: [2]int{4, 7}, RoomMembers: 5, Merchants: []int{0, 2, 3, 4}, Days: []int{1}}},
		{"lowrate,merchants=1", func() Crew { c, _ := CrewPreset("lowrate"); c.Reach, c.Merchants = 0, []int{1}; return c }()},
	} {
		got, err := ParseCrew(c.spec)
		if err != nil {
			t.Errorf("%q: %v", c.spec, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.spec, got, c.want)
		}
	}
	for _, spec := range []string{"", "nosuch", "accounts=4,jelly", "jelly,accounts=x", "jelly,colour=red", "jelly,scripts=copy",
		"jelly,room-comments=7-4", "jelly,merchants=a", "share=0.5"} {
		_, err := ParseCrew(spec)
		if qinglang.Code(err) != qinglang.EINVALID || !strings.Contains(err.Error(), "水军团伙") {
			t.Errorf("%q: got %v, want an invalid spec error", spec, err)
		}
	}
}

func TestPresetsRun(t *testing.T) {
	specs := CrewPresets()
	if len(specs) != 4 {
		t.Fatalf("presets %v", specs)
	}
	specs = append(specs, "jelly")
	crews, err := ParseCrews(specs)
	if err != nil {
		t.Fatal(err)
	}
	if crews[4].Name != "jelly2" {
		t.Errorf("second jelly crew named %q", crews[4].Name)
	}
	_, byCrew, _ := crewEvents(t, Config{Seed: 2, Rooms: 5, Days: 2, Duration: 20 * time.Minute, Crews: crews})
	for _, c := range crews {
		if len(byCrew[c.Name]) == 0 {
			t.Errorf("preset %s posted nothing", c.Name)
		}
	}
}

func TestParseHardCases(t *testing.T) {
	for spec, want := range map[string]HardCases{
		"":                                {},
		"all":                             AllHardCases,
		"chant=1000,nat=60":               {Chant: 1000, NAT: 60},
		"fans=20, reviews":                {LoyalFans: 20, Reviews: true},
		"reviews=false,loyal-fans=5":      {LoyalFans: 5},
		"chant=10,nat=10,fans=10,reviews": {Chant: 10, NAT: 10, LoyalFans: 10, Reviews: true},
	} {
		got, err := ParseHardCases(spec)
		if err != nil || got != want {
			t.Errorf("%q: %+v, %v; want %+v", spec, got, err, want)
		}
	}
	for _, spec := range []string{"chant", "chant=x", "loud=3", "nat=-1", "reviews=maybe"} {
		if _, err := ParseHardCases(spec); qinglang.Code(err) != qinglang.EINVALID {
			t.Errorf("%q: got %v", spec, err)
		}
	}
}
