package sqlstore

import (
	"strings"
	"testing"
)

func TestDialectSQL(t *testing.T) {
	single := Dialect{SingleWriter: true}
	for i := range stmtSQL {
		if got := dialectSQL(single, i); got != stmtSQL[i] {
			t.Errorf("statement %d for a SingleWriter engine = %q, want stmtSQL's", i, got)
		}
	}
	if got := dialectSQL(Dialect{}, stmtRecordLocked); !strings.HasSuffix(got, "FOR UPDATE OF r") {
		t.Errorf("GetRecord's statement side by side = %q, want it to lock the row", got)
	}
	if got := dialectSQL(Dialect{}, stmtNextRecordSeq); !strings.Contains(got, "nextval('records_seq')") {
		t.Errorf("the next record seq side by side = %q, want the sequence", got)
	}
	if got := dialectSQL(Dialect{}, stmtRecord); got != stmtSQL[stmtRecord] {
		t.Errorf("Record's statement side by side = %q, want the shared one", got)
	}
}

func TestSuccessor(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"region:31", "region:32", true},
		{"room:r_", "room:r`", true},
		{"a\u00ff", "a\u0100", true},
		{"上海", "上浸", true},
		{"x\ud7ff", "x\ue000", true}, // over the surrogates
		{"x\U0010FFFF", "y", true},
		{"x\U0010FFFF\U0010FFFF", "y", true},
		{"\U0010FFFF", "", false},
	} {
		got, ok := successor(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("successor(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
		if ok && !(c.in < got) {
			t.Errorf("successor(%q) = %q is not greater", c.in, got)
		}
	}
	// Every string with the prefix sorts below the successor, byte by byte.
	p := "region:3"
	next, _ := successor(p)
	for _, s := range []string{p, p + "1", p + "\U0010FFFF", p + "\U0010FFFF\U0010FFFFz", p + "\x7f"} {
		if !(p <= s && s < next) {
			t.Errorf("%q is not in [%q, %q)", s, p, next)
		}
	}
	for _, s := range []string{"region:4", "region:", "region;", "Region:3"} {
		if p <= s && s < next {
			t.Errorf("%q is in [%q, %q) without the prefix", s, p, next)
		}
	}
}

func TestScopeCondition(t *testing.T) {
	for _, c := range []struct {
		prefix string
		exact  []string
		want   string
		args   int
	}{
		{"", nil, "", 0},
		{"region:31", nil, "(s.scope >= ? AND s.scope < ?)", 2},
		{"\U0010FFFF", nil, "s.scope >= ?", 1},
		{"", []string{"room:r1", "room:r2"}, "s.scope IN (?, ?)", 2},
		{"region:31", []string{"room:r1"}, "(s.scope >= ? AND s.scope < ?) OR s.scope IN (?)", 3},
	} {
		got, args := scopeCondition(c.prefix, c.exact)
		if got != c.want || len(args) != c.args {
			t.Errorf("scopeCondition(%q, %q) = %q with %d args, want %q with %d", c.prefix, c.exact, got, len(args), c.want, c.args)
		}
	}
}
