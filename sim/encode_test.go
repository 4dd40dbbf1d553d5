package sim

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// stdlib encodes ev as encoding/json does in WriteJSONL's place.
func stdlib(t *testing.T, ev *qinglang.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ev); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func TestAppendEventMatchesEncodingJSON(t *testing.T) {
	evs, _ := run(t, Config{Seed: 21, Rooms: 3, Days: 2, Duration: 20 * time.Minute})
	end := time.Date(2025, 6, 12, 20, 0, 1, 500_000_000, time.FixedZone("", -5*3600))
	zero, big := int64(0), int64(-7)
	evs = append(evs,
		&qinglang.Event{Type: qinglang.Comment, TS: end, Text: "a\"b\\c\n\t\r\x01\x1f<>&\u2028\u2029 \xff\xfe好", User: "u\x00"},
		&qinglang.Event{Type: qinglang.Listing, TS: end.UTC(), OriginalPriceFen: &zero, Followers: &big, EndTS: &end, CreatedAt: &end},
		&qinglang.Event{},
	)
	for _, ev := range evs {
		want := stdlib(t, ev)
		if got := appendEvent(nil, ev); !bytes.Equal(got, want) {
			t.Fatalf("appendEvent:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}
