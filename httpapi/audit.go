package httpapi

import (
	"net/http"
	"strconv"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/authz"
	"github.com/qinglang/qinglang/enforce"
)

// maxAuditLimit is the largest page of the audit log.
const maxAuditLimit = 1000

// maxAnchors bounds the anchors one verification takes.
const maxAnchors = 100

// getAudit answers a page of the audit log in sequence order: the entries
// after a seq (after, default 0), of one object when object is given.
func (s *Server) getAudit(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	object := q.one("object")
	if len(object) > 2*qinglang.MaxIDBytes {
		q.fail("object", object, "超过 "+strconv.Itoa(2*qinglang.MaxIDBytes)+" 字节",
			"longer than "+strconv.Itoa(2*qinglang.MaxIDBytes)+" bytes")
	}
	after := q.seq("after")
	limit := q.limit("limit", maxAuditLimit)
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	page, err := enf.AuditEntries(r.Context(), principalOf(r), object, after, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, enforce.AuditPage{Entries: nonNil(page.Entries), Next: page.Next})
}

// seq returns a sequence number parameter (a non-negative integer), 0 when
// absent.
func (q *query) seq(name string) int64 {
	v := q.one(name)
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		q.fail(name, v, "必须是非负整数", "must be a non-negative integer")
		return 0
	}
	return n
}

// getAuditVerify verifies the whole hash chain of the audit log, and that
// it still holds each anchor given (anchor=seq:hash, repeated: heads
// printed and kept elsewhere earlier). The answer is the report, 200
// whether the chain holds or not: ok and break say which. An error status
// means the chain could not be read at all. Verifying is audit.verify (an
// admin's or a regulator's): the service's VerifyAudit takes no principal,
// so the check is here.
func (s *Server) getAuditVerify(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(w, r, authz.AuditVerify) {
		return
	}
	q := newQuery(r.URL)
	var anchors []audit.Head
	values := q.values["anchor"]
	if len(values) > maxAnchors {
		q.fail("anchor", strconv.Itoa(len(values))+" anchors", "最多 "+strconv.Itoa(maxAnchors)+" 个",
			"at most "+strconv.Itoa(maxAnchors))
	}
	for _, v := range values {
		if q.err != nil {
			break
		}
		h, err := audit.ParseHead(v)
		if err != nil {
			q.fail("anchor", v, "应为此前记录的审计链头「序号:64 位十六进制哈希」",
				`want an audit head recorded earlier, "seq:64 hex digits"`)
			break
		}
		anchors = append(anchors, h)
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	enf, ok := s.enforcer(w, r)
	if !ok {
		return
	}
	rep, err := enf.VerifyAudit(r.Context(), anchors...)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, rep)
}
