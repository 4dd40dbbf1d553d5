package contract

import (
	"time"

	"github.com/qinglang/qinglang"
)

// field numbers the fields of contract version 1. The order is the
// contract's: common fields first, then each type's fields as its table
// lists them. Validation reports problems in this order.
type field uint8

const (
	fType field = iota
	fTS
	fID
	fPlatform
	fRoom
	fHost
	fOperator
	fMerchant
	fAgency
	fTitle
	fSpeaker
	fText
	fEndTS
	fUser
	fIP
	fDevice
	fProduct
	fQty
	fAmountFen
	fCategory
	fPriceFen
	fOriginalPriceFen
	fBrand
	fCreatedAt
	fFollowers
	fAIHost  // room_start, project addition (Order 117 art. 37)
	fAILabel // room_start, project addition
	numFields
)

// fieldSet is a set of fields, one bit each.
type fieldSet uint32

func (s fieldSet) has(f field) bool { return s&(1<<f) != 0 }

func setOf(fs ...field) fieldSet {
	var s fieldSet
	for _, f := range fs {
		s |= 1 << f
	}
	return s
}

// kind is how a field is encoded and checked.
type kind uint8

const (
	kindID      kind = iota // id-like string, at most MaxIDBytes bytes
	kindText                // free text with a rune limit (text, title)
	kindEnum                // string from a closed list (type, category)
	kindIP                  // IPv4 or IPv6 text
	kindTime                // RFC 3339 time with offset
	kindInt                 // integer stored as int64
	kindOptInt              // optional integer stored as *int64
	kindOptTime             // optional time stored as *time.Time
	kindOptBool             // optional boolean stored as *bool
)

// fieldNames are the JSON names, indexed by field.
var fieldNames = [numFields]string{
	fType: "type", fTS: "ts", fID: "id", fPlatform: "platform", fRoom: "room",
	fHost: "host", fOperator: "operator", fMerchant: "merchant", fAgency: "agency",
	fTitle: "title", fSpeaker: "speaker", fText: "text", fEndTS: "end_ts",
	fUser: "user", fIP: "ip", fDevice: "device", fProduct: "product", fQty: "qty",
	fAmountFen: "amount_fen", fCategory: "category", fPriceFen: "price_fen",
	fOriginalPriceFen: "original_price_fen", fBrand: "brand",
	fCreatedAt: "created_at", fFollowers: "followers",
	fAIHost: "ai_host", fAILabel: "ai_label",
}

// fieldKinds are the kinds, indexed by field.
var fieldKinds = [numFields]kind{
	fType: kindEnum, fTS: kindTime, fID: kindID, fPlatform: kindID, fRoom: kindID,
	fHost: kindID, fOperator: kindID, fMerchant: kindID, fAgency: kindID,
	fTitle: kindText, fSpeaker: kindID, fText: kindText, fEndTS: kindOptTime,
	fUser: kindID, fIP: kindIP, fDevice: kindID, fProduct: kindID, fQty: kindInt,
	fAmountFen: kindInt, fCategory: kindEnum, fPriceFen: kindInt,
	fOriginalPriceFen: kindOptInt, fBrand: kindID,
	fCreatedAt: kindOptTime, fFollowers: kindOptInt,
	fAIHost: kindOptBool, fAILabel: kindOptBool,
}

// isString reports whether the field is a JSON string.
func (k kind) isString() bool { return k <= kindIP || k == kindTime || k == kindOptTime }

// isTime reports whether the field holds a time.
func (k kind) isTime() bool { return k == kindTime || k == kindOptTime }

// intMin is the least value allowed for each integer field.
var intMin = [numFields]int64{fQty: 1}

// lookupField maps a JSON key to its field. The match is exact (case
// sensitive), unlike encoding/json's case-insensitive fallback.
func lookupField(key []byte) (field, bool) {
	switch string(key) {
	case "type":
		return fType, true
	case "ts":
		return fTS, true
	case "id":
		return fID, true
	case "platform":
		return fPlatform, true
	case "room":
		return fRoom, true
	case "host":
		return fHost, true
	case "operator":
		return fOperator, true
	case "merchant":
		return fMerchant, true
	case "agency":
		return fAgency, true
	case "title":
		return fTitle, true
	case "speaker":
		return fSpeaker, true
	case "text":
		return fText, true
	case "end_ts":
		return fEndTS, true
	case "user":
		return fUser, true
	case "ip":
		return fIP, true
	case "device":
		return fDevice, true
	case "product":
		return fProduct, true
	case "qty":
		return fQty, true
	case "amount_fen":
		return fAmountFen, true
	case "category":
		return fCategory, true
	case "price_fen":
		return fPriceFen, true
	case "original_price_fen":
		return fOriginalPriceFen, true
	case "brand":
		return fBrand, true
	case "created_at":
		return fCreatedAt, true
	case "followers":
		return fFollowers, true
	case "ai_host":
		return fAIHost, true
	case "ai_label":
		return fAILabel, true
	}
	return 0, false
}

// typeSpec lists the fields one event type uses, in contract order.
type typeSpec struct {
	fields   []field
	required fieldSet
}

