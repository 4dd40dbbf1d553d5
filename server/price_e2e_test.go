package server_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/detect/pricecheck"
	"github.com/qinglang/qinglang/server"
)

// crossedOut is the hand-made scenario: product p1 sold at ¥328, ¥298 and
// ¥308 on the three days before in room r0, then listed in room r1 at ¥298
// "instead of ¥1980"; product p2 sold at ¥59.90 and listed honestly with
// ¥59.90 crossed out.
var crossedOut = lines(
	orderLine("o1", "r0", "p1", 32800, at(-3*24*time.Hour)),
	orderLine("o2", "r0", "p1", 29800, at(-2*24*time.Hour)),
	orderLine("o3", "r0", "p1", 30800, at(-24*time.Hour)),
	orderLine("o4", "r0", "p2", 5990, at(-24*time.Hour)),
	listingLine("l1", "r1", "p1", 29800, 198000, at(0)),
	listingLine("l2", "r1", "p2", 4990, 5990, at(time.Minute)),
)

// TestCrossedOutPriceThroughServe posts the scenario over HTTP and follows
// the finding through every way the API shows it.
func TestCrossedOutPriceThroughServe(t *testing.T) {
	m := newServer(t)
	checkCrossedOut(t, m, false)
}

// TestCrossedOutPriceOnPostgres is the same with the store on PostgreSQL.
// The orders are committed before the listing is sent: an order and a
// listing arriving together are TestOrdersAndListingsTogetherOnPostgres.
func TestCrossedOutPriceOnPostgres(t *testing.T) {
	cfg, logs := testConfig(t, t.TempDir())
	cfg.DB = postgresSchema(t)
	m := startServer(t, cfg, logs)
	checkCrossedOut(t, m, true)
}

// checkCrossedOut posts the scenario in one request, or (ordersFirst) the
// orders, then once they are processed the listings.
func checkCrossedOut(t *testing.T, m *server.Main, ordersFirst bool) {
	stream := openStream(t, m)
	if ordersFirst {
		ls := strings.Split(strings.TrimSpace(crossedOut), "\n")
		postOK(t, m, lines(ls[:4]...))
		waitProcessed(t, m, 4)
		postOK(t, m, lines(ls[4:]...))
	} else {
		postOK(t, m, crossedOut)
	}

	// Findings are committed with the events they rest on.
	waitProcessed(t, m, 6)
	fs := priceFindings(t, m)
	if len(fs) != 1 {
		t.Fatalf("%d price findings, want exactly 1: %+v", len(fs), fs)
	}
	f := fs[0]
	if f.Rule != pricecheck.Rule || f.Kind != qinglang.KindClaim || f.Room != "r1" || f.Platform != qinglang.DefaultPlatform {
		t.Errorf("finding = %+v", f)
	}
	if !slices.Equal(f.EventIDs, []string{"l1", "o2"}) {
		t.Errorf("event_ids = %v, want [l1 o2] (the listing and the cheapest order)", f.EventIDs)
	}
	if f.Summary == "" || f.Basis == "" || f.ID == "" || f.Severity == "" {
		t.Errorf("finding lacks id, severity, summary or basis: %+v", f)
	}
	var ev pricecheck.Evidence
	if err := json.Unmarshal(f.Evidence, &ev); err != nil {
		t.Fatalf("evidence %s: %v", f.Evidence, err)
	}
	if ev.Order == nil || ev.Order.EventID != "o2" || ev.Order.Room != "r0" || ev.ReferencePrice != 29800 ||
		ev.OriginalPriceFen != 198000 || ev.Reference != "lowest_in_window" {
		t.Errorf("evidence = %s, want the order o2 of room r0 at ¥298 against ¥1980", f.Evidence)
	}

	var one qinglang.Finding
	if code := get(t, m, "/v1/findings/"+url.PathEscape(f.ID), &one); code != http.StatusOK || one.ID != f.ID {
		t.Errorf("GET /v1/findings/%s = %d %+v", f.ID, code, one)
	}
	var room roomPage
	if code := get(t, m, "/v1/rooms/r1", &room); code != http.StatusOK {
		t.Fatalf("GET /v1/rooms/r1 = %d", code)
	}
	if room.Room.Findings != 1 || len(room.Findings) != 1 || room.Findings[0].ID != f.ID {
		t.Errorf("room r1 = %+v with findings %+v, want the one finding", room.Room, room.Findings)
	}
	if room.Room.Events[qinglang.Listing] != 2 {
		t.Errorf("room r1 events = %v, want 2 listings", room.Room.Events)
	}
	if got := roomEvents(t, m, "r0"); got[qinglang.Order] != 4 {
		t.Errorf("room r0 events = %v, want 4 orders", got)
	}

	live := stream.next(t)
	if live.ID != f.ID || live.Rule != pricecheck.Rule || !slices.Equal(live.EventIDs, f.EventIDs) {
		t.Errorf("streamed finding = %+v, want %+v", live, f)
	}
}

