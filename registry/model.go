package registry

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// Kind names a kind of record; it is also the base name of its CSV file
// and its key in the JSON document.
type Kind string

// Record kinds, in the order they must be loaded (links after the records
// they point to).
const (
	KindPlatform   Kind = "platforms"
	KindMerchant   Kind = "merchants"
	KindLicence    Kind = "licences" // a merchant's licences
	KindOperator   Kind = "operators"
	KindAgency     Kind = "agencies"
	KindHost       Kind = "hosts"
	KindRoom       Kind = "rooms"
	KindHostAgency Kind = "host_agencies" // link host ↔ agency
	KindRoomLink   Kind = "room_links"    // link room ↔ operator ↔ merchant
)

// Kinds lists every kind in load order.
var Kinds = []Kind{KindPlatform, KindMerchant, KindLicence, KindOperator, KindAgency,
	KindHost, KindRoom, KindHostAgency, KindRoomLink}

// FileName is the conventional CSV file name of a kind, e.g. "hosts.csv".
func (k Kind) FileName() string { return string(k) + ".csv" }

// Name returns the name of one record of the kind in Chinese and English.
func (k Kind) Name() (zh, en string) {
	switch k {
	case KindPlatform:
		return "平台", "platform"
	case KindMerchant:
		return "商家", "merchant"
	case KindLicence:
		return "许可证", "licence"
	case KindOperator:
		return "直播间运营者", "live-room operator"
	case KindAgency:
		return "主播服务机构", "agency"
	case KindHost:
		return "主播", "host"
	case KindRoom:
		return "直播间", "room"
	case KindHostAgency:
		return "主播签约关系", "host–agency link"
	case KindRoomLink:
		return "直播间关联", "room link"
	}
	return string(k), string(k)
}

// Platform is a live-commerce platform (直播电商平台经营者).
type Platform struct {
	ID, Name     string
	USCC         string // optional
	LastVerified time.Time
}

// Merchant is an in-platform merchant (平台内经营者) whose goods are sold.
type Merchant struct {
	ID           string
	PlatformID   string // optional; when set, the platform must exist
	USCC         string // required; normalised
	Name         string
	Licences     []qualify.Licence
	LastVerified time.Time
	Notes        []qualify.Note // e.g. "verify_by_hand" for a USCC failing its checksum
}

// String names the merchant; a USCC is public registration data.
func (m Merchant) String() string {
	return fmt.Sprintf("商家 %s %s（%s） / merchant %s %s (%s)", m.ID, m.Name, m.USCC, m.ID, m.Name, m.USCC)
}

// Operator is a live-room operator (直播间运营者).
type Operator struct {
	ID, Name     string
	USCC         string // optional: an operator may be a person
	LastVerified time.Time
	Notes        []qualify.Note
}

// Agency is a host's service agency or MCN (直播营销人员服务机构).
type Agency struct {
	ID, Name     string
	USCC         string // optional
	LastVerified time.Time
	Notes        []qualify.Note
}

// Host is a live-marketing person (直播营销人员). The resident ID is kept
// only as its mask, a keyed hash to re-verify a number shown later
// (Registry.VerifyHostID), and the birth date the age gate needs; build
// these with Registry.IdentifyHost.
type Host struct {
	ID, Name        string
	IDMasked        string    // qualify.MaskID of the resident ID
	IDHash          string    // hex HMAC-SHA256 of the normalised ID under the registry's salt
	Birth           time.Time // from the ID; the age gate is applied on a given day
	GuardianConsent bool      // a guardian consented (needed from 16 to 18, qualify.HostAgeRule)
	LastVerified    time.Time
	Notes           []qualify.Note // e.g. "guardian_consent"
}

// String names the host with the masked ID only.
func (h Host) String() string {
	return fmt.Sprintf("主播 %s %s（身份证 %s） / host %s %s (resident ID %s)", h.ID, h.Name, h.IDMasked, h.ID, h.Name, h.IDMasked)
}

// Room is a live room (直播间) on a platform.
type Room struct {
	ID, Name   string
	PlatformID string // optional; when set, the platform must exist
}

