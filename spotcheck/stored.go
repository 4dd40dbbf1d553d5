package spotcheck

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// Stored is what the store keeps of a recorded result
// (qinglang.SpotCheckRecord.Body): the result and what it led to.
type Stored struct {
	Result  Result  `json:"result"`
	Outcome Outcome `json:"outcome"`
}

// ID identifies a result by what the laboratory reported: the product,
// batch and platform of the sample, the laboratory and the time of the
// test. The same result recorded twice has the same id.
func ID(r Result) string {
	h := sha256.New()
	for _, s := range []string{r.Product, r.Batch, r.Platform, r.Lab, r.TestedAt.UTC().Format(time.RFC3339Nano)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sc_" + hex.EncodeToString(h.Sum(nil)[:10])
}

// Record returns s as the store keeps it, with its id.
func (s Stored) Record() (qinglang.SpotCheckRecord, error) {
	body, err := json.Marshal(s)
	if err != nil {
		return qinglang.SpotCheckRecord{}, qinglang.Wrap(qinglang.EINTERNAL, err, "编码抽检结果失败", "encoding the spot-check result failed")
	}
	r := s.Result
	return qinglang.SpotCheckRecord{
		ID: ID(r), Product: r.Product, Batch: r.Batch, Platform: r.Platform,
		Pass: r.Pass, TestedAt: r.TestedAt, Body: body,
	}, nil
}

// Decode reads a stored record's body.
func Decode(rec qinglang.SpotCheckRecord) (Stored, error) {
	var s Stored
	if err := json.Unmarshal(rec.Body, &s); err != nil {
		return s, qinglang.Wrap(qinglang.EINTERNAL, err, "抽检记录 %s 无法解读", "spot-check record %s cannot be read", rec.ID)
	}
	return s, nil
}

// LatestListings keeps, of a product's listing events (oldest first, as
// the store returns them), the latest one per platform, room and
// merchant: the listings a failure takes down. Events without a product
// or merchant are skipped.
func LatestListings(events []qinglang.Event) []Listing {
	type key struct{ platform, room, merchant string }
	idx := map[key]int{}
	var out []Listing
	for _, ev := range events {
		if ev.Product == "" || ev.Merchant == "" {
			continue
		}
		platform := ev.Platform
		if platform == "" {
			platform = qinglang.DefaultPlatform
		}
		l := Listing{Platform: platform, Room: ev.Room, Product: ev.Product, Merchant: ev.Merchant, EventID: strings.TrimSpace(ev.ID)}
		k := key{platform, ev.Room, ev.Merchant}
		if i, ok := idx[k]; ok {
			out[i] = l
			continue
		}
		idx[k] = len(out)
		out = append(out, l)
	}
	return out
}

// IsCritical reports whether a failure in category c is critical under
// DefaultPolicy.
func IsCritical(c qinglang.Category) bool { return slices.Contains(DefaultPolicy.Critical, c) }

// BasisText is the basis a failure in category c cites, in Chinese and in
// English.
func BasisText(c qinglang.Category) (zh, en string) { return renderBasis(Basis(c)) }