// TestLateOrder sends the listing first, when nothing was sold yet, and an
// older order of another room later: the order re-checks the listing.
func TestLateOrder(t *testing.T) {
	m := newServer(t)
	postOK(t, m, lines(listingLine("l1", "r1", "p1", 29800, 198000, at(0))))
	waitProcessed(t, m, 1)
	if fs := priceFindings(t, m); len(fs) != 0 {
		t.Fatalf("a listing of a product never sold raised %+v", fs)
	}
	postOK(t, m, lines(orderLine("o1", "r0", "p1", 29800, at(-2*24*time.Hour))))
	var fs []qinglang.Finding
	waitFor(t, settle, func() string { return fmt.Sprintf("%d price findings after the late order", len(fs)) }, func() bool {
		fs = priceFindings(t, m)
		return len(fs) > 0
	})
	waitProcessed(t, m, 2)
	fs = priceFindings(t, m)
	if len(fs) != 1 || fs[0].Room != "r1" || !slices.Equal(fs[0].EventIDs, []string{"l1", "o1"}) {
		t.Fatalf("findings = %+v, want one about l1 resting on o1", fs)
	}
	// The order that made it is not newer than the listing: one finding,
	// however often it is sent again.
	postOK(t, m, lines(orderLine("o1", "r0", "p1", 29800, at(-2*24*time.Hour))))
	waitProcessed(t, m, 3)
	if fs := priceFindings(t, m); len(fs) != 1 {
		t.Fatalf("%d findings after re-delivering the order, want 1", len(fs))
	}
}

// TestOrdersAndListingsTogether sends, in each POST, orders and listings of
// the same products in different rooms, so that the order and the listing
// of one product are usually handled by two workers at the same time (two
// partitions, two concurrent transactions). Every listing is a fictitious
// price; each must be found whichever transaction commits first.
func TestOrdersAndListingsTogether(t *testing.T) {
	m := newServer(t)
	checkOrdersAndListingsTogether(t, m)
}

// TestOrdersAndListingsTogetherOnPostgres is the same on PostgreSQL, where
// the workers' transactions really run at once.
func TestOrdersAndListingsTogetherOnPostgres(t *testing.T) {
	cfg, logs := testConfig(t, t.TempDir())
	cfg.DB = postgresSchema(t)
	m := startServer(t, cfg, logs)
	checkOrdersAndListingsTogether(t, m)
}

func checkOrdersAndListingsTogether(t *testing.T, m *server.Main) {
	n := 0
	want := map[string]bool{}
	for round := range 20 {
		var ls []string
		for i := range 20 {
			p := fmt.Sprintf("p%d-%d", round, i)
			day := time.Duration(round) * time.Hour
			ls = append(ls,
				orderLine("o"+p, fmt.Sprintf("ra%d", i), p, 1000, at(day-time.Minute)),
				listingLine("l"+p, fmt.Sprintf("rb%d", i), p, 1000, 9000, at(day)))
			want["l"+p] = true
			n += 2
		}
		postOK(t, m, lines(ls...))
	}
	waitProcessed(t, m, n)
	var missed []string
	got := map[string]bool{}
	for _, f := range priceFindings(t, m) {
		got[f.EventIDs[0]] = true
	}
	for id := range want {
		if !got[id] {
			missed = append(missed, id)
		}
	}
	slices.Sort(missed)
	if len(missed) > 0 || len(got) != len(want) {
		t.Errorf("%d of %d fictitious prices found; missed %d, e.g. %v", len(got), len(want), len(missed), missed[:min(5, len(missed))])
	}
}

// postgresSchema returns QINGLANG_TEST_POSTGRES with the search_path set to
// a fresh schema, dropped when the test ends. Without the variable the test
// is skipped, except in CI (CI=true), where it fails.
func postgresSchema(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("QINGLANG_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("QINGLANG_TEST_POSTGRES is not set; CI must run the PostgreSQL tests")
		}
		t.Skip("QINGLANG_TEST_POSTGRES is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("sql.Open: %v", err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "qinglang_server_test_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("CREATE SCHEMA: %v", err)
	}
	// Registered before the server's cleanup, so it runs after the server
	// has shut down and closed its connections.
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("DROP SCHEMA %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("QINGLANG_TEST_POSTGRES is not a URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
