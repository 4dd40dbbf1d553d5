package enforce

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
)

func TestVerifyAuditAfterTheLoopAndAfterTampering(t *testing.T) {
	e := cwSetup(t)
	_, m, _ := e.decided(cwPlatform)
	a, err := e.svc.FileAppeal(e.ctx, cwOperator, m.ID, "处罚过重")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.ReviewAppeal(e.ctx, cwPlatform2, a.ID, AppealReview{Outcome: "撤销"}); err != nil {
		t.Fatal(err)
	}
	all, err := e.store.AuditEntries(e.ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.svc.VerifyAudit(e.ctx)
	if err != nil || !rep.OK || rep.Checked != int64(len(all)) || rep.Head.Seq != all[len(all)-1].Seq {
		t.Fatalf("VerifyAudit = %+v, %v; want all %d entries OK", rep, err, len(all))
	}
	head := rep.Head
	if rep, err := e.svc.VerifyAudit(e.ctx, head); err != nil || !rep.OK {
		t.Errorf("VerifyAudit against its own head = %+v, %v", rep, err)
	}

	db, err := sql.Open("sqlite", e.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(e.ctx, `UPDATE audit_log SET data = '{"case_id":"forged"}' WHERE seq = 3`); err != nil {
		t.Fatal(err)
	}
	rep, err = e.svc.VerifyAudit(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Break == nil || rep.Break.Seq != 3 || rep.Break.Kind != audit.KindEdited || rep.Head.Seq != 2 {
		t.Errorf("VerifyAudit after tampering = %+v (break %+v); want a break at seq 3", rep, rep.Break)
	}
}

func TestVerifyAuditWithAKeyedChain(t *testing.T) {
	h, err := audit.NewKeyed([]byte(strings.Repeat("k", audit.MinKeyBytes)))
	if err != nil {
		t.Fatal(err)
	}
	e := cwSetup(t, func(c *Config) { c.Audit = h })
	e.proposed()
	if rep, err := e.svc.VerifyAudit(e.ctx); err != nil || !rep.OK || rep.Checked == 0 {
		t.Errorf("VerifyAudit keyed = %+v, %v", rep, err)
	}
	// An unkeyed verifier cannot verify it.
	plain, err := New(Config{Store: e.store})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := plain.VerifyAudit(e.ctx); err != nil || rep.OK {
		t.Errorf("VerifyAudit of a keyed chain without the key = %+v, %v; want a break", rep, err)
	}
}

func TestAuditEntriesByScope(t *testing.T) {
	e := cwSetup(t)
	c, m := e.proposed()
	all, err := e.store.AuditEntries(e.ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    qinglang.Principal
		want int
	}{
		{cwAdmin, len(all)}, {cwPlatform, len(all)}, {cwShanghai, len(all)}, {cwOther, 0}, {cwGuangdong, 0},
	} {
		page, err := e.svc.AuditEntries(e.ctx, tc.p, "", 0, 0)
		if err != nil || len(page.Entries) != tc.want {
			t.Errorf("AuditEntries as %s = %d, %v; want %d", tc.p.Name, len(page.Entries), err, tc.want)
		}
	}
	page, err := e.svc.AuditEntries(e.ctx, cwPlatform, "measure:"+m.ID, 0, 0)
	if err != nil || len(page.Entries) != 1 || page.Entries[0].Action != "measure.propose" {
		t.Errorf("entries of the measure = %+v, %v", page.Entries, err)
	}
	_, err = e.svc.AuditEntries(e.ctx, cwOther, "case:"+c.ID, 0, 0)
	cwCode(t, "another platform's case", err, qinglang.ENOTFOUND)
	_, err = e.svc.AuditEntries(e.ctx, cwReviewer, "", 0, 0)
	cwCode(t, "a reviewer", err, qinglang.EFORBIDDEN)
	_, err = e.svc.AuditEntries(e.ctx, cwPlatform, "rules", 0, 0)
	cwCode(t, "an object of no record", err, qinglang.ENOTFOUND)

	first, err := e.svc.AuditEntries(e.ctx, cwAdmin, "", 0, 2)
	if err != nil || len(first.Entries) != 2 || first.Next != first.Entries[1].Seq {
		t.Fatalf("first page = %+v, %v", first, err)
	}
	rest, err := e.svc.AuditEntries(e.ctx, cwAdmin, "", first.Next, 0)
	if err != nil || len(rest.Entries) != len(all)-2 || rest.Next != 0 {
		t.Errorf("rest = %d entries (next %d), %v; want %d", len(rest.Entries), rest.Next, err, len(all)-2)
	}
}

// TestVerifyAuditCatchesDeletedAndReorderedRows tampers with the database
// directly: a deleted row, two rows swapped, and the last row deleted
// (caught only against a head kept before).
func TestVerifyAuditCatchesDeletedAndReorderedRows(t *testing.T) {
	for _, c := range []struct {
		name   string
		sql    []string
		anchor bool
		seq    int64
		kind   audit.Kind
	}{
		{"deleted", []string{`DELETE FROM audit_log WHERE seq = 4`}, false, 5, audit.KindDeleted},
		{"swapped", []string{
			`UPDATE audit_log SET seq = 1000000 WHERE seq = 3`,
			`UPDATE audit_log SET seq = 3 WHERE seq = 4`,
			`UPDATE audit_log SET seq = 4 WHERE seq = 1000000`,
		}, false, 3, ""},
		{"last deleted", []string{`DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)`}, true, 0, audit.KindTruncated},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := cwSetup(t)
			e.decided(cwPlatform)
			before, err := e.svc.VerifyAudit(e.ctx)
			if err != nil || !before.OK || before.Checked < 6 {
				t.Fatalf("before: %+v %v", before, err)
			}
			db, err := sql.Open("sqlite", e.path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, q := range c.sql {
				if _, err := db.ExecContext(e.ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			var anchors []audit.Head
			if c.anchor {
				anchors = append(anchors, before.Head)
			}
			rep, err := e.svc.VerifyAudit(e.ctx, anchors...)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Break == nil {
				t.Fatalf("tampering (%s) not caught: %+v", c.name, rep)
			}
			if c.seq != 0 && rep.Break.Seq != c.seq {
				t.Errorf("break at %d (%s), want %d", rep.Break.Seq, rep.Break.Kind, c.seq)
			}
			if c.kind != "" && rep.Break.Kind != c.kind {
				t.Errorf("break kind %s, want %s", rep.Break.Kind, c.kind)
			}
			if rep.Break.Reason == "" || rep.Break.ReasonEN == "" {
				t.Error("the break has no reason")
			}
		})
	}
}
