package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// Genesis is the Prev of the first entry of every chain: 64 zeros, as wide
// as a hash.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// EncodingTag is the first field of the hash encoding. It names the
// encoding's version; a new encoding gets a new tag.
const EncodingTag = "qinglang-audit-v1"

// TimeLayout formats At in the hash encoding: RFC 3339 in UTC with always
// nine fractional digits (the last three are zero, At being truncated to
// microseconds).
const TimeLayout = "2006-01-02T15:04:05.000000000Z"

// MinKeyBytes is the shortest key NewKeyed accepts (256 bits).
const MinKeyBytes = 32

// Entry is one line of the audit log: who (Actor) did what (Action) to what
// (Object) when (At), with details in Data, chained to the entry before it
// by Prev and sealed by Hash.
type Entry struct {
	// Seq numbers the entries of a chain from 1 without gaps.
	Seq int64     `json:"seq"`
	At  time.Time `json:"at"`
	// Actor is a principal's name or a token id ("system" for the engine's
	// own jobs).
	Actor string `json:"actor"`
	// Action is what was done, e.g. "case.assign".
	Action string `json:"action"`
	// Object is what it was done to, e.g. "case:case_ab12" ("" if nothing).
	Object string `json:"object"`
	// Data holds the details as JSON; empty means null.
	Data json.RawMessage `json:"data"`
	// Prev is the previous entry's Hash, or Genesis for the first entry.
	Prev string `json:"prev"`
	// Hash seals the fields above (see the package doc).
	Hash string `json:"hash"`
}

// Hasher seals and verifies entries: with SHA-256 (the zero Hasher, which
// the package-level functions use) or with HMAC-SHA256 under a key
// (NewKeyed).
type Hasher struct {
	key []byte
}

// NewKeyed returns a Hasher that seals with HMAC-SHA256 under key, so that
// nobody without the key can recompute a chain. The key must have at least
// MinKeyBytes bytes (EINVALID otherwise); it is copied.
func NewKeyed(key []byte) (*Hasher, error) {
	if len(key) < MinKeyBytes {
		return nil, qinglang.Errorf(qinglang.EINVALID, "审计链密钥太短：%[1]d 字节，至少需要 %[2]d 字节",
			"the audit chain key is too short: %[1]d bytes, at least %[2]d needed", len(key), MinKeyBytes)
	}
	return &Hasher{key: append([]byte(nil), key...)}, nil
}

// Keyed reports whether h seals with HMAC-SHA256.
func (h *Hasher) Keyed() bool { return len(h.key) > 0 }

func (h *Hasher) newHash() hash.Hash {
	if h.Keyed() {
		return hmac.New(sha256.New, h.key)
	}
	return sha256.New()
}

// plain is the SHA-256 Hasher of the package-level functions.
var plain = &Hasher{}

// Hash returns e's hash with SHA-256. See Hasher.Hash.
func Hash(e Entry) (string, error) { return plain.Hash(e) }

// Next seals e as the entry after prev with SHA-256. See Hasher.Next.
func Next(prev *Entry, e Entry) (Entry, error) { return plain.Next(prev, e) }

// Hash returns the lower-case hex hash of e's encoding (Encode); e.Hash
// itself is not part of it. An entry that cannot be encoded is EINVALID.
func (h *Hasher) Hash(e Entry) (string, error) {
	var enc encoder
	return enc.hash(h.newHash(), e)
}

