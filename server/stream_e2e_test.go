package server_test

import (
	"fmt"
	"testing"
	"time"
)

// A stream client that reconnects with Last-Event-ID gets the findings
// stored after that one, oldest first, from the store, then live ones.
func TestStreamResumesAfterLastEventID(t *testing.T) {
	m := newServer(t)
	var ls []string
	for i := range 3 {
		product := fmt.Sprintf("p%d", i)
		ls = append(ls, orderLine(fmt.Sprintf("o%d", i), "r0", product, 29800, at(time.Duration(i)*time.Minute)),
			listingLine(fmt.Sprintf("l%d", i), "r1", product, 29800, 198000, at(24*time.Hour+time.Duration(i)*time.Minute)))
	}
	postOK(t, m, lines(ls...))
	waitFor(t, settle, func() string { return fmt.Sprintf("%d findings", len(priceFindings(t, m))) },
		func() bool { return len(priceFindings(t, m)) == 3 })
	stored := priceFindings(t, m) // newest first
	oldest, middle, newest := stored[2], stored[1], stored[0]

	c := openStreamAfter(t, m, oldest.ID)
	if f := c.next(t); f.ID != middle.ID {
		t.Fatalf("first replayed = %s, want %s (stored after %s)", f.ID, middle.ID, oldest.ID)
	}
	if f := c.next(t); f.ID != newest.ID {
		t.Fatalf("second replayed = %s, want %s", f.ID, newest.ID)
	}
	postOK(t, m, lines(orderLine("o9", "r0", "p9", 1000, at(0)), listingLine("l9", "r1", "p9", 1000, 9900, at(24*time.Hour))))
	if f := c.next(t); len(f.EventIDs) == 0 || f.EventIDs[0] != "l9" {
		t.Fatalf("live finding = %+v, want the one of l9", f)
	}
}
