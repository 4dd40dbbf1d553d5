package registry

import (
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// ReportMonths are the months the identity report is due in. [U] SAMR
// Order 37 (Online Trading Measures) art. 25: the platform reports
// merchants' identity information to the provincial regulator every
// January and July (domain.md, "Duties with numbers"). Correct it here.
var ReportMonths = []time.Month{time.January, time.July}

// ReportPeriod is the half year a report covers; both days inclusive.
type ReportPeriod struct {
	From, To time.Time
}

// ReportPeriodFor returns the period of the report due in month of year:
// the six months before it (the report of January 2026 covers 2025-07-01
// to 2025-12-31). A month not in ReportMonths is an EINVALID error.
func ReportPeriodFor(year int, month time.Month) (ReportPeriod, error) {
	if !slices.Contains(ReportMonths, month) {
		return ReportPeriod{}, qinglang.Errorf(qinglang.EINVALID, "%d 月不是报送月份", "%d is not a report month", int(month))
	}
	return ReportPeriod{From: time.Date(year, month-6, 1, 0, 0, 0, 0, time.UTC),
		To: time.Date(year, month, 0, 0, 0, 0, 0, time.UTC)}, nil
}

// ReportColumns are the columns of the identity report, one row per actor
// the platform verifies: every merchant, then every operator, agency and
// host (the actors whose identity Order 117 asks the platform to verify),
// each in id order. Personal IDs appear only masked.
//
//	report_from, report_to  the period, YYYY-MM-DD
//	actor_kind              merchant, operator, agency or host
//	id, name                the actor's id and name
//	uscc                    the USCC (merchants, and others when known)
//	uscc_check              valid or verify_by_hand; empty without a USCC
//	resident_id_masked      hosts: the masked resident ID
//	platform_id             merchants: their platform
//	licences                merchants: kind number from~to, joined by "; "
//	links                   room ids (merchants, operators) or agency ids
//	                        (hosts) of links in force during the period
//	last_verified           the last verification day; empty: never
//	verified_in_period      yes or no
//	reverify_status         on the period's last day, with
//	                        DefaultReverifyEvery: ok, overdue or never
var ReportColumns = []string{"report_from", "report_to", "actor_kind", "id", "name", "uscc", "uscc_check",
	"resident_id_masked", "platform_id", "licences", "links", "last_verified", "verified_in_period", "reverify_status"}

// IdentityReport writes the identity report for period p as CSV with a
// header of ReportColumns.
func (r *Registry) IdentityReport(w io.Writer, p ReportPeriod) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(ReportColumns)
	line := func(kind, id, name, uscc, masked, platform string, lic, links []string, last time.Time) {
		check := ""
		if uscc != "" {
			check = string(qualify.CheckUSCC(uscc).Verdict)
		}
		in := "no"
		if !last.IsZero() && !last.Before(p.From) && !last.After(p.To) {
			in = "yes"
		}
		status := "ok"
		switch dl := deadline(last, DefaultReverifyEvery); {
		case dl.IsZero():
			status = "never"
		case dl.Before(p.To):
			status = "overdue"
		}
		_ = cw.Write([]string{fmtDate(p.From), fmtDate(p.To), kind, id, name, uscc, check, masked, platform,
			strings.Join(lic, "; "), strings.Join(links, "; "), fmtDate(last), in, status})
	}
	for _, m := range r.Merchants() {
		var lic []string
		for _, l := range m.Licences {
			lic = append(lic, string(l.Kind)+" "+l.Number+" "+fmtDate(l.Validity.From)+"~"+fmtDate(l.Validity.To))
		}
		line("merchant", m.ID, m.Name, m.USCC, "", m.PlatformID, lic, r.roomsDuring(p, func(l RoomLink) bool { return l.MerchantID == m.ID }), m.LastVerified)
	}
	for _, o := range r.Operators() {
		line("operator", o.ID, o.Name, o.USCC, "", "", nil, r.roomsDuring(p, func(l RoomLink) bool { return l.OperatorID == o.ID }), o.LastVerified)
	}
	for _, a := range r.Agencies() {
		line("agency", a.ID, a.Name, a.USCC, "", "", nil, nil, a.LastVerified)
	}
	for _, h := range r.Hosts() {
		var ags []string
		for _, l := range r.hostAgencies {
			if l.HostID == h.ID && overlaps(l.Validity, p) && !slices.Contains(ags, l.AgencyID) {
				ags = append(ags, l.AgencyID)
			}
		}
		line("host", h.ID, h.Name, "", h.IDMasked, "", nil, ags, h.LastVerified)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "写入身份信息报告失败", "writing the identity report failed")
	}
	return nil
}

// roomsDuring lists the rooms of the links that match and are in force at
// some time during p, without repeats.
func (r *Registry) roomsDuring(p ReportPeriod, match func(RoomLink) bool) []string {
	var out []string
	for _, l := range r.roomLinks {
		if match(l) && overlaps(l.Validity, p) && !slices.Contains(out, l.RoomID) {
			out = append(out, l.RoomID)
		}
	}
	return out
}

// overlaps reports whether a validity shares a day with the period.
func overlaps(v qualify.Validity, p ReportPeriod) bool {
	return (v.From.IsZero() || !v.From.After(p.To)) && (v.To.IsZero() || !v.To.Before(p.From))
}