// HostAgency links a host to an agency for a period.
type HostAgency struct {
	HostID, AgencyID string
	Validity         qualify.Validity
}

// RoomLink says that a room is run by an operator selling a merchant's
// goods for a period. A room may have several links at once.
type RoomLink struct {
	RoomID, OperatorID, MerchantID string
	Validity                       qualify.Validity
}

// activeOn reports whether a link's period covers the day on.
func activeOn(v qualify.Validity, on time.Time) bool {
	return v.StatusWithin(on, 0) == qualify.StatusValid
}

// Registry holds the actors and their links in memory. It is not safe for
// concurrent writes. Records are added with the Add methods, which check
// each record and the targets of its links; lookups return copies.
type Registry struct {
	// Requirements is the licence matrix Gaps uses; New sets the default.
	Requirements qualify.Requirements

	salt         []byte
	platforms    map[string]*Platform
	merchants    map[string]*Merchant
	operators    map[string]*Operator
	agencies     map[string]*Agency
	hosts        map[string]*Host
	rooms        map[string]*Room
	hostAgencies []HostAgency
	roomLinks    []RoomLink
}

// MinSaltLen is the shortest salt New accepts.
const MinSaltLen = 16

// New returns an empty registry. salt is the secret key of host ID hashes:
// keep it apart from any export (an ID's mask and birth date leave few
// candidates, so the hash protects the number only while salt is secret).
// The same salt is needed to re-import hashes and to re-verify.
func New(salt []byte) (*Registry, error) {
	if len(salt) < MinSaltLen {
		return nil, qinglang.Errorf(qinglang.EINVALID, "密钥盐至少 %d 字节", "the salt must be at least %d bytes", MinSaltLen)
	}
	return &Registry{
		Requirements: qualify.DefaultRequirements(),
		salt:         slices.Clone(salt),
		platforms:    map[string]*Platform{},
		merchants:    map[string]*Merchant{},
		operators:    map[string]*Operator{},
		agencies:     map[string]*Agency{},
		hosts:        map[string]*Host{},
		rooms:        map[string]*Room{},
	}, nil
}

// recErr is an EINVALID error naming the record.
func recErr(k Kind, id, zh, en string, args ...any) *qinglang.Error {
	kz, ke := k.Name()
	id = strings.ReplaceAll(id, "%", "%%")
	return qinglang.Errorf(qinglang.EINVALID, kz+" "+id+"："+zh, ke+" "+id+": "+en, args...)
}

// missingRef is the error of a link to a record that does not exist.
func missingRef(k Kind, id string, target Kind, targetID string) *qinglang.Error {
	kz, ke := k.Name()
	tz, te := target.Name()
	return qinglang.Errorf(qinglang.EINVALID, "%[1]s %[2]s：关联的%[3]s %[4]q 不存在", "%[5]s %[2]s: the linked %[6]s %[4]q does not exist",
		kz, id, tz, targetID, ke, te)
}

// checkBase checks an id and a name and that the id is new.
func checkBase[T any](k Kind, id, name string, m map[string]*T) error {
	switch {
	case strings.TrimSpace(id) == "":
		return recErr(k, "", "编号为空", "the id is empty")
	case strings.TrimSpace(name) == "":
		return recErr(k, id, "名称为空", "the name is empty")
	case m[id] != nil:
		return recErr(k, id, "编号重复", "the id is given twice")
	}
	return nil
}

// checkUSCC normalises an optional or required USCC: a malformed code is
// an error, a checksum failure a note asking for a check by hand.
func checkUSCC(k Kind, id, code string, required bool) (string, []qualify.Note, error) {
	if strings.TrimSpace(code) == "" {
		if required {
			return "", nil, recErr(k, id, "缺少统一社会信用代码", "the USCC is missing")
		}
		return "", nil, nil
	}
	res := qualify.CheckUSCC(code)
	switch res.Verdict {
	case qualify.VerdictMalformed:
		return "", nil, recErr(k, id, "统一社会信用代码%[1]s", "USCC %[2]s", res.Reason, res.ReasonEN)
	case qualify.VerdictVerifyByHand:
		return res.Code, []qualify.Note{{Code: string(qualify.VerdictVerifyByHand), Message: res.Reason, MessageEN: res.ReasonEN}}, nil
	}
	return res.Code, nil, nil
}

