package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/spotcheck"
)

// MaxSpotCheckBytes is the largest body POST /v1/spotchecks reads.
const MaxSpotCheckBytes = 4 << 20

// maxSpotChecksLimit is the largest page of recorded spot checks
// (qinglang.SpotCheckFilter).
const maxSpotChecksLimit = 1000

// spotCheckCSVTypes and spotCheckJSONTypes are the Content-Types POST
// /v1/spotchecks takes. Without one (or with application/octet-stream), a
// body starting with [ or { is read as JSON and any other as CSV.
var (
	spotCheckCSVTypes  = map[string]bool{"text/csv": true, "application/csv": true, "text/plain": true}
	spotCheckJSONTypes = map[string]bool{"application/json": true}
)

// cst is China Standard Time, the zone of a bare date in a result.
var cst = time.FixedZone("CST", 8*3600)

// spotCheckProblem is why one result was not recorded: its CSV line and
// column, or its JSON path (results[2].tested_at).
type spotCheckProblem struct {
	Line     int    `json:"line,omitempty"` // CSV line, from 1 (the header)
	Field    string `json:"field"`          // "": the whole row or object
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

// spotChecksResult answers POST /v1/spotchecks. At most MaxListedProblems
// problems are listed; ProblemsOmitted counts the rest.
type spotChecksResult struct {
	Recorded        []SpotCheckRecorded `json:"recorded"`
	Problems        []spotCheckProblem  `json:"problems"`
	ProblemsOmitted int                 `json:"problems_omitted"`
}

// add lists a problem, or counts it once the list is full.
func (res *spotChecksResult) add(p spotCheckProblem) {
	if len(res.Problems) < MaxListedProblems {
		res.Problems = append(res.Problems, p)
		return
	}
	res.ProblemsOmitted++
}

// spotCheckSummary is one recorded result in a list: its columns, what
// failed and how far it reached, without the whole body.
type spotCheckSummary struct {
	ID          string           `json:"id"`
	Product     string           `json:"product"`
	Batch       string           `json:"batch,omitempty"`
	Platform    string           `json:"platform"`
	Pass        bool             `json:"pass"`
	TestedAt    time.Time        `json:"tested_at"`
	RecordedAt  time.Time        `json:"recorded_at"`
	FailedItems []spotcheck.Item `json:"failed_items"`
	// AffectedListings is the number of listings found affected (each a
	// finding); Notices the number of platforms sent a delisting notice.
	AffectedListings int `json:"affected_listings"`
	Notices          int `json:"notices"`
}

// spotCheckPage answers GET /v1/spotchecks; Next is absent on the last
// page.
type spotCheckPage struct {
	SpotChecks []spotCheckSummary `json:"spot_checks"`
	Next       string             `json:"next,omitempty"`
}

// spotCheckDetail answers GET /v1/spotchecks/{id}: the record's columns and
// everything stored with it.
type spotCheckDetail struct {
	ID           string                  `json:"id"`
	Product      string                  `json:"product"`
	Batch        string                  `json:"batch,omitempty"`
	Platform     string                  `json:"platform"`
	Pass         bool                    `json:"pass"`
	TestedAt     time.Time               `json:"tested_at"`
	RecordedAt   time.Time               `json:"recorded_at"`
	Result       spotcheck.Result        `json:"result"`
	Drafts       []spotcheck.Draft       `json:"drafts"`
	Notices      []spotcheck.Notice      `json:"notices"`
	PublicRecord *spotcheck.PublicRecord `json:"public_record,omitempty"`
}

// postSpotChecks records laboratory results sent as CSV
// (spotcheck.ReadCSV) or JSON (an array of results, or {"results": [...]}).
// The valid ones are recorded; the bad ones are listed by CSV line and
// column or by JSON path and do not hold back the valid ones. When none is
// valid the answer is 400 with the problems.
func (s *Server) postSpotChecks(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.SpotchecksWrite) {
		return
	}
	if s.SpotChecks == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.EUNAVAILABLE, "抽检结果录入未启用", "recording spot-check results is not configured"))
		return
	}
	asJSON, known, err := spotCheckContentType(r.Header.Get("Content-Type"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := readLimited(w, r, MaxSpotCheckBytes, errSpotChecksTooLarge)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\ufeff")))
	if len(trimmed) == 0 {
		s.writeError(w, r, errNoResults())
		return
	}
	if !known {
		asJSON = trimmed[0] == '[' || trimmed[0] == '{'
	}

	out := spotChecksResult{Recorded: []SpotCheckRecorded{}, Problems: []spotCheckProblem{}}
	var results []spotcheck.Result
	if asJSON {
		results, err = readSpotCheckJSON(trimmed, out.add)
	} else {
		results, err = readSpotCheckCSV(body, out.add)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(results) == 0 {
		if len(out.Problems) == 0 {
			s.writeError(w, r, errNoResults())
			return
		}
		s.writeJSON(w, r, http.StatusBadRequest, out)
		return
	}
	recorded, err := s.SpotChecks.RecordSpotChecks(r.Context(), results)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, rec := range recorded {
		rec.Platforms = nonNil(rec.Platforms)
		out.Recorded = append(out.Recorded, rec)
	}
	s.logger().InfoContext(r.Context(), "spot checks recorded", "results", len(results),
		"problems", len(out.Problems)+out.ProblemsOmitted)
	s.writeJSON(w, r, http.StatusOK, out)
}

// spotCheckContentType tells how to read the body: asJSON when known; not
// known when there is no Content-Type (the body decides).
func spotCheckContentType(ct string) (asJSON, known bool, err error) {
	if ct == "" {
		return false, false, nil
	}
	mt, _, perr := mime.ParseMediaType(ct)
	switch {
	case perr == nil && mt == "application/octet-stream":
		return false, false, nil
	case perr == nil && spotCheckJSONTypes[mt]:
		return true, true, nil
	case perr == nil && spotCheckCSVTypes[mt]:
		return false, true, nil
	}
	return false, false, qinglang.Errorf(qinglang.EINVALID,
		"不支持的 Content-Type %q：请用 text/csv（带表头的 CSV）或 application/json（结果数组或 {\"results\": [...]}）",
		"unsupported Content-Type %q: use text/csv (CSV with a header row) or application/json (an array of results or {\"results\": [...]})",
		clip(ct))
}

// readSpotCheckCSV reads results from CSV, reporting each bad row by line
// and column.
func readSpotCheckCSV(body []byte, problem func(spotCheckProblem)) ([]spotcheck.Result, error) {
	results, bad, err := spotcheck.ReadCSV(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for _, fe := range bad {
		p := spotCheckProblem{Line: fe.Line, Field: fe.Field}
		if fe.Err != nil {
			p.Reason, p.ReasonEN = fe.Err.Message, fe.Err.MessageEN
		} else {
			p.Reason, p.ReasonEN = fe.Error(), fe.Error()
		}
		problem(p)
	}
	return results, nil
}

// resultJSON is a spotcheck.Result as sent: times as text (RFC 3339 or a
// date, as in CSV) and pass required, so that each problem names its field.
type resultJSON struct {
	Product     string            `json:"product"`
	Batch       string            `json:"batch"`
	Platform    string            `json:"platform"`
	Merchant    string            `json:"merchant"`
	Category    qinglang.Category `json:"category"`
	Lab         string            `json:"lab"`
	SampledAt   string            `json:"sampled_at"`
	TestedAt    string            `json:"tested_at"`
	Pass        *bool             `json:"pass"`
	FailedItems []spotcheck.Item  `json:"failed_items"`
}

// readSpotCheckJSON reads an array of results or {"results": [...]}. Each
// bad result is reported by its path, results[i] (also for a bare array),
// and its field; a body that is neither form is an error.
func readSpotCheckJSON(body []byte, problem func(spotCheckProblem)) ([]spotcheck.Result, error) {
	var raws []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	var err error
	if body[0] == '{' {
		var wrapped struct {
			Results *[]json.RawMessage `json:"results"`
		}
		dec.DisallowUnknownFields()
		if err = dec.Decode(&wrapped); err == nil && wrapped.Results == nil {
			err = errors.New(`no "results" key`)
		}
		if wrapped.Results != nil {
			raws = *wrapped.Results
		}
	} else {
		err = dec.Decode(&raws)
	}
	if err == nil && dec.More() {
		err = errors.New("unexpected data after the JSON value")
	}
	if err != nil {
		return nil, qinglang.Errorf(qinglang.EINVALID,
			"请求体应为抽检结果的 JSON 数组或 {\"results\": [...]}：%v",
			"the body must be a JSON array of results or {\"results\": [...]}: %v", err)
	}
	var out []spotcheck.Result
	for i, raw := range raws {
		res, p := decodeResult(raw)
		if p == nil {
			if fe := res.Validate(); fe != nil {
				p = &spotCheckProblem{Field: fe.Field, Reason: fe.Err.Message, ReasonEN: fe.Err.MessageEN}
			}
		}
		if p != nil {
			path := fmt.Sprintf("results[%d]", i)
			if p.Field != "" {
				path += "." + p.Field
			}
			p.Field = path
			problem(*p)
			continue
		}
		out = append(out, res)
	}
	return out, nil
}

// decodeResult decodes one result object strictly; a problem's Field is
// relative to the object.
func decodeResult(raw json.RawMessage) (spotcheck.Result, *spotCheckProblem) {
	var in resultJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return spotcheck.Result{}, &spotCheckProblem{Field: te.Field,
				Reason:   fmt.Sprintf("类型错误：应为 %s", te.Type),
				ReasonEN: fmt.Sprintf("wrong type: want %s", te.Type)}
		}
		return spotcheck.Result{}, &spotCheckProblem{
			Reason:   fmt.Sprintf("不是有效的抽检结果对象：%v", err),
			ReasonEN: fmt.Sprintf("not a valid result object: %v", err)}
	}
	res := spotcheck.Result{Product: in.Product, Batch: in.Batch, Platform: in.Platform, Merchant: in.Merchant,
		Category: in.Category, Lab: in.Lab, FailedItems: in.FailedItems}
	var p *spotCheckProblem
	if res.SampledAt, p = resultTime("sampled_at", in.SampledAt); p != nil {
		return res, p
	}
	if res.TestedAt, p = resultTime("tested_at", in.TestedAt); p != nil {
		return res, p
	}
	if in.Pass == nil {
		return res, &spotCheckProblem{Field: "pass", Reason: "缺少必填值（true 或 false）", ReasonEN: "missing (true or false)"}
	}
	res.Pass = *in.Pass
	return res, nil
}

// resultTime reads a time of a result: RFC 3339, or a date 2006-01-02 at
// midnight China Standard Time (as spotcheck.ReadCSV does).
func resultTime(field, v string) (time.Time, *spotCheckProblem) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, &spotCheckProblem{Field: field, Reason: "缺少必填值", ReasonEN: "missing"}
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, v, cst); err == nil {
		return t, nil
	}
	return time.Time{}, &spotCheckProblem{Field: field,
		Reason:   fmt.Sprintf("无法识别时间 %q（应为 RFC 3339 或 2006-01-02）", clip(v)),
		ReasonEN: fmt.Sprintf("cannot read time %q (use RFC 3339 or 2006-01-02)", clip(v))}
}

