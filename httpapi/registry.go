package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/registry"
)

// MaxRegistryImportBytes is the largest body POST /v1/registry/import
// reads.
const MaxRegistryImportBytes = 32 << 20

// registryLinkKinds are the kinds whose rows link records of other kinds;
// GET /v1/registry/{kind}/{id} lists the rows of these that name the record.
var registryLinkKinds = []registry.Kind{registry.KindLicence, registry.KindHostAgency, registry.KindRoomLink}

// registryRefColumns names, for each kind with an id column, the column
// by which other rows refer to its records.
var registryRefColumns = map[registry.Kind]string{
	registry.KindPlatform: "platform_id",
	registry.KindMerchant: "merchant_id",
	registry.KindOperator: "operator_id",
	registry.KindAgency:   "agency_id",
	registry.KindHost:     "host_id",
	registry.KindRoom:     "room_id",
}

// registryCSVTypes are the Content-Types POST /v1/registry/import takes
// for one kind's CSV file (no Content-Type at all is taken too).
var registryCSVTypes = map[string]bool{
	"text/csv":                 true,
	"application/csv":          true,
	"text/plain":               true,
	"application/octet-stream": true,
}

// registryResult answers POST /v1/registry/reload and /v1/registry/import:
// the registry now in use and the issues of what was read (bad rows
// skipped, warnings, notes).
type registryResult struct {
	Info   RegistryInfo    `json:"info"`
	Issues []problemDetail `json:"issues"`
}

// dueList answers GET /v1/registry/due.
type dueList struct {
	On           string    `json:"on"` // YYYY-MM-DD
	ReverifyDays float64   `json:"reverify_days"`
	Items        []dueItem `json:"items"`
}

// dueItem is an actor whose re-verification is due (registry.DueItem).
type dueItem struct {
	Kind registry.Kind `json:"kind"`
	ID   string        `json:"id"`
	Name string        `json:"name"`
	// LastVerified and Deadline are YYYY-MM-DD, absent when the actor was
	// never verified.
	LastVerified string `json:"last_verified,omitempty"`
	Deadline     string `json:"deadline,omitempty"`
	Overdue      bool   `json:"overdue"`
}

// kindRecords answers GET /v1/registry/{kind}.
type kindRecords struct {
	Kind    registry.Kind       `json:"kind"`
	Records []map[string]string `json:"records"`
}

// registryRecord answers GET /v1/registry/{kind}/{id}.
type registryRecord struct {
	Kind registry.Kind `json:"kind"`
	// Key is the column the id was looked up in: id, or for link kinds
	// without one their first id column (licences: merchant_id,
	// host_agencies: host_id, room_links: room_id).
	Key    string            `json:"key"`
	ID     string            `json:"id"`
	Record map[string]string `json:"record"`
	// Links holds, for each link kind, every row that names the record.
	Links map[registry.Kind][]map[string]string `json:"links"`
}

// registryInUse returns the registry in use (nil when none is loaded) and
// what is known of it, or answers 403 when the principal may not read the
// registry or 503 when no registry service is configured.
func (s *Server) registryInUse(w http.ResponseWriter, r *http.Request) (*registry.Registry, RegistryInfo, bool) {
	if !s.allowed(w, r, authz.RegistryRead) {
		return nil, RegistryInfo{}, false
	}
	if s.Registry == nil {
		s.writeError(w, r, errRegistryOff())
		return nil, RegistryInfo{}, false
	}
	reg, info := s.Registry.Registry()
	if info.Counts == nil {
		info.Counts = map[registry.Kind]int{}
	}
	return reg, info, true
}

// orEmpty returns reg, or an empty registry when none is loaded, so that
// list routes answer empty lists.
func orEmpty(reg *registry.Registry) *registry.Registry {
	if reg != nil {
		return reg
	}
	empty, err := registry.New(make([]byte, registry.MinSaltLen))
	if err != nil {
		panic(err) // the salt has the minimum length
	}
	return empty
}

// getRegistry answers what is known of the registry in use.
func (s *Server) getRegistry(w http.ResponseWriter, r *http.Request) {
	_, info, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	s.writeJSON(w, r, http.StatusOK, info)
}

