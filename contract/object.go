package contract

import (
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// span locates a decoded string in decoder.arena.
type span struct{ start, end int32 }

// decoder turns one JSON object into an Event. It is reused from event to
// event: its buffers grow to the largest event seen and stay. Every string
// field of an event is decoded into arena and the event's strings are
// slices of one string made from it, so a typical event costs one
// allocation for all its strings.
type decoder struct {
	scanner
	arena  []byte // decoded string values of the current event
	keyBuf []byte // decoded current key

	seen   fieldSet // fields whose last occurrence held a value (not null)
	spans  [numFields]span
	ints   [numFields]int64
	times  [numFields]time.Time
	probs  [numFields]*Problem // per field, the problem of its last occurrence
	probAt [numFields]int
	bad    fieldSet // fields with a problem in probs

	extra   *Problem // invalid UTF-8 anywhere (any field, any key): always reported
	extraAt int
}

var decoders = sync.Pool{New: func() any { return new(decoder) }}

// DecodeEvent decodes and validates one JSON object (a NATS message, one
// line). Surrounding whitespace is allowed; anything else around the
// object is an error. The returned Problem has Line and Index unset.
//
// Beyond what Validate checks, the JSON itself must hold: the event is at
// most qinglang.MaxEventBytes; every field has its JSON type (a string
// field given a number is an error naming the field; integer fields take
// integer literals only, so 1.5 and 1e3 are errors); ts, end_ts and
// created_at are RFC 3339 times with an offset, which the time keeps;
// every string, in known and unknown fields and in keys, is valid UTF-8;
// required amount_fen and price_fen are present (0 is a value).
//
// Unknown fields are ignored whatever they hold, and so are fields of the
// contract the event's type does not use (a "qty" on a comment): they are
// neither checked nor kept. null in a field is the same as leaving it out.
// Keys match exactly (encoding/json would also match "TYPE"). When a key
// occurs twice, the last occurrence counts, as with encoding/json, except
// that a last null clears the field here where encoding/json would keep
// the earlier value.
func DecodeEvent(b []byte) (qinglang.Event, *Problem) {
	d := decoders.Get().(*decoder)
	var ev qinglang.Event
	p := d.decode(b, &ev)
	d.release()
	decoders.Put(d)
	if p != nil {
		return qinglang.Event{}, p
	}
	return ev, nil
}

// release drops references into the last input so a pooled decoder does
// not keep it alive.
func (d *decoder) release() {
	d.b = nil
	d.extra = nil
	for f := field(0); d.bad != 0; f++ {
		if d.bad.has(f) {
			d.probs[f] = nil
			d.bad &^= 1 << f
		}
	}
}

// decode decodes and validates one event object into ev, which must be
// zero. After a problem, ev holds garbage.
func (d *decoder) decode(b []byte, ev *qinglang.Event) *Problem {
	if len(b) > qinglang.MaxEventBytes {
		return tooLarge(len(b))
	}
	d.reset(b)
	if !d.ws() {
		return newProblem("", "空事件（没有 JSON 对象）", "empty event (no JSON object)")
	}
	if d.b[d.pos] != '{' {
		return d.notObject()
	}
	if !d.object() {
		return d.withID(d.syntaxProblem())
	}
	if d.ws() {
		d.fail(d.pos, "对象之后还有多余内容", "unexpected data after the object")
		return d.withID(d.syntaxProblem())
	}
	return d.finish(ev)
}

// reset prepares the decoder for input b.
func (d *decoder) reset(b []byte) {
	d.b, d.pos, d.badUTF8, d.err = b, 0, false, syntaxError{}
	d.stack, d.depth0 = d.stack[:0], 1
	d.arena = d.arena[:0]
	d.seen = 0
	d.release()
	d.b = b
}

// tooLarge is the problem of an event over qinglang.MaxEventBytes.
func tooLarge(n int) *Problem {
	max := strconv.Itoa(qinglang.MaxEventBytes)
	return newProblem("",
		"事件超过 "+max+" 字节（"+strconv.Itoa(n)+" 字节）",
		"event larger than "+max+" bytes ("+strconv.Itoa(n)+" bytes)")
}

// notObject explains why input that does not start with '{' is rejected:
// it is another JSON value, or no JSON at all.
func (d *decoder) notObject() *Problem {
	c := d.b[d.pos]
	d.depth0 = 0
	if d.skip() && !d.ws() {
		zh, en := jsonKind(c)
		return newProblem("", "事件必须是 JSON 对象，而不是"+zh, "an event must be a JSON object, not "+en)
	}
	if d.err.zh == "" { // skip succeeded but more followed
		d.fail(d.pos, "事件必须是一个 JSON 对象", "an event must be one JSON object")
	}
	return d.syntaxProblem()
}

// syntaxProblem turns the scanner's error into a problem about the whole
// event.
func (d *decoder) syntaxProblem() *Problem {
	at := strconv.Itoa(d.err.at + 1)
	p := newProblem("", "JSON 格式错误（第 "+at+" 字节）："+d.err.zh, "malformed JSON at byte "+at+": "+d.err.en)
	d.err = syntaxError{}
	return p
}

// object reads the event object at d.pos (a '{') into the decoder's
// per-field state.
func (d *decoder) object() bool {
	d.pos++
	if !d.ws() {
		return d.failEOF()
	}
	if d.b[d.pos] == '}' {
		d.pos++
		return true
	}
	for {
		keyAt := d.pos
		d.badUTF8 = false
		key, ok := d.key(&d.keyBuf)
		if !ok {
			return false
		}
		if d.badUTF8 {
			d.addExtra(keyAt, newProblem("", "字段名含有无效的 UTF-8 字节", "an object key contains invalid UTF-8"))
		}
		if !d.ws() {
			return d.failEOF()
		}
		valueAt := d.pos
		d.badUTF8 = false
		if f, known := lookupField(key); known {
			ok = d.value(f)
		} else {
			ok = d.skip()
		}
		if !ok {
			return false
		}
		if d.badUTF8 {
			d.addExtra(valueAt, badUTF8(string(key)))
		}
		if !d.ws() {
			return d.failEOF()
		}
		switch d.b[d.pos] {
		case ',':
			d.pos++
			if !d.ws() {
				return d.failEOF()
			}
		case '}':
			d.pos++
			return true
		default:
			return d.failExpect(" ',' 或 '}'", "',' or '}'")
		}
	}
}

// addExtra keeps the first problem found outside the per-field checks.
func (d *decoder) addExtra(at int, p *Problem) {
	if d.extra == nil {
		d.extra, d.extraAt = p, at
	}
}

// setProblem records the problem of the current occurrence of field f.
func (d *decoder) setProblem(f field, at int, zh, en string) {
	d.probs[f] = newProblem(fieldNames[f], zh, en)
	d.probAt[f] = at
	d.bad |= 1 << f
	d.seen &^= 1 << f
}

// setOK records that the current occurrence of field f holds a value.
func (d *decoder) setOK(f field) {
	d.seen |= 1 << f
	if d.bad.has(f) {
		d.probs[f] = nil
		d.bad &^= 1 << f
	}
}

// value reads the value of a known field at d.pos.
func (d *decoder) value(f field) bool {
	at := d.pos
	c := d.b[at]
	if c == 'n' {
		if !d.literal() {
			return false
		}
		d.seen &^= 1 << f // null: as if absent
		if d.bad.has(f) {
			d.probs[f] = nil
			d.bad &^= 1 << f
		}
		return true
	}
	k := fieldKinds[f]
	if k.isString() {
		if c != '"' {
			gotZH, gotEN := jsonKind(c)
			if k.isTime() {
				d.setProblem(f, at, "必须是 RFC 3339 时间字符串（收到"+gotZH+"）", "must be an RFC 3339 time string (got "+gotEN+")")
			} else {
				d.setProblem(f, at, "必须是字符串（收到"+gotZH+"）", "must be a string (got "+gotEN+")")
			}
			return d.skip()
		}
		start := len(d.arena)
		var ok bool
		if d.arena, ok = d.str(d.arena, true); !ok {
			return false
		}
		if k.isTime() {
			t, terr := parseTime(d.arena[start:])
			if terr != timeOK {
				zh, en := timeReason(terr, d.arena[start:])
				d.setProblem(f, at, zh, en)
			} else {
				d.times[f] = t
				d.setOK(f)
			}
			d.arena = d.arena[:start]
			return true
		}
		d.spans[f] = span{int32(start), int32(len(d.arena))}
		d.setOK(f)
		return true
	}
	if k == kindOptBool {
		if c != 't' && c != 'f' {
			gotZH, gotEN := jsonKind(c)
			d.setProblem(f, at, "必须是布尔值 true 或 false（收到"+gotZH+"）", "must be a boolean, true or false (got "+gotEN+")")
			return d.skip()
		}
		if !d.literal() {
			return false
		}
		d.ints[f] = 0
		if c == 't' {
			d.ints[f] = 1
		}
		d.setOK(f)
		return true
	}
	// An integer field.
	if c != '-' && (c < '0' || c > '9') {
		zh, en := intReason(f)
		gotZH, gotEN := jsonKind(c)
		d.setProblem(f, at, zh+"（收到"+gotZH+"）", en+" (got "+gotEN+")")
		return d.skip()
	}
	end, isInt, ok := d.number()
	if !ok {
		return false
	}
	lit := d.b[at:end]
	if !isInt {
		zh, en := intReason(f)
		d.setProblem(f, at, zh+"（收到 "+string(lit)+"）", en+" (got "+string(lit)+")")
		return true
	}
	v, fits := parseInt64(lit)
	if !fits {
		d.setProblem(f, at, "超出 64 位整数范围（收到 "+string(lit)+"）", "out of the 64-bit integer range (got "+string(lit)+")")
		return true
	}
	d.ints[f] = v
	d.setOK(f)
	return true
}

// finish checks the decoded fields and fills ev.
func (d *decoder) finish(ev *qinglang.Event) *Problem {
	if d.bad.has(fType) {
		return d.withID(d.probs[fType])
	}
	var uses fieldSet
	if d.seen.has(fType) {
		tb := d.arena[d.spans[fType].start:d.spans[fType].end]
		t, known := eventType(tb)
		if !known {
			t = qinglang.EventType(tb)
		}
		ev.Type = t
		uses = appliesTo(t)
	}
	if uses == 0 {
		_, p := specOf(ev.Type, d.seen.has(fType))
		return d.withID(p)
	}

	// The earliest problem the JSON had in a field the type uses, or
	// invalid UTF-8 anywhere.
	best, bestAt := d.extra, d.extraAt
	for bad := d.bad & uses; bad != 0; {
		f := lowest(bad)
		bad &^= 1 << f
		if best == nil || d.probAt[f] < bestAt {
			best, bestAt = d.probs[f], d.probAt[f]
		}
	}
	if best != nil {
		return d.withID(best)
	}

	seen := d.seen & uses
	if set := seen & stringFields; set != 0 {
		all := string(d.arena)
		for ; set != 0; set &= set - 1 {
			f := lowest(set)
			sp := d.spans[f]
			*strField(ev, f) = all[sp.start:sp.end]
		}
		if seen.has(fCategory) {
			sp := d.spans[fCategory]
			ev.Category = qinglang.Category(all[sp.start:sp.end])
		}
	}
	if seen.has(fTS) {
		ev.TS = d.times[fTS]
	}
	if seen&otherFields != 0 {
		d.fillOthers(ev, seen)
	}
	return d.withID(validate(ev, seen, true))
}

// fillOthers copies the decoded integers, booleans and optional times
// into ev.
func (d *decoder) fillOthers(ev *qinglang.Event, seen fieldSet) {
	for set := seen & otherFields; set != 0; set &= set - 1 {
		f := lowest(set)
		if fieldKinds[f].isTime() {
			t := d.times[f]
			_, opt := timeField(ev, f)
			*opt = &t
			continue
		}
		if b := boolField(ev, f); b != nil {
			v := d.ints[f] == 1
			*b = &v
			continue
		}
		v, opt := intField(ev, f)
		if v != nil {
			*v = d.ints[f]
		} else {
			n := d.ints[f]
			*opt = &n
		}
	}
}

// stringFields are the fields copied from the arena: every string field
// but type, category and the times. otherFields are the integers and the
// optional times.
var stringFields, otherFields = func() (str, other fieldSet) {
	for f := field(0); f < numFields; f++ {
		switch k := fieldKinds[f]; {
		case k == kindInt || k == kindOptInt || k == kindOptTime || k == kindOptBool:
			other |= 1 << f
		case k == kindID || k == kindText || k == kindIP:
			str |= 1 << f
		}
	}
	return str, other
}()

// lowest returns the lowest field in a non-empty set.
func lowest(s fieldSet) field { return field(bits.TrailingZeros32(uint32(s))) }

// withID adds the event's id to p when the id was read and is usable.
// A nil p stays nil.
func (d *decoder) withID(p *Problem) *Problem {
	if p == nil || !d.seen.has(fID) {
		return p
	}
	id := d.arena[d.spans[fID].start:d.spans[fID].end]
	if len(id) > 0 && len(id) <= qinglang.MaxIDBytes && utf8.Valid(id) {
		p.ID = string(id)
	}
	return p
}