// AddPlatform adds a platform.
func (r *Registry) AddPlatform(p Platform) error {
	if err := checkBase(KindPlatform, p.ID, p.Name, r.platforms); err != nil {
		return err
	}
	code, _, err := checkUSCC(KindPlatform, p.ID, p.USCC, false)
	if err != nil {
		return err
	}
	p.USCC = code
	r.platforms[p.ID] = &p
	return nil
}

// AddMerchant adds a merchant; its USCC is required and normalised, and
// its licences' periods are checked.
func (r *Registry) AddMerchant(m Merchant) error {
	if err := checkBase(KindMerchant, m.ID, m.Name, r.merchants); err != nil {
		return err
	}
	if m.PlatformID != "" && r.platforms[m.PlatformID] == nil {
		return missingRef(KindMerchant, m.ID, KindPlatform, m.PlatformID)
	}
	code, notes, err := checkUSCC(KindMerchant, m.ID, m.USCC, true)
	if err != nil {
		return err
	}
	for _, l := range m.Licences {
		if err := l.Validity.Validate(); err != nil {
			return recErr(KindMerchant, m.ID, "许可证 %s：%s", "licence %s: %s", l.Number, err)
		}
	}
	m.USCC, m.Notes = code, append(slices.Clone(m.Notes), notes...)
	m.Licences = slices.Clone(m.Licences)
	r.merchants[m.ID] = &m
	return nil
}

// AddLicence adds a licence to a merchant.
func (r *Registry) AddLicence(merchantID string, l qualify.Licence) error {
	m := r.merchants[merchantID]
	if m == nil {
		return missingRef(KindLicence, l.Number, KindMerchant, merchantID)
	}
	if strings.TrimSpace(l.Number) == "" || l.Kind == "" {
		return recErr(KindLicence, l.Number, "种类或编号为空", "the kind or the number is empty")
	}
	if err := l.Validity.Validate(); err != nil {
		return recErr(KindLicence, l.Number, "%s", "%s", err)
	}
	m.Licences = append(m.Licences, l)
	return nil
}

// AddOperator adds a live-room operator.
func (r *Registry) AddOperator(o Operator) error {
	if err := checkBase(KindOperator, o.ID, o.Name, r.operators); err != nil {
		return err
	}
	code, notes, err := checkUSCC(KindOperator, o.ID, o.USCC, false)
	if err != nil {
		return err
	}
	o.USCC, o.Notes = code, append(slices.Clone(o.Notes), notes...)
	r.operators[o.ID] = &o
	return nil
}

// AddAgency adds an agency or MCN.
func (r *Registry) AddAgency(a Agency) error {
	if err := checkBase(KindAgency, a.ID, a.Name, r.agencies); err != nil {
		return err
	}
	code, notes, err := checkUSCC(KindAgency, a.ID, a.USCC, false)
	if err != nil {
		return err
	}
	a.USCC, a.Notes = code, append(slices.Clone(a.Notes), notes...)
	r.agencies[a.ID] = &a
	return nil
}

// AddHost adds a host whose identity fields IdentifyHost filled, applying
// the host age gate on the day on (qualify.HostAge): under the minimum age
// is an error, a minor without a guardian's consent too; with it, the host
// gets a note.
func (r *Registry) AddHost(h Host, on time.Time) error {
	if err := checkBase(KindHost, h.ID, h.Name, r.hosts); err != nil {
		return err
	}
	if h.IDMasked == "" || h.IDHash == "" || h.Birth.IsZero() {
		return recErr(KindHost, h.ID, "缺少身份证信息（遮盖号码、哈希与出生日期）", "the resident ID (mask, hash and birth date) is missing")
	}
	note, err := hostAgeGate(h, on)
	if err != nil {
		return err
	}
	h.Notes = slices.Clone(h.Notes)
	if note != nil {
		h.Notes = append(h.Notes, *note)
	}
	r.hosts[h.ID] = &h
	return nil
}