// getRegistryExport answers the whole registry as one JSON document
// (registry.WriteJSON), or 404 when none is loaded.
func (s *Server) getRegistryExport(w http.ResponseWriter, r *http.Request) {
	reg, _, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	if reg == nil {
		s.writeError(w, r, errNoRegistry())
		return
	}
	var buf bytes.Buffer
	if err := reg.WriteJSON(&buf); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeFile(w, r, "application/json; charset=utf-8", "registry.json", buf.Bytes())
}

// getRegistryDue lists the actors whose re-verification is due on a day
// (default today, UTC), or with overdue=true only those overdue.
func (s *Server) getRegistryDue(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	on := q.date("on")
	overdue := q.boolean("overdue")
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	reg, info, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	if on.IsZero() {
		y, m, d := s.clock().UTC().Date()
		on = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	every := info.ReverifyEvery
	if every <= 0 {
		every = registry.DefaultReverifyEvery
	}
	reg = orEmpty(reg)
	var items []registry.DueItem
	if overdue {
		items = reg.Overdue(on, every)
	} else {
		items = reg.Due(on, every)
	}
	out := dueList{On: on.Format(time.DateOnly), ReverifyDays: every.Hours() / 24, Items: make([]dueItem, len(items))}
	for i, d := range items {
		out.Items[i] = dueItem{Kind: d.Kind, ID: d.ID, Name: d.Name,
			LastVerified: dateOrEmpty(d.LastVerified), Deadline: dateOrEmpty(d.Deadline), Overdue: d.Overdue}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// getRegistryReport answers the identity report of a period as CSV
// (registry.IdentityReport): period=YYYY-01 or YYYY-07, the month it is
// due in.
func (s *Server) getRegistryReport(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	v := q.one("period")
	period, zh, en := reportPeriod(v)
	if zh != "" {
		q.fail("period", v, zh, en)
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	reg, _, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := orEmpty(reg).IdentityReport(&buf, period); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeFile(w, r, "text/csv; charset=utf-8", "identity-report-"+v+".csv", buf.Bytes())
}

// reportPeriod reads a report month YYYY-01 or YYYY-07 as the period its
// report covers, or says why it cannot, in Chinese and English.
func reportPeriod(v string) (p registry.ReportPeriod, zh, en string) {
	if v == "" {
		return p, "必须给出报送月份 YYYY-01 或 YYYY-07", "give the report month, YYYY-01 or YYYY-07"
	}
	t, err := time.Parse("2006-01", v)
	if err != nil {
		return p, "不是月份 YYYY-MM（应为 YYYY-01 或 YYYY-07）", "not a month YYYY-MM (use YYYY-01 or YYYY-07)"
	}
	if p, err = registry.ReportPeriodFor(t.Year(), t.Month()); err != nil {
		return p, fmt.Sprintf("%d 月不是报送月份：报告每年一月和七月报送（YYYY-01 或 YYYY-07）", int(t.Month())),
			fmt.Sprintf("month %d is not a report month: reports are due in January and July (YYYY-01 or YYYY-07)", int(t.Month()))
	}
	return p, "", ""
}

// getRegistryKind lists the records of one kind, as JSON or, with
// format=csv, as its CSV file.
func (s *Server) getRegistryKind(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	format := q.choice("format", "json", "json", "csv")
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	reg, _, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	kind, err := registryKind(r.PathValue("kind"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	reg = orEmpty(reg)
	if format == "csv" {
		var buf bytes.Buffer
		if err := reg.WriteCSV(kind, &buf); err != nil {
			s.writeError(w, r, err)
			return
		}
		s.writeFile(w, r, "text/csv; charset=utf-8", kind.FileName(), buf.Bytes())
		return
	}
	s.writeJSON(w, r, http.StatusOK, kindRecords{Kind: kind, Records: reg.Rows(kind)})
}

// getRegistryRecord answers one record with the link rows that name it.
// Kinds without an id column are looked up by their first id column: a
// licence by merchant_id (the merchant's first licence), a host–agency
// link by host_id and a room link by room_id (the first such row); links
// then holds every row.
func (s *Server) getRegistryRecord(w http.ResponseWriter, r *http.Request) {
	reg, _, ok := s.registryInUse(w, r)
	if !ok {
		return
	}
	kind, err := registryKind(r.PathValue("kind"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	key := registryKey(kind)
	var rec map[string]string
	if reg != nil {
		for _, row := range reg.Rows(kind) {
			if row[key] == id {
				rec = row
				break
			}
		}
	}
	if rec == nil {
		zh, en := kind.Name()
		s.writeError(w, r, qinglang.Errorf(qinglang.ENOTFOUND, "登记册中没有%[1]s %[2]q", "no %[3]s %[2]q in the registry",
			zh, clip(id), en))
		return
	}
	ref := registryRefColumns[kind]
	if ref == "" {
		ref = key
	}
	out := registryRecord{Kind: kind, Key: key, ID: id, Record: rec, Links: map[registry.Kind][]map[string]string{}}
	for _, lk := range registryLinkKinds {
		rows := []map[string]string{}
		for _, row := range reg.Rows(lk) {
			if v, has := row[ref]; has && v == id {
				rows = append(rows, row)
			}
		}
		out.Links[lk] = rows
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// registryKind reads a kind given in the path; an unknown one is 404.
func registryKind(v string) (registry.Kind, error) {
	k := registry.Kind(v)
	if !slices.Contains(registry.Kinds, k) {
		return "", qinglang.Errorf(qinglang.ENOTFOUND, "没有记录种类 %q（可用：%s）", "no record kind %q (known: %s)",
			clip(v), kindList())
	}
	return k, nil
}

// kindList joins the known kinds for messages.
func kindList() string {
	names := make([]string, len(registry.Kinds))
	for i, k := range registry.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// registryKey is the column records of kind k are looked up by: id, or
// the first column naming another record's id.
func registryKey(k registry.Kind) string {
	for _, c := range registry.Columns[k] {
		if c.Name == "id" {
			return c.Name
		}
	}
	for _, c := range registry.Columns[k] {
		if strings.HasSuffix(c.Name, "_id") {
			return c.Name
		}
	}
	return registry.Columns[k][0].Name
}

// registryWritable checks that the principal of r may reload or import the
// registry, and answers 403 when it may not. The registry is one for every
// platform, so beyond what the role may do (registry.write) only an admin
// may change it: a platform writing it would write every platform's.
func (s *Server) registryWritable(w http.ResponseWriter, r *http.Request) bool {
	if !s.allowed(w, r, authz.RegistryWrite) {
		return false
	}
	if p := principalOf(r); p.Role != qinglang.RoleAdmin {
		s.writeError(w, r, qinglang.Errorf(qinglang.EFORBIDDEN,
			"登记册由所有平台共用：只有管理员可以重新加载或导入（角色 %q 不能）",
			"the registry is shared by every platform: only an admin may reload or import it (not role %q)", p.Role))
		return false
	}
	return true
}

// postRegistryReload reads the registry again from where it is kept (an
// admin's: registryWritable). An invalid source answers 400 listing its
// issues; the registry in use stays.
func (s *Server) postRegistryReload(w http.ResponseWriter, r *http.Request) {
	if !s.registryWritable(w, r) {
		return
	}
	if s.Registry == nil {
		s.writeError(w, r, errRegistryOff())
		return
	}
	info, issues, err := s.Registry.ReloadRegistry(r.Context())
	file := info.Source
	if file == "" {
		file = "registry"
	}
	s.answerRegistry(w, r, "registry reload", info, issues, file, err)
}

// postRegistryImport replaces one kind's records with a CSV file (kind
// given) or the whole registry with a JSON document (no kind); an admin's
// (registryWritable).
func (s *Server) postRegistryImport(w http.ResponseWriter, r *http.Request) {
	if !s.registryWritable(w, r) {
		return
	}
	if s.Registry == nil {
		s.writeError(w, r, errRegistryOff())
		return
	}
	q := newQuery(r.URL)
	v := q.one("kind")
	kind := registry.Kind(v)
	if v != "" && !slices.Contains(registry.Kinds, kind) {
		q.fail("kind", v, "不是已知的记录种类（"+kindList()+"）", "not a known record kind ("+kindList()+")")
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	file := "registry.json"
	if kind != "" {
		file = kind.FileName()
	}
	if err := checkImportContentType(r.Header.Get("Content-Type"), kind); err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := readLimited(w, r, MaxRegistryImportBytes, errImportTooLarge)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		s.writeError(w, r, qinglang.Errorf(qinglang.EINVALID,
			"请求体为空：请发送 CSV 文件（给出 kind）或整个登记册的 JSON 文档",
			"the request body is empty: send a CSV file (with kind) or the whole registry as a JSON document"))
		return
	}
	info, issues, err := s.Registry.ImportRegistry(r.Context(), kind, bytes.NewReader(body))
	s.answerRegistry(w, r, "registry import", info, issues, file, err)
}

// answerRegistry answers a reload or an import: 200 with the registry now
// in use and the issues, or the error's status with the issues listed as
// its problems (the shape of a refused rule reload).
func (s *Server) answerRegistry(w http.ResponseWriter, r *http.Request, what string, info RegistryInfo, issues registry.Issues, file string, err error) {
	if err == nil {
		if info.Counts == nil {
			info.Counts = map[registry.Kind]int{}
		}
		s.logger().InfoContext(r.Context(), what, "issues", len(issues), "skipped", info.Skipped)
		s.writeJSON(w, r, http.StatusOK, registryResult{Info: info, Issues: issueDetails(issues, file)})
		return
	}
	var qe *qinglang.Error
	status := statusOf(qinglang.Code(err))
	if status == http.StatusInternalServerError || !errors.As(err, &qe) {
		s.writeError(w, r, err)
		return
	}
	s.logger().WarnContext(r.Context(), what+" refused", "issues", len(issues), "err", err)
	d := errorDetail{Code: qe.Code, Message: qe.Message, MessageEN: qe.MessageEN}
	if len(issues) > 0 {
		d.Problems = issueDetails(issues, file)
	}
	s.writeJSON(w, r, status, errorBody{Error: d})
}

// issueDetails turns registry issues into problems; an issue without a
// file is given file.
func issueDetails(issues registry.Issues, file string) []problemDetail {
	out := make([]problemDetail, len(issues))
	for i, is := range issues {
		f := is.File
		if f == "" {
			f = file
		}
		out[i] = problemDetail{File: f, Line: is.Line, Field: is.Field, Reason: is.Message, ReasonEN: is.MessageEN,
			Severity: string(is.Severity)}
	}
	return out
}

// checkImportContentType refuses a Content-Type that cannot hold what an
// import of kind (CSV) or of the whole registry (JSON) needs.
func checkImportContentType(ct string, kind registry.Kind) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if kind != "" {
		if err == nil && registryCSVTypes[mt] {
			return nil
		}
		return qinglang.Errorf(qinglang.EINVALID, "不支持的 Content-Type %q：导入一种记录（给出 kind）请用 text/csv",
			"unsupported Content-Type %q: importing one kind (kind given) takes text/csv", clip(ct))
	}
	if err == nil && mt == "application/json" {
		return nil
	}
	return qinglang.Errorf(qinglang.EINVALID,
		"不支持的 Content-Type %q：导入整个登记册请用 application/json；导入一种记录的 CSV 请给出 kind 参数",
		"unsupported Content-Type %q: importing the whole registry takes application/json; for one kind's CSV file give the kind parameter", clip(ct))
}

// readLimited reads the whole request body under limit; a body over it is
// the error tooLarge returns.
func readLimited(w http.ResponseWriter, r *http.Request, limit int64, tooLarge func() error) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge()
		}
		return nil, qinglang.Errorf(qinglang.EINVALID, "读取请求体失败：%v", "could not read the request body: %v", err)
	}
	return body, nil
}

// writeFile answers a whole file of the given Content-Type, as an
// attachment named name.
func (s *Server) writeFile(w http.ResponseWriter, r *http.Request, contentType, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	if name != "" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(body); err != nil {
		s.logger().DebugContext(r.Context(), "write response", "err", err)
	}
}

// dateOrEmpty writes a day, "" for the zero time.
func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func errRegistryOff() error {
	return qinglang.Errorf(qinglang.EUNAVAILABLE, "登记册管理未启用", "registry management is not configured")
}

func errNoRegistry() error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "没有加载登记册", "no registry loaded")
}

func errImportTooLarge() error {
	return qinglang.Errorf(qinglang.ETOOLARGE, "请求体超过上限 %d 字节（%s），未导入任何记录",
		"the request body is over the limit of %d bytes (%s); nothing was imported",
		MaxRegistryImportBytes, byteSize(MaxRegistryImportBytes))
}
