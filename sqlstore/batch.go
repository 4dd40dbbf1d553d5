package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"hash/fnv"
	"runtime"
	"slices"
	"sync"

	"github.com/qinglang/qinglang"
)

// pending is one event of a batch on its way into the store.
type pending struct {
	i    int            // position in the batch
	ev   qinglang.Event // as given, with the platform set
	ts   int64          // ev.TS in micros
	body string         // ev as JSON
	seq  int64          // events.seq once stored
}

// AddEvents stores a batch of events, each as AddEvent does, in a few
// multi-row statements: added[i] reports whether events[i] (from
// origins[i]) was stored. An event with an id is known by (platform, id)
// and its origin is not kept; an event without one is known by its origin.
// An event whose key was stored before, or appears earlier in the batch,
// is not stored and reports false; nothing of it is written. The events are
// not changed. A batch with an invalid event is an EINVALID error, and
// nothing of it is written.
//
// On PostgreSQL two transactions writing overlapping batches wait for each
// other on the shared keys; if they hold them in opposite orders one fails
// with an EUNAVAILABLE error (a deadlock) and may be retried.
func (t *Tx) AddEvents(ctx context.Context, events []qinglang.Event, origins []string) ([]bool, error) {
	if len(events) != len(origins) {
		return nil, qinglang.Errorf(qinglang.EINVALID, "事件数（%d）与来源数（%d）不一致",
			"the number of events (%d) and of origins (%d) differ", len(events), len(origins))
	}
	for i := range events {
		if err := validate(&events[i], origins[i]); err != nil {
			return nil, err
		}
	}
	added := make([]bool, len(events))
	if len(events) == 0 {
		return added, nil
	}
	// Keep the first event of each key; the key also maps the rows the
	// INSERT returns back to the batch.
	byKey := make(map[string]int, len(events))
	batch := make([]pending, 0, len(events))
	for i := range events {
		p := pending{i: i, ev: events[i]}
		p.ev.Platform = platformOr(p.ev.Platform)
		key := dedupKey(p.ev.Platform, p.ev.ID, origins[i])
		if _, dup := byKey[key]; dup {
			continue
		}
		byKey[key] = len(batch)
		p.ts = micros(p.ev.TS)
		batch = append(batch, p)
	}
	// Encode before taking the database transaction: with one writer at a
	// time (SQLite) the others wait only for the inserts.
	if err := encodeBodies(batch, origins); err != nil {
		return nil, err
	}
	if err := t.open(); err != nil {
		return nil, err
	}
	if err := t.lockProducts(ctx, batch); err != nil {
		return nil, err
	}
	for start := 0; start < len(batch); {
		chunk := batch[start : start+chunkSize(len(batch)-start)]
		if err := t.insertEvents(ctx, chunk, origins, batch, byKey, added); err != nil {
			return nil, err
		}
		start += len(chunk)
	}
	if err := t.addTyped(ctx, batch, added); err != nil {
		return nil, err
	}
	for j := range batch {
		if p := &batch[j]; added[p.i] && p.ev.Room != "" {
			t.noteRoom(&p.ev, p.ts)
		}
	}
	return added, nil
}

// validate checks what the store needs of an event.
func validate(ev *qinglang.Event, origin string) error {
	switch {
	case origin == "":
		return qinglang.Errorf(qinglang.EINVALID, "事件缺少来源（origin）", "the event has no origin")
	case ev.Type == "":
		return qinglang.Errorf(qinglang.EINVALID, "事件缺少类型（来源 %s）", "the event has no type (origin %s)", origin)
	case ev.TS.IsZero():
		return qinglang.Errorf(qinglang.EINVALID, "事件缺少时间 ts（来源 %s）", "the event has no ts (origin %s)", origin)
	}
	return nil
}

// dedupKey is the unique key an event is known by: (platform, id) when it
// has an id, else its origin. The first byte keeps the two kinds apart.
func dedupKey(platform, id, origin string) string {
	if id != "" {
		return "i" + platform + "\x00" + id
	}
	return "o" + origin
}

// parallelEncodeMin is the batch size from which bodies are encoded on
// several goroutines.
const parallelEncodeMin = 256