// AddRoom adds a live room.
func (r *Registry) AddRoom(rm Room) error {
	if err := checkBase(KindRoom, rm.ID, rm.Name, r.rooms); err != nil {
		return err
	}
	if rm.PlatformID != "" && r.platforms[rm.PlatformID] == nil {
		return missingRef(KindRoom, rm.ID, KindPlatform, rm.PlatformID)
	}
	r.rooms[rm.ID] = &rm
	return nil
}

// AddHostAgency links a host to an agency.
func (r *Registry) AddHostAgency(l HostAgency) error {
	if err := r.checkHostAgency(l); err != nil {
		return err
	}
	r.hostAgencies = append(r.hostAgencies, l)
	return nil
}

func (r *Registry) checkHostAgency(l HostAgency) error {
	id := l.HostID + "→" + l.AgencyID
	switch {
	case r.hosts[l.HostID] == nil:
		return missingRef(KindHostAgency, id, KindHost, l.HostID)
	case r.agencies[l.AgencyID] == nil:
		return missingRef(KindHostAgency, id, KindAgency, l.AgencyID)
	}
	if err := l.Validity.Validate(); err != nil {
		return recErr(KindHostAgency, id, "%s", "%s", err)
	}
	return nil
}

// AddRoomLink links a room to an operator and a merchant.
func (r *Registry) AddRoomLink(l RoomLink) error {
	if err := r.checkRoomLink(l); err != nil {
		return err
	}
	r.roomLinks = append(r.roomLinks, l)
	return nil
}

func (r *Registry) checkRoomLink(l RoomLink) error {
	id := l.RoomID + "→" + l.OperatorID + "→" + l.MerchantID
	switch {
	case r.rooms[l.RoomID] == nil:
		return missingRef(KindRoomLink, id, KindRoom, l.RoomID)
	case r.operators[l.OperatorID] == nil:
		return missingRef(KindRoomLink, id, KindOperator, l.OperatorID)
	case r.merchants[l.MerchantID] == nil:
		return missingRef(KindRoomLink, id, KindMerchant, l.MerchantID)
	}
	if err := l.Validity.Validate(); err != nil {
		return recErr(KindRoomLink, id, "%s", "%s", err)
	}
	return nil
}

// Validate checks the whole registry: every link and every reference to a
// platform must point to a record that exists. All problems are reported
// in one EINVALID error, each naming its record; nil when there are none.
func (r *Registry) Validate() error {
	var errs []*qinglang.Error
	add := func(err error) {
		if e, ok := err.(*qinglang.Error); ok && e != nil {
			errs = append(errs, e)
		}
	}
	for _, id := range sortedKeys(r.merchants) {
		if p := r.merchants[id].PlatformID; p != "" && r.platforms[p] == nil {
			add(missingRef(KindMerchant, id, KindPlatform, p))
		}
	}
	for _, id := range sortedKeys(r.rooms) {
		if p := r.rooms[id].PlatformID; p != "" && r.platforms[p] == nil {
			add(missingRef(KindRoom, id, KindPlatform, p))
		}
	}
	for _, l := range r.hostAgencies {
		add(r.checkHostAgency(l))
	}
	for _, l := range r.roomLinks {
		add(r.checkRoomLink(l))
	}
	return joinErrors(errs)
}

// joinErrors merges errors into one EINVALID error, nil for none.
func joinErrors(errs []*qinglang.Error) error {
	if len(errs) == 0 {
		return nil
	}
	zh, en := make([]string, len(errs)), make([]string, len(errs))
	for i, e := range errs {
		zh[i], en[i] = e.Message, e.MessageEN
	}
	return &qinglang.Error{Code: qinglang.EINVALID, Message: strings.Join(zh, "；"), MessageEN: strings.Join(en, "; ")}
}

func sortedKeys[T any](m map[string]*T) []string { return slices.Sorted(maps.Keys(m)) }

