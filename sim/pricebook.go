package sim

import "strconv"

// week is the look-back window of the pricing rule (明码标价和禁止价格欺诈规定):
// a crossed-out price must not exceed the lowest transaction price in the
// seven days before the listing, in milliseconds.
const week = 7 * 24 * 60 * 60 * 1000

// sale is one transaction price of a product at a time (unix milliseconds).
type sale struct {
	at    int64
	price int64
}

// priceHist is the order history of one product on one platform, kept
// small: a "suffix-minimum staircase" of the last seven days, and the last
// sale. Every entry of stair is cheaper than every sale after it, so the
// lowest price of all sales since a time is the first entry at or after
// that time. Entries are strictly increasing in both time and price; the
// staircase holds one entry per distinct rising price level, which keeps it
// short whatever the number of orders.
type priceHist struct {
	stair []sale
	last  sale
	sold  bool
}

// record adds a sale. Sales must be recorded in time order.
func (h *priceHist) record(at, price int64) {
	n := len(h.stair)
	for n > 0 && h.stair[n-1].price >= price {
		n--
	}
	h.stair = append(h.stair[:n], sale{at, price})
	// Entries older than a week before this sale can no longer start a
	// window: every later query is at or after at. Keep the last one.
	cut := 0
	for cut < len(h.stair)-1 && h.stair[cut].at < at-week {
		cut++
	}
	if cut > 0 {
		h.stair = append(h.stair[:0], h.stair[cut:]...)
	}
	h.last = sale{at, price}
	h.sold = true
}

// reference returns the price the rule compares a crossed-out price at t
// with: the lowest unit price of sales in [t-7d, t), or, with none in the
// window, the last sale before t. ok is false when the product never sold.
// Every recorded sale must be before t.
func (h *priceHist) reference(t int64) (price int64, ok bool) {
	if !h.sold {
		return 0, false
	}
	from := t - week
	for _, s := range h.stair {
		if s.at >= from {
			return s.price, true
		}
	}
	return h.last.price, true
}

// yuan formats fen as a host says a price: 5990 -> "59.9", 29800 -> "298",
// 5999 -> "59.99".
func yuan(fen int64) string {
	s := strconv.FormatInt(fen/100, 10)
	c := fen % 100
	switch {
	case c == 0:
		return s
	case c%10 == 0:
		return s + "." + strconv.FormatInt(c/10, 10)
	case c < 10:
		return s + ".0" + strconv.FormatInt(c, 10)
	}
	return s + "." + strconv.FormatInt(c, 10)
}

// nicePrice rounds a price in fen to one a shop would show: 59.9, 79.9,
// 128, 298, 1980. It never returns less than 1 yuan.
func nicePrice(fen int64) int64 {
	switch {
	case fen < 100:
		return 100 - 10 // 0.9 yuan
	case fen < 10000: // under 100 yuan: x9.9 or x4.9
		p := (fen+250)/500*500 - 10
		return max(p, 90)
	case fen < 100000: // under 1000 yuan: xx8 or xx9
		return (fen+500)/1000*1000 - 200
	}
	return (fen+5000)/10000*10000 - 2000 // 1980, 2980, ...
}

// inflate returns a crossed-out price far above ref, the way a fake one
// looks ("原价1980现价298"): factor times ref, rounded to a nice number,
// always above ref.
func inflate(ref int64, factor float64) int64 {
	p := nicePrice(int64(float64(ref) * factor))
	for p <= ref {
		p = nicePrice(p*2 + 100)
	}
	return p
}
