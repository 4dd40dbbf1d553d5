package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// The headers of a delivery (see the package documentation).
const (
	HeaderEvent     = "X-Qinglang-Event"
	HeaderDelivery  = "X-Qinglang-Delivery"
	HeaderTimestamp = "X-Qinglang-Timestamp"
	HeaderSignature = "X-Qinglang-Signature"
)

// signatureScheme prefixes the signature of version 1.
const signatureScheme = "v1="

// DefaultTolerance is how far a delivery's timestamp may be from the
// receiver's clock, either way, when Verify is given no tolerance.
const DefaultTolerance = 5 * time.Minute

// Envelope is the JSON body of a delivery. Data is the finding, measure,
// notice or directive, as the message's Data encodes to JSON.
type Envelope struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	Platform  string          `json:"platform"`
	CreatedAt time.Time       `json:"created_at"`
	Data      json.RawMessage `json:"data"`
}

// Sign returns the X-Qinglang-Signature value of body signed at ts (Unix
// seconds) with secret: "v1=" and the lowercase hexadecimal HMAC-SHA256,
// keyed with the secret's bytes, of the decimal timestamp, ".", and the
// body.
func Sign(secret string, ts int64, body []byte) string {
	return signatureScheme + hex.EncodeToString(mac(secret, strconv.FormatInt(ts, 10), body))
}

func mac(secret, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks a delivery as a receiver does: timestamp and signature are
// the values of X-Qinglang-Timestamp and X-Qinglang-Signature, body the
// raw body as received. The timestamp must be within tolerance of now
// either way (DefaultTolerance when tolerance is not positive), which
// bounds replays; the signature header is a comma-separated list, and one
// v1 signature in it must match (compared in constant time). Other schemes
// in the list are ignored, so that a later version can add its own beside
// v1. Every failure is EUNAUTHENTICATED; a receiver answers it with 401.
func Verify(secret, timestamp, signature string, body []byte, now time.Time, tolerance time.Duration) error {
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	if len(secret) == 0 {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "未配置签名密钥", "no signing secret configured")
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || timestamp != strconv.FormatInt(ts, 10) {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "%s 无效：%q 不是十进制 Unix 秒数",
			"%s is invalid: %q is not decimal Unix seconds", HeaderTimestamp, timestamp)
	}
	if skew := now.Sub(time.Unix(ts, 0)); skew > tolerance || skew < -tolerance {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "时间戳 %d 与当前时间相差 %s，超出容许的 %s",
			"timestamp %d is %s away from now, more than the %s allowed", ts, skew.Round(time.Second).Abs(), tolerance)
	}
	want := mac(secret, timestamp, body)
	found := false
	for _, s := range strings.Split(signature, ",") {
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, signatureScheme) {
			continue
		}
		found = true
		got, err := hex.DecodeString(s[len(signatureScheme):])
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	if !found {
		return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "%s 中没有 v1 签名", "%s carries no v1 signature", HeaderSignature)
	}
	return qinglang.Errorf(qinglang.EUNAUTHENTICATED, "签名不符", "the signature does not match")
}