// values returns copies of a map's records in id order.
func values[T any](m map[string]*T) []T {
	out := make([]T, 0, len(m))
	for _, id := range sortedKeys(m) {
		out = append(out, *m[id])
	}
	return out
}

// Platform returns the platform with the id.
func (r *Registry) Platform(id string) (Platform, bool) { return get(r.platforms, id) }

// Merchant returns the merchant with the id.
func (r *Registry) Merchant(id string) (Merchant, bool) {
	m, ok := get(r.merchants, id)
	m.Licences = slices.Clone(m.Licences)
	return m, ok
}

// Operator returns the live-room operator with the id.
func (r *Registry) Operator(id string) (Operator, bool) { return get(r.operators, id) }

// Agency returns the agency with the id.
func (r *Registry) Agency(id string) (Agency, bool) { return get(r.agencies, id) }

// Host returns the host with the id.
func (r *Registry) Host(id string) (Host, bool) { return get(r.hosts, id) }

// Room returns the room with the id.
func (r *Registry) Room(id string) (Room, bool) { return get(r.rooms, id) }

func get[T any](m map[string]*T, id string) (T, bool) {
	if p := m[id]; p != nil {
		return *p, true
	}
	var zero T
	return zero, false
}

// Platforms, Merchants, Operators, Agencies, Hosts and Rooms list the
// records in id order; HostAgencies and RoomLinks the links in the order
// added.
func (r *Registry) Platforms() []Platform      { return values(r.platforms) }
func (r *Registry) Merchants() []Merchant      { return values(r.merchants) }
func (r *Registry) Operators() []Operator      { return values(r.operators) }
func (r *Registry) Agencies() []Agency         { return values(r.agencies) }
func (r *Registry) Hosts() []Host              { return values(r.hosts) }
func (r *Registry) Rooms() []Room              { return values(r.rooms) }
func (r *Registry) HostAgencies() []HostAgency { return slices.Clone(r.hostAgencies) }
func (r *Registry) RoomLinks() []RoomLink      { return slices.Clone(r.roomLinks) }

// MerchantsByUSCC returns the merchants registered under a USCC (given in
// any form CheckUSCC normalises), in id order; one code may have several
// shops.
func (r *Registry) MerchantsByUSCC(code string) []Merchant {
	c := qualify.CheckUSCC(code).Code
	var out []Merchant
	for _, m := range values(r.merchants) {
		if m.USCC == c {
			out = append(out, m)
		}
	}
	return out
}

// HostAgency returns the agency a host is linked to on the day on; when
// several links cover the day, the one added last.
func (r *Registry) HostAgency(host string, on time.Time) (Agency, bool) {
	for _, l := range slices.Backward(r.hostAgencies) {
		if l.HostID == host && activeOn(l.Validity, on) {
			return r.Agency(l.AgencyID)
		}
	}
	return Agency{}, false
}

// RoomLinksOn returns the links of a room that cover the day on.
func (r *Registry) RoomLinksOn(room string, on time.Time) []RoomLink {
	var out []RoomLink
	for _, l := range r.roomLinks {
		if l.RoomID == room && activeOn(l.Validity, on) {
			out = append(out, l)
		}
	}
	return out
}

// RoomOperator returns the operator of a room on the day on; when several
// links cover the day, the one added last.
func (r *Registry) RoomOperator(room string, on time.Time) (Operator, bool) {
	ls := r.RoomLinksOn(room, on)
	if len(ls) == 0 {
		return Operator{}, false
	}
	return r.Operator(ls[len(ls)-1].OperatorID)
}

// RoomMerchants returns the merchants whose goods a room sells on the day
// on, without repeats, in the order of the links.
func (r *Registry) RoomMerchants(room string, on time.Time) []Merchant {
	var out []Merchant
	seen := map[string]bool{}
	for _, l := range r.RoomLinksOn(room, on) {
		if !seen[l.MerchantID] {
			seen[l.MerchantID] = true
			if m, ok := r.Merchant(l.MerchantID); ok {
				out = append(out, m)
			}
		}
	}
	return out
}