// commonFields every event has (room's requiredness depends on the type).
var commonFields = setOf(fType, fTS, fID, fPlatform, fRoom)

// typeSpecs gives each type its own fields, in the order of
// qinglang.EventTypes. The contract lists ip and device for comments; the
// project also accepts them on orders and accounts (the Event struct
// documents them there), where they feed campaign detection.
var typeSpecs = [...]typeSpec{
	{fields: []field{fHost, fOperator, fMerchant, fAgency, fTitle, fAIHost, fAILabel}, required: setOf(fHost)}, // room_start
	{}, // room_end
	{fields: []field{fSpeaker, fText, fEndTS}, required: setOf(fSpeaker, fText)}, // speech
	{fields: []field{fUser, fText, fIP, fDevice}, required: setOf(fUser, fText)}, // comment
	{fields: []field{fUser, fProduct, fQty, fAmountFen, fIP, fDevice}, // order
		required: setOf(fUser, fProduct, fQty, fAmountFen)},
	{fields: []field{fProduct, fTitle, fMerchant, fCategory, fPriceFen, fOriginalPriceFen, fBrand}, // listing
		required: setOf(fProduct, fTitle, fMerchant, fCategory, fPriceFen)},
	{fields: []field{fUser, fCreatedAt, fFollowers, fIP, fDevice}, required: setOf(fUser, fCreatedAt)}, // account
}

// typeUses caches, per type, the set of fields it uses: the common ones
// and its own.
var typeUses = func() (u [len(typeSpecs)]fieldSet) {
	for i, s := range typeSpecs {
		u[i] = commonFields
		for _, f := range s.fields {
			u[i] |= 1 << f
		}
	}
	return u
}()

// typeIndex returns the index of a type in qinglang.EventTypes, or -1.
func typeIndex(t qinglang.EventType) int {
	switch t {
	case qinglang.RoomStart:
		return 0
	case qinglang.RoomEnd:
		return 1
	case qinglang.Speech:
		return 2
	case qinglang.Comment:
		return 3
	case qinglang.Order:
		return 4
	case qinglang.Listing:
		return 5
	case qinglang.Account:
		return 6
	}
	return -1
}

// specFor returns the spec of a type of the contract.
func specFor(t qinglang.EventType) (*typeSpec, bool) {
	if i := typeIndex(t); i >= 0 {
		return &typeSpecs[i], true
	}
	return nil, false
}

// appliesTo is the set of fields events of type t use; empty for a type
// outside the contract.
func appliesTo(t qinglang.EventType) fieldSet {
	if i := typeIndex(t); i >= 0 {
		return typeUses[i]
	}
	return 0
}

// eventType maps the bytes of a type value to its constant without
// allocating.
func eventType(b []byte) (qinglang.EventType, bool) {
	switch string(b) {
	case "room_start":
		return qinglang.RoomStart, true
	case "room_end":
		return qinglang.RoomEnd, true
	case "speech":
		return qinglang.Speech, true
	case "comment":
		return qinglang.Comment, true
	case "order":
		return qinglang.Order, true
	case "listing":
		return qinglang.Listing, true
	case "account":
		return qinglang.Account, true
	}
	return "", false
}

// strField returns the string field f of ev, or nil when f is not a
// string field.
func strField(ev *qinglang.Event, f field) *string {
	switch f {
	case fID:
		return &ev.ID
	case fPlatform:
		return &ev.Platform
	case fRoom:
		return &ev.Room
	case fHost:
		return &ev.Host
	case fOperator:
		return &ev.Operator
	case fMerchant:
		return &ev.Merchant
	case fAgency:
		return &ev.Agency
	case fTitle:
		return &ev.Title
	case fSpeaker:
		return &ev.Speaker
	case fText:
		return &ev.Text
	case fUser:
		return &ev.User
	case fIP:
		return &ev.IP
	case fDevice:
		return &ev.Device
	case fProduct:
		return &ev.Product
	case fBrand:
		return &ev.Brand
	}
	return nil
}

// intField returns the integer field f of ev: a pointer to it, and for the
// optional ones the pointer field that holds it.
func intField(ev *qinglang.Event, f field) (v *int64, opt **int64) {
	switch f {
	case fQty:
		return &ev.Qty, nil
	case fAmountFen:
		return &ev.AmountFen, nil
	case fPriceFen:
		return &ev.PriceFen, nil
	case fOriginalPriceFen:
		return nil, &ev.OriginalPriceFen
	case fFollowers:
		return nil, &ev.Followers
	}
	return nil, nil
}

// timeField returns the time field f of ev: the value for ts, the pointer
// field for the optional ones.
func timeField(ev *qinglang.Event, f field) (v *time.Time, opt **time.Time) {
	switch f {
	case fTS:
		return &ev.TS, nil
	case fEndTS:
		return nil, &ev.EndTS
	case fCreatedAt:
		return nil, &ev.CreatedAt
	}
	return nil, nil
}

// boolField returns the pointer field that holds the boolean field f of
// ev, or nil when f is not a boolean field.
func boolField(ev *qinglang.Event, f field) **bool {
	switch f {
	case fAIHost:
		return &ev.AIHost
	case fAILabel:
		return &ev.AILabel
	}
	return nil
}
