package registry

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// row is one record being imported, from a CSV line or a JSON object.
type row struct {
	file   string
	line   int    // CSV line; 0 for JSON
	prefix string // JSON path of the object, e.g. "hosts[2]."
	vals   map[string]string
	issues Issues
	failed bool
}

func (c *row) issue(sev Severity, field, zh, en string, args ...any) {
	if sev == SevError {
		c.failed = true
	}
	if field != "" {
		field = c.prefix + field
	} else {
		field = strings.TrimSuffix(c.prefix, ".")
	}
	c.issues = append(c.issues, Issue{File: c.file, Line: c.line, Field: field, Severity: sev,
		Message: fmt.Sprintf(zh, args...), MessageEN: fmt.Sprintf(en, args...)})
}

// fromErr records err (an Add method's) as an error of the row.
func (c *row) fromErr(field string, err error) {
	if err == nil {
		return
	}
	var e *qinglang.Error
	if errors.As(err, &e) {
		c.issue(SevError, field, "%[1]s", "%[2]s", e.Message, e.MessageEN)
		return
	}
	c.issue(SevError, field, "%s", "%s", err.Error())
}

func (c *row) get(col string) string { return c.vals[col] }

// need returns a value that must not be empty.
func (c *row) need(col string) string {
	v := c.vals[col]
	if v == "" {
		c.issue(SevError, col, "不能为空", "must not be empty")
	}
	return v
}

// idLike finds a run that could be an ID number: 15 or more digits, or 17
// digits and an X.
var idLike = regexp.MustCompile(`[0-9]{14,}[0-9Xx]`)

// safe quotes a value for a message, masking anything like an ID number.
func safe(v string) string {
	return fmt.Sprintf("%q", idLike.ReplaceAllStringFunc(v, qualify.MaskID))
}

// dateLayouts are the date forms accepted on import.
var dateLayouts = []string{time.DateOnly, "2006/1/2"}

// date reads an optional date.
func (c *row) date(col string) time.Time {
	v := c.vals[col]
	if v == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t
		}
	}
	c.issue(SevError, col, "日期 %s 无效，应为 YYYY-MM-DD", "invalid date %s: want YYYY-MM-DD", safe(v))
	return time.Time{}
}

// flag reads an optional boolean.
func (c *row) flag(col string) bool {
	switch strings.ToLower(c.vals[col]) {
	case "", "false", "0", "no", "n", "否":
		return false
	case "true", "1", "yes", "y", "是":
		return true
	}
	c.issue(SevError, col, "%s 应为 true 或 false", "%s should be true or false", safe(c.vals[col]))
	return false
}

// validity reads valid_from and valid_to.
func (c *row) validity() qualify.Validity {
	v := qualify.Validity{From: c.date("valid_from"), To: c.date("valid_to")}
	if err := v.Validate(); err != nil {
		c.fromErr("valid_to", err)
	}
	return v
}

// uscc checks a USCC column: malformed is an error, a checksum failure a
// warning.
func (c *row) uscc(col string, required bool) string {
	v := c.vals[col]
	if v == "" {
		if required {
			c.need(col)
		}
		return ""
	}
	res := qualify.CheckUSCC(v)
	switch res.Verdict {
	case qualify.VerdictMalformed:
		c.issue(SevError, col, "统一社会信用代码 %[1]s %[2]s", "USCC %[1]s %[3]s", res.Code, res.Reason, res.ReasonEN)
	case qualify.VerdictVerifyByHand:
		c.issue(SevWarning, col, "统一社会信用代码 %[1]s：%[2]s", "USCC %[1]s: %[3]s", res.Code, res.Reason, res.ReasonEN)
	}
	return res.Code
}

// ref checks that a linked record exists.
func (c *row) ref(col string, k Kind, exists bool) string {
	v := c.need(col)
	if v != "" && !exists {
		kz, ke := k.Name()
		c.issue(SevError, col, "关联的%[1]s %[3]s 不存在", "the linked %[2]s %[3]s does not exist", kz, ke, safe(v))
	}
	return v
}