// encodeBodies sets the JSON body of every event of batch, spreading the
// work over the available CPUs for a large batch.
func encodeBodies(batch []pending, origins []string) error {
	workers := min(runtime.GOMAXPROCS(0), len(batch)/(parallelEncodeMin/2))
	if workers <= 1 {
		return encodeRange(batch, origins)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	per := (len(batch) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, len(batch))
		wg.Go(func() { errs[w] = encodeRange(batch[lo:hi], origins) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func encodeRange(batch []pending, origins []string) error {
	for j := range batch {
		p := &batch[j]
		body, err := json.Marshal(&p.ev)
		if err != nil {
			return qinglang.Wrap(qinglang.EINVALID, err, "事件无法编码为 JSON（来源 %s）",
				"the event cannot be encoded as JSON (origin %s)", origins[p.i])
		}
		p.body = string(body)
	}
	return nil
}

// insertEvents writes chunk (part of batch) in one statement and marks the
// events stored: their seq and added[i].
func (t *Tx) insertEvents(ctx context.Context, chunk []pending, origins []string, batch []pending, byKey map[string]int, added []bool) error {
	args := make([]any, 0, len(chunk)*multiRows[mrEvents].cols)
	for j := range chunk {
		p := &chunk[j]
		var origin any // kept only for an event without an id
		if p.ev.ID == "" {
			origin = origins[p.i]
		}
		args = append(args, p.ev.Platform, p.ev.Room, string(p.ev.Type), p.ts, nullText(p.ev.ID), origin, p.body)
	}
	rows, err := t.multiRowStmt(ctx, mrEvents, len(chunk)).QueryContext(ctx, args...)
	if err != nil {
		return t.s.wrap(err, "写入 %d 个事件失败（来源 %s 起）", "storing %d events failed (from origin %s)", len(chunk), origins[chunk[0].i])
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var platform string
		var id, origin sql.NullString
		if err := rows.Scan(&seq, &platform, &id, &origin); err != nil {
			return t.s.wrap(err, "读取写入的事件失败", "reading the stored events failed")
		}
		j, ok := byKey[dedupKey(platform, id.String, origin.String)]
		if !ok {
			return qinglang.Errorf(qinglang.EINTERNAL, "写入的事件（序号 %d）不在本批中", "a stored event (seq %d) is not of the batch", seq)
		}
		batch[j].seq = seq
		added[batch[j].i] = true
	}
	if err := rows.Err(); err != nil {
		return t.s.wrap(err, "写入 %d 个事件失败（来源 %s 起）", "storing %d events failed (from origin %s)", len(chunk), origins[chunk[0].i])
	}
	return nil
}

// addTyped writes the rows of the stored events' types: orders, listings,
// and accounts (the latest of the batch per user).
func (t *Tx) addTyped(ctx context.Context, batch []pending, added []bool) error {
	var orders, listings []any
	var accounts []*pending
	latest := map[[2]string]int{} // (platform, user) → index in accounts
	for j := range batch {
		p := &batch[j]
		if !added[p.i] {
			continue
		}
		e := &p.ev
		switch e.Type {
		case qinglang.Order:
			_, off := e.TS.Zone()
			orders = append(orders, p.seq, e.Platform, e.Product, p.ts, int64(off), e.UnitPriceFen(), e.Qty, e.AmountFen,
				e.ID, e.Room, e.User)
		case qinglang.Listing:
			listings = append(listings, p.seq, e.Platform, e.Product, p.ts, e.PriceFen, nullInt(e.OriginalPriceFen),
				e.Merchant, string(e.Category), e.Title, e.Brand, e.Room, e.ID)
		case qinglang.Account:
			k := [2]string{e.Platform, e.User}
			if a, ok := latest[k]; !ok {
				latest[k] = len(accounts)
				accounts = append(accounts, p)
			} else if p.ts >= accounts[a].ts { // later in the batch wins a tie
				accounts[a] = p
			}
		}
	}
	if err := t.execRows(ctx, mrOrders, orders); err != nil {
		return t.s.wrap(err, "写入订单失败", "storing the orders failed")
	}
	if err := t.execRows(ctx, mrListings, listings); err != nil {
		return t.s.wrap(err, "写入商品上架记录失败", "storing the listings failed")
	}
	args := make([]any, 0, len(accounts)*multiRows[mrAccounts].cols)
	for _, p := range accounts {
		e := &p.ev
		args = append(args, e.Platform, e.User, p.ts, nullMicros(e.CreatedAt), nullInt(e.Followers), p.seq)
	}
	if err := t.execRows(ctx, mrAccounts, args); err != nil {
		return t.s.wrap(err, "写入账号信息失败", "storing the accounts failed")
	}
	return nil
}

// execRows runs write w over args, the values of whole rows in order, in
// statements of chunkSize rows.
func (t *Tx) execRows(ctx context.Context, w int, args []any) error {
	cols := multiRows[w].cols
	for len(args) > 0 {
		n := chunkSize(len(args) / cols)
		if _, err := t.multiRowStmt(ctx, w, n).ExecContext(ctx, args[:n*cols]...); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

// lockProducts takes the dialect's product locks for every product the
// batch orders or lists, in one sorted order (so that two batches cannot
// deadlock on them). They serialise the transactions that write facts of
// the same product: a transaction writing a listing then waits for one
// writing an order of that product to commit, and reads its row.
func (t *Tx) lockProducts(ctx context.Context, batch []pending) error {
	if t.s.d.ProductLockSQL == "" {
		return nil
	}
	seen := make(map[int64]bool)
	var keys []int64
	for j := range batch {
		ev := &batch[j].ev
		if ev.Type != qinglang.Order && ev.Type != qinglang.Listing {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(ev.Platform))
		h.Write([]byte{0})
		h.Write([]byte(ev.Product))
		if k := int64(h.Sum64()); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	q := t.s.rebind(t.s.d.ProductLockSQL)
	for _, k := range keys {
		if _, err := t.tx.ExecContext(ctx, q, k); err != nil {
			return t.s.wrap(err, "锁定商品事实失败", "locking product facts failed")
		}
	}
	return nil
}
