package evidence

import (
	"cmp"
	"encoding/csv"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// bom is the UTF-8 byte order mark every CSV file begins with: without it
// Excel reads a CSV in the system's legacy code page (GBK on a Chinese
// Windows) and garbles Chinese text. Other readers may need to skip it.
const bom = "\ufeff"

// The CSV headers: English column names, one row.
var (
	findingsHeader = []string{"id", "kind", "rule", "severity", "platform", "room", "ts", "event_ids",
		"accounts", "summary", "summary_en", "basis", "basis_en", "detected_at"}
	transcriptHeader = []string{"platform", "room", "ts", "end_ts", "id", "speaker", "text"}
	commentsHeader   = []string{"platform", "room", "ts", "id", "user", "ip", "device", "text"}
	ordersHeader     = []string{"platform", "room", "ts", "id", "user", "product", "qty", "amount_fen",
		"amount_yuan", "ip", "device"}
	listingsHeader = []string{"platform", "room", "ts", "id", "merchant", "product", "title", "category",
		"brand", "price_fen", "price_yuan", "original_price_fen", "original_price_yuan"}
)

// writeCSV writes the BOM, the header and the rows.
func writeCSV(w io.Writer, header []string, rows iter.Seq[[]string]) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell makes text from the platform or its users (a comment, a title, a
// user name) safe to open in a spreadsheet: a leading =, +, -, @, tab or
// carriage return would start a formula in Excel, so such text gets a
// leading apostrophe. The CSVs are for reading; events.jsonl and
// findings.json keep the text exactly as it came.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// stamp formats a time for the CSVs and JSON-like output: RFC 3339 with
// the offset it was sent with; "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// yuan formats an amount in fen as yuan with two decimals.
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return sign + strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen/10%10, 10) + strconv.FormatInt(fen%10, 10)
}

// byRoomAndTime returns the events of the given types ordered by
// platform, room and time (events at the same instant keep the bundle's
// order).
func byRoomAndTime(events []qinglang.Event, types ...qinglang.EventType) []*qinglang.Event {
	var out []*qinglang.Event
	for i := range events {
		if slices.Contains(types, events[i].Type) {
			out = append(out, &events[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *qinglang.Event) int {
		return cmp.Or(cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Room, b.Room), a.TS.Compare(b.TS))
	})
	return out
}

// rowsOf yields one row per event.
func rowsOf(events []*qinglang.Event, row func(*qinglang.Event) []string) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for _, e := range events {
			if !yield(row(e)) {
				return
			}
		}
	}
}

func writeFindingsCSV(w io.Writer, b *Bundle) error {
	return writeCSV(w, findingsHeader, func(yield func([]string) bool) {
		for _, f := range b.Findings {
			row := []string{cell(f.ID), string(f.Kind), cell(f.Rule), string(f.Severity), cell(f.Platform),
				cell(f.Room), stamp(f.TS), cell(strings.Join(f.EventIDs, " ")), cell(strings.Join(f.Accounts, " ")),
				cell(f.Summary), cell(f.SummaryEN), cell(f.Basis), cell(f.BasisEN), stamp(f.DetectedAt)}
			if !yield(row) {
				return
			}
		}
	})
}

// writeTranscriptCSV writes what was said, by room and time.
func writeTranscriptCSV(w io.Writer, b *Bundle) error {
	return writeCSV(w, transcriptHeader, rowsOf(byRoomAndTime(b.Events, qinglang.Speech), func(e *qinglang.Event) []string {
		end := ""
		if e.EndTS != nil {
			end = stamp(*e.EndTS)
		}
		return []string{cell(e.Platform), cell(e.Room), stamp(e.TS), end, cell(e.ID), cell(e.Speaker), cell(e.Text)}
	}))
}

// writeCommentsCSV writes the viewers' comments, by room and time.
func writeCommentsCSV(w io.Writer, b *Bundle) error {
	return writeCSV(w, commentsHeader, rowsOf(byRoomAndTime(b.Events, qinglang.Comment), func(e *qinglang.Event) []string {
		return []string{cell(e.Platform), cell(e.Room), stamp(e.TS), cell(e.ID), cell(e.User), cell(e.IP),
			cell(e.Device), cell(e.Text)}
	}))
}

// writeOrdersCSV writes the orders, by room and time.
func writeOrdersCSV(w io.Writer, b *Bundle) error {
	return writeCSV(w, ordersHeader, rowsOf(byRoomAndTime(b.Events, qinglang.Order), func(e *qinglang.Event) []string {
		return []string{cell(e.Platform), cell(e.Room), stamp(e.TS), cell(e.ID), cell(e.User), cell(e.Product),
			strconv.FormatInt(e.Qty, 10), strconv.FormatInt(e.AmountFen, 10), yuan(e.AmountFen), cell(e.IP), cell(e.Device)}
	}))
}

// writeListingsCSV writes the listings (and price changes), by room and
// time; a listing without a room comes first on its platform.
func writeListingsCSV(w io.Writer, b *Bundle) error {
	return writeCSV(w, listingsHeader, rowsOf(byRoomAndTime(b.Events, qinglang.Listing), func(e *qinglang.Event) []string {
		origFen, origYuan := "", ""
		if e.OriginalPriceFen != nil {
			origFen, origYuan = strconv.FormatInt(*e.OriginalPriceFen, 10), yuan(*e.OriginalPriceFen)
		}
		return []string{cell(e.Platform), cell(e.Room), stamp(e.TS), cell(e.ID), cell(e.Merchant), cell(e.Product),
			cell(e.Title), string(e.Category), cell(e.Brand), strconv.FormatInt(e.PriceFen, 10), yuan(e.PriceFen),
			origFen, origYuan}
	}))
}