// addRow checks one row of kind k and adds its record unless it has an
// error. Host ages are judged on the day on.
func (r *Registry) addRow(k Kind, c *row, on time.Time) {
	switch k {
	case KindPlatform:
		p := Platform{ID: c.need("id"), Name: c.need("name"), USCC: c.uscc("uscc", false), LastVerified: c.date("last_verified")}
		if !c.failed {
			c.fromErr("", r.AddPlatform(p))
		}
	case KindMerchant:
		m := Merchant{ID: c.need("id"), Name: c.need("name"), USCC: c.uscc("uscc", true), LastVerified: c.date("last_verified")}
		if m.PlatformID = c.get("platform_id"); m.PlatformID != "" {
			c.ref("platform_id", KindPlatform, r.platforms[m.PlatformID] != nil)
		}
		if !c.failed {
			c.fromErr("", r.AddMerchant(m))
		}
	case KindLicence:
		id := c.get("merchant_id")
		c.ref("merchant_id", KindMerchant, r.merchants[id] != nil)
		l := c.licence()
		if !c.failed {
			c.fromErr("", r.AddLicence(id, l))
		}
	case KindOperator:
		o := Operator{ID: c.need("id"), Name: c.need("name"), USCC: c.uscc("uscc", false), LastVerified: c.date("last_verified")}
		if !c.failed {
			c.fromErr("", r.AddOperator(o))
		}
	case KindAgency:
		a := Agency{ID: c.need("id"), Name: c.need("name"), USCC: c.uscc("uscc", false), LastVerified: c.date("last_verified")}
		if !c.failed {
			c.fromErr("", r.AddAgency(a))
		}
	case KindHost:
		r.addHostRow(c, on)
	case KindRoom:
		rm := Room{ID: c.need("id"), Name: c.need("name")}
		if rm.PlatformID = c.get("platform_id"); rm.PlatformID != "" {
			c.ref("platform_id", KindPlatform, r.platforms[rm.PlatformID] != nil)
		}
		if !c.failed {
			c.fromErr("", r.AddRoom(rm))
		}
	case KindHostAgency:
		l := HostAgency{HostID: c.get("host_id"), AgencyID: c.get("agency_id")}
		c.ref("host_id", KindHost, r.hosts[l.HostID] != nil)
		c.ref("agency_id", KindAgency, r.agencies[l.AgencyID] != nil)
		if l.Validity = c.validity(); !c.failed {
			c.fromErr("", r.AddHostAgency(l))
		}
	case KindRoomLink:
		l := RoomLink{RoomID: c.get("room_id"), OperatorID: c.get("operator_id"), MerchantID: c.get("merchant_id")}
		c.ref("room_id", KindRoom, r.rooms[l.RoomID] != nil)
		c.ref("operator_id", KindOperator, r.operators[l.OperatorID] != nil)
		c.ref("merchant_id", KindMerchant, r.merchants[l.MerchantID] != nil)
		if l.Validity = c.validity(); !c.failed {
			c.fromErr("", r.AddRoomLink(l))
		}
	}
}

// licence reads a licence row: a number whose format qualify knows must
// parse and agree with the kind given; other kinds are taken as given.
func (c *row) licence() qualify.Licence {
	num, kind := c.need("number"), qualify.LicenceKind(c.get("kind"))
	if kind != "" && !kind.Known() {
		c.issue(SevError, "kind", "未知的许可种类 %s", "unknown licence kind %s", safe(string(kind)))
	}
	l, err := qualify.ParseLicence(num)
	switch {
	case num == "":
	case err == nil && kind != "" && l.Kind != kind:
		zh, en := l.Kind.Name()
		c.issue(SevError, "kind", "编号的格式属于%[1]s，与种类 %[3]s 不符", "the number is a %[2]s, not a %[3]s", zh, en, kind)
	case err == nil:
	case kind == "" || isParsedKind(kind):
		c.fromErr("number", err)
	default:
		l = qualify.Licence{Kind: kind, Number: strings.Join(strings.Fields(num), "")}
	}
	l.Validity = c.validity()
	for _, n := range l.Notes {
		if n.Code == "obsolete" {
			c.issue(SevWarning, "number", "%[1]s", "%[2]s", n.Message, n.MessageEN)
		}
	}
	return l
}

// isParsedKind reports whether ParseLicence knows the kind's format.
func isParsedKind(k qualify.LicenceKind) bool {
	switch k {
	case qualify.KindFoodBusiness, qualify.KindFoodProduction, qualify.KindHealthFoodRegistration,
		qualify.KindHealthFoodFiling, qualify.KindSpecialCosmetic, qualify.KindDeviceRegistration:
		return true
	}
	return false
}