// Next returns e sealed as the entry after prev (nil for the first entry):
// Seq is prev.Seq+1 (or 1), Prev is prev.Hash (or Genesis), At is in UTC
// truncated to microseconds, and Hash is set. The caller fills At, Actor,
// Action, Object and Data; Seq, Prev and Hash it sets are overwritten.
//
// Next rejects with EINVALID what could not be stored and read back
// unchanged, so that an entry it seals verifies after a round trip through
// SQLite or PostgreSQL: a zero At or one outside the years 0000–9999, an
// empty Actor or Action, a text field with invalid UTF-8 or a NUL, Data
// that CanonicalJSON rejects, and Data a PostgreSQL jsonb column would
// rewrite or refuse (a number with an exponent, a negative zero, \u0000).
// A prev without a valid Seq and Hash is EINVALID too.
func (h *Hasher) Next(prev *Entry, e Entry) (Entry, error) {
	e.Seq, e.Prev = 1, Genesis
	if prev != nil {
		switch {
		case prev.Seq < 1 || prev.Seq == math.MaxInt64:
			return Entry{}, qinglang.Errorf(qinglang.EINVALID, "前一条审计条目的序号 %d 无效",
				"the previous audit entry's seq %d is invalid", prev.Seq)
		case !isHash(prev.Hash):
			return Entry{}, qinglang.Errorf(qinglang.EINVALID, "前一条审计条目（第 %[1]d 条）的哈希 %[2]q 不是 64 位小写十六进制数",
				"the previous audit entry's (seq %[1]d) hash %[2]q is not 64 lower-case hex digits", prev.Seq, prev.Hash)
		}
		e.Seq, e.Prev = prev.Seq+1, prev.Hash
	}
	if e.At.IsZero() {
		return Entry{}, qinglang.Errorf(qinglang.EINVALID, "审计条目缺少时间", "the audit entry has no time")
	}
	if _, err := canonicalTime(e.At); err != nil {
		return Entry{}, err
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	for _, f := range []struct {
		zh, en, v string
		required  bool
	}{
		{"操作者", "actor", e.Actor, true},
		{"动作", "action", e.Action, true},
		{"对象", "object", e.Object, false},
	} {
		switch {
		case f.v == "" && f.required:
			return Entry{}, qinglang.Errorf(qinglang.EINVALID, "审计条目缺少%[1]s（%[2]s）", "the audit entry has no %[2]s", f.zh, f.en)
		case !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0:
			return Entry{}, qinglang.Errorf(qinglang.EINVALID, "审计条目的%[1]s含有无效的 UTF-8 或 NUL 字符，数据库无法原样保存",
				"the audit entry's %[2]s has invalid UTF-8 or a NUL character, which a database cannot store as is", f.zh, f.en)
		}
	}
	if err := checkStorable(e.Data); err != nil {
		return Entry{}, err
	}
	var err error
	if e.Hash, err = h.Hash(e); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// checkStorable rejects data that is not canonical JSON or that a
// PostgreSQL jsonb column would change.
func checkStorable(data []byte) error {
	_, bad, err := appendCanonical(nil, data)
	switch {
	case err != nil:
		return err
	case bad.exponent != "":
		return qinglang.Errorf(qinglang.EINVALID, "审计数据中的数字 %s 用了指数形式：PostgreSQL 的 jsonb 会把它改写成普通小数，链会因此断开；请写成普通小数或字符串",
			"the number %s in the audit data has an exponent: a PostgreSQL jsonb column would write it out in full and break the chain; write it as a plain decimal or a string", bad.exponent)
	case bad.negZero != "":
		return qinglang.Errorf(qinglang.EINVALID, "审计数据中有负零 %s：PostgreSQL 的 jsonb 会去掉负号，链会因此断开",
			"the audit data has a negative zero %s: a PostgreSQL jsonb column would drop the sign and break the chain", bad.negZero)
	case bad.nul:
		return qinglang.Errorf(qinglang.EINVALID, "审计数据的字符串中有 \\u0000：PostgreSQL 的 jsonb 无法保存",
			"a string in the audit data has \\u0000, which a PostgreSQL jsonb column cannot store")
	}
	return nil
}

// Encode returns the bytes that an entry's hash is computed over (see the
// package doc); a third party re-implementing the verification can compare
// its own encoding with it. An At outside the years 0000–9999 or Data that
// CanonicalJSON rejects is EINVALID.
func Encode(e Entry) ([]byte, error) {
	var enc encoder
	if err := enc.encode(e); err != nil {
		return nil, err
	}
	return enc.out, nil
}

// encoder keeps its buffers between entries, so that a Verifier does not
// allocate them for each one.
type encoder struct {
	out, data []byte
	sum       []byte
}

// encode sets enc.out to e's encoding.
func (enc *encoder) encode(e Entry) error {
	at, err := canonicalTime(e.At)
	if err != nil {
		return err
	}
	if enc.data, _, err = appendCanonical(enc.data[:0], e.Data); err != nil {
		return err
	}
	out := appendField(enc.out[:0], EncodingTag)
	out = appendField(out, strconv.FormatInt(e.Seq, 10))
	out = appendField(out, at)
	out = appendField(out, e.Actor)
	out = appendField(out, e.Action)
	out = appendField(out, e.Object)
	out = appendField(out, enc.data)
	enc.out = appendField(out, e.Prev)
	return nil
}

// hash returns the hex digest of e's encoding under h (reset first).
func (enc *encoder) hash(h hash.Hash, e Entry) (string, error) {
	if err := enc.encode(e); err != nil {
		return "", err
	}
	h.Reset()
	h.Write(enc.out)
	enc.sum = h.Sum(enc.sum[:0])
	return hex.EncodeToString(enc.sum), nil
}

// appendField appends s as a netstring: its length in bytes in decimal, a
// colon, the bytes, a comma.
func appendField[S string | []byte](dst []byte, s S) []byte {
	dst = strconv.AppendInt(dst, int64(len(s)), 10)
	dst = append(dst, ':')
	dst = append(dst, s...)
	return append(dst, ',')
}

// canonicalTime formats t for the hash: UTC, truncated to microseconds,
// TimeLayout. Years outside 0000–9999 have no RFC 3339 form (EINVALID).
func canonicalTime(t time.Time) (string, error) {
	u := t.UTC().Truncate(time.Microsecond)
	if y := u.Year(); y < 0 || y > 9999 {
		return "", qinglang.Errorf(qinglang.EINVALID, "审计时间的年份 %d 超出 0000–9999", "the audit time's year %d is outside 0000–9999", y)
	}
	return u.Format(TimeLayout), nil
}

// isHash reports whether s is 64 lower-case hex digits.
func isHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
