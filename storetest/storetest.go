// Package storetest is the conformance suite every qinglang.Store passes.
// Engines call Run from their tests with a function that opens a fresh,
// empty store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) qinglang.Store { return openEmpty(t) })
//	}
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

// Run runs every conformance test against stores made by open, one fresh
// empty store per subtest. Run closes each store when its subtest ends, so
// open must not (it may register its own cleanup, e.g. dropping a schema,
// which then runs after the close). The suite reads through the store only
// while none of its transactions is open, so that a store of one
// connection (SQLite ":memory:") passes too.
func Run(t *testing.T, open func(t *testing.T) qinglang.Store) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			// A deadline turns a hang (a read waiting for a connection an
			// open transaction holds) into a failure.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			t.Cleanup(cancel)
			tc.run(&fixture{t: t, s: s, ctx: ctx})
		})
	}
}

// cases lists the conformance tests in the order they run.
var cases = []struct {
	name string
	run  func(f *fixture)
}{
	{"Ping", testPing},
	{"AddEventRejectsBadInput", testAddEventRejectsBadInput},
	{"AddEventIdempotentByID", testAddEventIdempotentByID},
	{"AddEventIdempotentByOrigin", testAddEventIdempotentByOrigin},
	{"DuplicateStoresNothingElse", testDuplicateStoresNothingElse},
	{"DuplicateAcrossTransactions", testDuplicateAcrossTransactions},
	{"RollbackDiscards", testRollbackDiscards},
	{"DefaultPlatform", testDefaultPlatform},
	{"FactsSeeOwnWrites", testFactsSeeOwnWrites},
	{"LowestOrderWindow", testLowestOrderWindow},
	{"LastOrderBefore", testLastOrderBefore},
	{"UserOrders", testUserOrders},
	{"RoomOrders", testRoomOrders},
	{"AddFindingDedup", testAddFindingDedup},
	{"FindingNotFound", testFindingNotFound},
	{"FindingsFilters", testFindingsFilters},
	{"FindingsPaging", testFindingsPaging},
	{"FindingsLimitAndCursorValidation", testFindingsValidation},
	{"FindingsAfter", testFindingsAfter},
	{"RoomSummary", testRoomSummary},
	{"RoomAcrossTransactions", testRoomAcrossTransactions},
	{"RoomsOrderFiltersPaging", testRooms},
	{"RoomsValidation", testRoomsValidation},
	{"EventsFilterOrderAndOffset", testEvents},
	{"ListingsHistory", testListings},
	{"AccountLatest", testAccountLatest},
	{"ConcurrentDuplicateByID", testConcurrentDuplicateByID},
	{"ConcurrentDuplicateByOrigin", testConcurrentDuplicateByOrigin},
	{"AddEventsRejectsBadInput", testAddEventsRejectsBadInput},
	{"AddEventsMixedDuplicates", testAddEventsMixedDuplicates},
	{"AddEventsLargeBatch", testAddEventsLargeBatch},
	{"ConcurrentOverlappingBatches", testConcurrentOverlappingBatches},
	{"ComparedListings", testComparedListings},
	{"ComparedListingsOwnWritesAndLimit", testComparedListingsOwnWritesAndLimit},
	{"PutFindingInsertReplaceNoop", testPutFindingInsertReplaceNoop},
	{"PutFindingOrderAndAfter", testPutFindingOrderAndAfter},
	{"PutFindingRejectsBadInput", testPutFindingRejectsBadInput},
	{"PutFindingRollback", testPutFindingRollback},
	{"PutCampaignAndRead", testPutCampaignAndRead},
	{"CampaignNotFound", testCampaignNotFound},
	{"PutCampaignRejectsBadInput", testPutCampaignRejectsBadInput},
	{"CampaignsFilters", testCampaignsFilters},
	{"CampaignsPaging", testCampaignsPaging},
	{"AddSpotCheckAndRead", testAddSpotCheckAndRead},
	{"SpotCheckNotFound", testSpotCheckNotFound},
	{"AddSpotCheckRejectsBadInput", testAddSpotCheckRejectsBadInput},
	{"LatestSpotCheck", testLatestSpotCheck},
	{"ProductListings", testProductListings},
	{"SpotChecksFiltersAndPaging", testSpotChecksFiltersAndPaging},
	{"SpotChecksLimitAndCursorValidation", testSpotChecksValidation},
	{"ScanEventsOrderAndFilters", testScanEventsOrderAndFilters},
	{"EventMark", testEventMark},
	{"ScanEventsValidation", testScanEventsValidation},
	{"PutRecordAndRead", testPutRecordAndRead},
	{"RecordNotFound", testRecordNotFound},
	{"PutRecordRejectsBadInput", testPutRecordRejectsBadInput},
	{"GetRecordOwnWrites", testGetRecordOwnWrites},
	{"GetRecordSerialisesWriters", testGetRecordSerialisesWriters},
	{"RecordsFilters", testRecordsFilters},
	{"RecordsPaging", testRecordsPaging},
	{"LinkFinding", testLinkFinding},
	{"AppendAuditChain", testAppendAuditChain},
	{"AppendAuditRejects", testAppendAuditRejects},
	{"ConcurrentAppendAudit", testConcurrentAppendAudit},
	{"DeleteRecord", testDeleteRecord},
	{"PurgeEvidence", testPurgeEvidence},
	{"PurgeRoomAcrossCut", testPurgeRoomAcrossCut},
	{"PurgeKeepsHeldAccount", testPurgeKeepsHeldAccount},
	{"PurgeManyBatches", testPurgeManyBatches},
}

