package sim

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// allClaims returns every false-claim template.
func allClaims() []string {
	out := append([]string(nil), claimsAny...)
	for _, c := range qinglang.Categories {
		out = append(out, claimsByCat[c]...)
	}
	return out
}

// organicLines returns every organic host line of the phrase banks.
func organicLines() []string {
	var out []string
	for _, b := range [][]string{sayGreeting, sayIntro, sayPrice, sayPriceHonest, sayPriceFake, sayFlash,
		sayLaunch, sayRevert, sayCTA, sayLottery, sayChantCue, sayFiller, sayClosing} {
		out = append(out, b...)
	}
	for _, c := range catalog {
		out = append(out, c.talk...)
	}
	return out
}

// claimPatterns match a whole claim segment: a claim, or a run of its
// comma-separated parts, placeholders matching any goods or brand.
func claimPatterns() []*regexp.Regexp {
	ph := regexp.MustCompile(`\\\{[a-z]\\\}`)
	var out []*regexp.Regexp
	for _, c := range allClaims() {
		parts := strings.Split(c, "，")
		for i := range parts {
			for j := i; j < len(parts); j++ {
				q := ph.ReplaceAllString(regexp.QuoteMeta(strings.Join(parts[i:j+1], "，")), ".*")
				out = append(out, regexp.MustCompile("^"+q+"$"))
			}
		}
	}
	return out
}

func isClaimSegment(text string, pats []*regexp.Regexp) bool {
	for _, p := range pats {
		if p.MatchString(text) {
			return true
		}
	}
	return false
}

func TestClaimBank(t *testing.T) {
	claims := allClaims()
	if len(claims) < 30 || len(claims) > 50 {
		t.Errorf("%d false claims, want 30..50", len(claims))
	}
	for c := range claimsByCat {
		if !c.Known() {
			t.Errorf("unknown category %q", c)
		}
	}
	if len(claimsByCat[qinglang.CatDrug]) > 0 {
		t.Error("disease claims are lawful for drugs: no drug-specific claims")
	}
	seen := map[string]bool{}
	for _, c := range claims {
		if seen[c] {
			t.Errorf("duplicate claim %q", c)
		}
		seen[c] = true
		if n := utf8.RuneCountInString(c); n < minSeg || n > maxSeg-8 {
			t.Errorf("claim %q: %d characters", c, n)
		}
	}
	pieces := claimPatterns()
	for _, o := range organicLines() {
		if seen[o] {
			t.Errorf("organic line %q is in the false-claim bank", o)
		}
		if isClaimSegment(o, pieces) {
			t.Errorf("organic line %q matches a false claim", o)
		}
	}
}

// claimRun returns the speech segments of a run, the claim labels and
// whether any other label pointed at a speech segment.
func claimRun(t *testing.T, cfg Config) (speech []*qinglang.Event, claims map[string]Label) {
	t.Helper()
	evs, labels := run(t, cfg)
	claims = map[string]Label{}
	for _, l := range labels {
		if l.Kind != LabelClaim {
			continue
		}
		if !l.Fake {
			t.Fatalf("claim label not fake: %+v", l)
		}
		if _, dup := claims[l.EventID]; dup {
			t.Fatalf("two labels for %s", l.EventID)
		}
		claims[l.EventID] = l
	}
	for _, ev := range evs {
		if ev.Type == qinglang.Speech {
			speech = append(speech, ev)
		}
	}
	return speech, claims
}

func TestFalseClaims(t *testing.T) {
	pieces := claimPatterns()
	for _, tc := range []struct {
		share  float64
		lo, hi float64
	}{
		{0, 0.012, 0.07},
		{0.2, 0.1, 0.35},
		{-1, 0, 0},
	} {
		cfg := Config{Seed: 21, Rooms: 12, Duration: 2 * time.Hour, FalseClaimShare: tc.share}
		speech, claims := claimRun(t, cfg)
		byID := map[string]*qinglang.Event{}
		split := 0
		last := map[string]*qinglang.Event{} // room -> previous segment
		for _, ev := range speech {
			byID[ev.ID] = ev
			_, labelled := claims[ev.ID]
			if isClaimSegment(ev.Text, pieces) != labelled {
				t.Fatalf("share %v: segment %q labelled %v", tc.share, ev.Text, labelled)
			}
			if prev := last[ev.Room]; labelled && prev != nil && ev.TS.Sub(*prev.EndTS) < 2*time.Second {
				// a claim cut in two, not two claims in a row
				if _, ok := claims[prev.ID]; ok && isClaimSegment(prev.Text+"，"+ev.Text, pieces) {
					split++
				}
			}
			last[ev.Room] = ev
		}
		for id, l := range claims {
			ev := byID[id]
			if ev == nil {
				t.Fatalf("claim label %s names no speech segment", id)
			}
			if l.Room != ev.Room || l.Platform != ev.Platform || !l.TS.Equal(ev.TS) || l.Product == "" {
				t.Fatalf("label %+v does not match its segment %+v", l, ev)
			}
		}
		got := float64(len(claims)) / float64(len(speech))
		t.Logf("share %v: %d of %d segments are false claims (%.3f), %d split pairs", tc.share, len(claims), len(speech), got, split)
		if got < tc.lo || got > tc.hi {
			t.Errorf("share %v: %.3f of segments are claims, want %.3f..%.3f", tc.share, got, tc.lo, tc.hi)
		}
		if tc.share == 0.2 && split == 0 {
			t.Error("no claim cut across two segments")
		}
	}
}

func TestFalseClaimsDeterministic(t *testing.T) {
	cfg := small
	cfg.FalseClaimShare = 0.1
	var la, lb []Label
	cfg.Labels = func(l Label) { la = append(la, l) }
	a := jsonl(t, cfg)
	cfg.Labels = func(l Label) { lb = append(lb, l) }
	b := jsonl(t, cfg)
	if !bytes.Equal(a, b) || !reflect.DeepEqual(la, lb) {
		t.Fatal("two runs of one config differ")
	}
	claims := 0
	for _, l := range la {
		if l.Kind == LabelClaim {
			claims++
		}
	}
	if claims == 0 {
		t.Fatal("no false claims")
	}
}

func TestFalseClaimShareLimit(t *testing.T) {
	err := Generate(Config{Rooms: 1, FalseClaimShare: 0.9}, func(*qinglang.Event) error { return nil })
	if qinglang.Code(err) != qinglang.EINVALID {
		t.Fatalf("got %v, want an invalid-config error", err)
	}
}