// addHostRow reads a host from its full resident ID, or from the mask,
// hash and birth date of an export, and applies the age gate on the day on.
func (r *Registry) addHostRow(c *row, on time.Time) {
	h := Host{ID: c.need("id"), Name: c.need("name"), GuardianConsent: c.flag("guardian_consent"),
		LastVerified: c.date("last_verified")}
	birth := c.date("birth_date")
	if full := c.get("resident_id"); full != "" {
		var err error
		if h, err = r.IdentifyHost(h, full, on); err != nil {
			c.fromErr("resident_id", err)
		} else if !birth.IsZero() && !birth.Equal(h.Birth) {
			c.issue(SevError, "birth_date", "与身份证号中的出生日期不符", "does not match the birth date in the resident ID")
		}
	} else {
		h.IDMasked, h.IDHash, h.Birth = c.get("resident_id_masked"), strings.ToLower(c.get("resident_id_hash")), birth
		switch {
		case h.IDMasked == "" && h.IDHash == "":
			c.issue(SevError, "resident_id", "缺少身份证号（或其遮盖号码与哈希）", "the resident ID (or its mask and hash) is missing")
		case !strings.Contains(h.IDMasked, "*"):
			c.issue(SevError, "resident_id_masked", "应为遮盖后的号码；完整号码请填入 resident_id 列", "should be masked; put a full number in resident_id")
		case !hexSHA256.MatchString(h.IDHash):
			c.issue(SevError, "resident_id_hash", "应为 64 位十六进制哈希", "should be a 64-digit hex hash")
		case birth.IsZero():
			c.need("birth_date")
		}
	}
	if c.failed {
		return
	}
	if note, err := hostAgeGate(h, on); err != nil {
		c.fromErr("birth_date", err)
		return
	} else if note != nil {
		c.issue(SevNote, "guardian_consent", "%[1]s", "%[2]s", note.Message, note.MessageEN)
	}
	c.fromErr("", r.AddHost(h, on))
}

var hexSHA256 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// rows returns the records of kind k as column → value maps, for export.
func (r *Registry) rows(k Kind) []map[string]string {
	var out []map[string]string
	switch k {
	case KindPlatform:
		for _, p := range r.Platforms() {
			out = append(out, map[string]string{"id": p.ID, "name": p.Name, "uscc": p.USCC, "last_verified": fmtDate(p.LastVerified)})
		}
	case KindMerchant:
		for _, m := range r.Merchants() {
			out = append(out, map[string]string{"id": m.ID, "platform_id": m.PlatformID, "uscc": m.USCC, "name": m.Name,
				"last_verified": fmtDate(m.LastVerified)})
		}
	case KindLicence:
		for _, m := range r.Merchants() {
			for _, l := range m.Licences {
				out = append(out, map[string]string{"merchant_id": m.ID, "kind": string(l.Kind), "number": l.Number,
					"valid_from": fmtDate(l.Validity.From), "valid_to": fmtDate(l.Validity.To)})
			}
		}
	case KindOperator:
		for _, o := range r.Operators() {
			out = append(out, map[string]string{"id": o.ID, "name": o.Name, "uscc": o.USCC, "last_verified": fmtDate(o.LastVerified)})
		}
	case KindAgency:
		for _, a := range r.Agencies() {
			out = append(out, map[string]string{"id": a.ID, "name": a.Name, "uscc": a.USCC, "last_verified": fmtDate(a.LastVerified)})
		}
	case KindHost:
		for _, h := range r.Hosts() {
			out = append(out, map[string]string{"id": h.ID, "name": h.Name, "resident_id_masked": h.IDMasked,
				"resident_id_hash": h.IDHash, "birth_date": fmtDate(h.Birth), "guardian_consent": fmt.Sprint(h.GuardianConsent),
				"last_verified": fmtDate(h.LastVerified)})
		}
	case KindRoom:
		for _, rm := range r.Rooms() {
			out = append(out, map[string]string{"id": rm.ID, "platform_id": rm.PlatformID, "name": rm.Name})
		}
	case KindHostAgency:
		for _, l := range r.hostAgencies {
			out = append(out, map[string]string{"host_id": l.HostID, "agency_id": l.AgencyID,
				"valid_from": fmtDate(l.Validity.From), "valid_to": fmtDate(l.Validity.To)})
		}
	case KindRoomLink:
		for _, l := range r.roomLinks {
			out = append(out, map[string]string{"room_id": l.RoomID, "operator_id": l.OperatorID, "merchant_id": l.MerchantID,
				"valid_from": fmtDate(l.Validity.From), "valid_to": fmtDate(l.Validity.To)})
		}
	}
	return out
}

// fmtDate writes a day, "" for the zero time.
func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