// getSpotChecks lists recorded results, the most recently recorded first,
// filtered by the query.
func (s *Server) getSpotChecks(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.SpotchecksRead) {
		return
	}
	q := newQuery(r.URL)
	f := qinglang.SpotCheckFilter{
		Product:    q.id("product"),
		Platform:   q.id("platform"),
		FailedOnly: q.boolean("failed"),
		Cursor:     q.one("cursor"),
		Limit:      q.limit("limit", maxSpotChecksLimit),
	}
	if !s.readable(w, r, q.err) {
		return
	}
	page, err := s.Store.SpotChecks(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := spotCheckPage{SpotChecks: make([]spotCheckSummary, len(page.SpotChecks)), Next: page.Next}
	for i, rec := range page.SpotChecks {
		st, err := spotcheck.Decode(rec)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		out.SpotChecks[i] = spotCheckSummary{ID: rec.ID, Product: rec.Product, Batch: rec.Batch, Platform: rec.Platform,
			Pass: rec.Pass, TestedAt: rec.TestedAt, RecordedAt: rec.RecordedAt,
			FailedItems: nonNil(st.Result.FailedItems), AffectedListings: len(st.Outcome.Drafts), Notices: len(st.Outcome.Notices)}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// getSpotCheck answers one recorded result with everything stored with
// it: the result, the findings drafted, the notices and the public record.
func (s *Server) getSpotCheck(w http.ResponseWriter, r *http.Request) {
	rec, st, ok := s.spotCheck(w, r)
	if !ok {
		return
	}
	st.Outcome = ownPlatform(principalOf(r), st.Outcome)
	out := spotCheckDetail{ID: rec.ID, Product: rec.Product, Batch: rec.Batch, Platform: rec.Platform,
		Pass: rec.Pass, TestedAt: rec.TestedAt, RecordedAt: rec.RecordedAt, Result: st.Result,
		Drafts: nonNil(st.Outcome.Drafts), Notices: nonNil(st.Outcome.Notices), PublicRecord: st.Outcome.Record}
	s.writeJSON(w, r, http.StatusOK, out)
}

// getSpotCheckNotice answers the delisting notice a recorded result sent
// to one platform: as JSON (format=json, the default) or as text
// (format=text) in Chinese (lang=zh, the default) or English (lang=en).
func (s *Server) getSpotCheckNotice(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	format := q.choice("format", "json", "json", "text")
	lang := q.choice("lang", "zh", "zh", "en")
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	rec, st, ok := s.spotCheck(w, r)
	if !ok {
		return
	}
	platform := r.PathValue("platform")
	st.Outcome = ownPlatform(principalOf(r), st.Outcome)
	var notice *spotcheck.Notice
	for i := range st.Outcome.Notices {
		if st.Outcome.Notices[i].Platform == platform {
			notice = &st.Outcome.Notices[i]
			break
		}
	}
	if notice == nil {
		s.writeError(w, r, qinglang.Errorf(qinglang.ENOTFOUND, "抽检结果 %s 没有发给平台 %q 的下架通知",
			"spot check %s sent no delisting notice to platform %q", rec.ID, clip(platform)))
		return
	}
	if format == "json" {
		b, err := notice.JSON()
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		s.writeFile(w, r, "application/json; charset=utf-8", "", append(b, '\n'))
		return
	}
	text := notice.Text()
	if lang == "en" {
		text = notice.TextEN()
	}
	s.writeFile(w, r, "text/plain; charset=utf-8", "", []byte(text))
}

// spotCheck reads the recorded result of the path's id and decodes it, or
// answers the error.
func (s *Server) spotCheck(w http.ResponseWriter, r *http.Request) (qinglang.SpotCheckRecord, spotcheck.Stored, bool) {
	if !s.allowed(w, r, authz.SpotchecksRead) || !s.readable(w, r, nil) {
		return qinglang.SpotCheckRecord{}, spotcheck.Stored{}, false
	}
	rec, err := s.Store.SpotCheck(r.Context(), r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return rec, spotcheck.Stored{}, false
	}
	st, err := spotcheck.Decode(rec)
	if err != nil {
		s.writeError(w, r, err)
		return rec, st, false
	}
	return rec, st, true
}

// ownPlatform keeps, for a principal scoped to one platform (platform,
// reviewer, operator), only the affected listings and the notice of its own
// platform: another platform's rooms and listings are that platform's
// business. Admins and regulators see everything.
func ownPlatform(p qinglang.Principal, o spotcheck.Outcome) spotcheck.Outcome {
	if p.Platform == "" || p.Role == qinglang.RoleAdmin || p.Role == qinglang.RoleRegulator {
		return o
	}
	var drafts []spotcheck.Draft
	for _, d := range o.Drafts {
		if d.Platform == p.Platform {
			drafts = append(drafts, d)
		}
	}
	var notices []spotcheck.Notice
	for _, n := range o.Notices {
		if n.Platform == p.Platform {
			notices = append(notices, n)
		}
	}
	o.Drafts, o.Notices = drafts, notices
	return o
}

func errSpotChecksTooLarge() error {
	return qinglang.Errorf(qinglang.ETOOLARGE, "请求体超过上限 %d 字节（%s），未记录任何结果；请分批发送",
		"the request body is over the limit of %d bytes (%s); no result was recorded; send smaller batches",
		MaxSpotCheckBytes, byteSize(MaxSpotCheckBytes))
}

func errNoResults() error {
	return qinglang.Errorf(qinglang.EINVALID,
		"请求体中没有抽检结果：请发送带表头的 CSV（text/csv）或结果的 JSON 数组（application/json）",
		"the request body holds no results: send CSV with a header row (text/csv) or a JSON array of results (application/json)")
}