// cst is China Standard Time as events carry it: +08:00.
var cst = time.FixedZone("", 8*3600)

// t0 is the start of the broadcasts the tests describe.
var t0 = time.Date(2025, 6, 12, 20, 0, 0, 0, cst)

// at returns t0 plus d.
func at(d time.Duration) time.Time { return t0.Add(d) }

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// fixture is one subtest with its store.
type fixture struct {
	t      *testing.T
	s      qinglang.Store
	ctx    context.Context
	origin atomic.Int64
}

// nextOrigin returns an origin no other event of the subtest has.
func (f *fixture) nextOrigin() string {
	return fmt.Sprintf("test:%d", f.origin.Add(1))
}

// begin starts a transaction that is rolled back if the test ends with it
// open.
func (f *fixture) begin() qinglang.Tx {
	f.t.Helper()
	tx, err := f.s.Begin(f.ctx)
	if err != nil {
		f.t.Fatalf("Begin: %v", err)
	}
	f.t.Cleanup(func() { _ = tx.Rollback() })
	return tx
}

// commit commits tx or fails the test.
func (f *fixture) commit(tx qinglang.Tx) {
	f.t.Helper()
	if err := tx.Commit(); err != nil {
		f.t.Fatalf("Commit: %v", err)
	}
}

// addIn adds ev in tx with a fresh origin and returns whether it was added.
func (f *fixture) addIn(tx qinglang.Tx, ev qinglang.Event) bool {
	f.t.Helper()
	added, err := tx.AddEvent(f.ctx, &ev, f.nextOrigin())
	if err != nil {
		f.t.Fatalf("AddEvent(%s %s): %v", ev.Type, ev.ID, err)
	}
	return added
}

// add stores events in one committed transaction, each of which must be
// new.
func (f *fixture) add(events ...qinglang.Event) {
	f.t.Helper()
	tx := f.begin()
	for _, ev := range events {
		if !f.addIn(tx, ev) {
			f.t.Fatalf("AddEvent(%s %s) = false for a new event", ev.Type, ev.ID)
		}
	}
	f.commit(tx)
}

// addFindings stores findings in one committed transaction, each of which
// must be new, and returns them as stored (ID and DetectedAt set).
func (f *fixture) addFindings(fs ...qinglang.Finding) []qinglang.Finding {
	f.t.Helper()
	tx := f.begin()
	out := make([]qinglang.Finding, len(fs))
	for i := range fs {
		out[i] = fs[i]
		added, err := tx.AddFinding(f.ctx, &out[i])
		if err != nil {
			f.t.Fatalf("AddFinding(%s): %v", fs[i].Rule, err)
		}
		if !added {
			f.t.Fatalf("AddFinding(%s %s) = false for a new finding", fs[i].Rule, fs[i].DedupKey)
		}
	}
	f.commit(tx)
	return out
}

// events reads events with the filter or fails the test.
func (f *fixture) events(flt qinglang.EventFilter) []qinglang.Event {
	f.t.Helper()
	evs, err := f.s.Events(f.ctx, flt)
	if err != nil {
		f.t.Fatalf("Events(%+v): %v", flt, err)
	}
	return evs
}

// wantCode fails the test unless err carries code.
func wantCode(t *testing.T, what string, err error, code qinglang.ErrorCode) {
	t.Helper()
	if qinglang.Code(err) != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, qinglang.Code(err), code)
	}
	var qe *qinglang.Error
	if err != nil && errors.As(err, &qe) && (qe.Message == "" || qe.MessageEN == "") {
		t.Errorf("%s: error %v lacks its Chinese or English message", what, err)
	}
}

// jsonOf marshals v for comparisons that must be exact to the byte.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(b)
}

// ids returns the ids of events.
func ids(evs []qinglang.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.ID
	}
	return out
}

// sameStrings reports whether a and b hold the same strings in order.
func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testPing(f *fixture) {
	if err := f.s.Ping(f.ctx); err != nil {
		f.t.Fatalf("Ping: %v", err)
	}
}
