package httpapi

import (
	"net/http"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// maxCampaignsLimit is the largest page of campaigns
// (qinglang.CampaignFilter).
const maxCampaignsLimit = 1000

// campaignSummary is one campaign in a list: what it is looked up by,
// without its whole state (GET /v1/campaigns/{id} serves that).
type campaignSummary struct {
	ID        string            `json:"id"`
	Platform  string            `json:"platform"`
	Severity  qinglang.Severity `json:"severity"`
	Score     float64           `json:"score"`
	FirstSeen time.Time         `json:"first_seen"`
	LastSeen  time.Time         `json:"last_seen"`
	UpdatedAt time.Time         `json:"updated_at"`
	Members   []string          `json:"members"`
	Rooms     []string          `json:"rooms"`
}

// campaignPage answers GET /v1/campaigns; Next is absent on the last page.
type campaignPage struct {
	Campaigns []campaignSummary `json:"campaigns"`
	Next      string            `json:"next,omitempty"`
}

// campaignsNames name campaigns in listScope's messages.
var campaignsNames = [2]string{"团伙", "campaigns"}

// getCampaigns lists campaigns, the most recently updated first, filtered
// by the query, within the principal's scope: a platform or reviewer token
// its platform's (a platform filter naming another matches nothing). An
// operator may not read campaigns; a regulator sees them through cases:
// 403.
func (s *Server) getCampaigns(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r.URL)
	f := qinglang.CampaignFilter{
		Platform: q.id("platform"),
		Account:  q.id("account"),
		Room:     q.id("room"),
		Since:    q.time("since"),
		Severity: q.severity("severity"),
		Cursor:   q.one("cursor"),
		Limit:    q.limit("limit", maxCampaignsLimit),
		OmitBody: true,
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	p := principalOf(r)
	none, err := listScope(p, authz.CampaignsRead, &f.Platform, f.Room, campaignsNames)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !s.readable(w, r, nil) {
		return
	}
	if none {
		s.writeJSON(w, r, http.StatusOK, campaignPage{Campaigns: []campaignSummary{}})
		return
	}
	page, err := s.Store.Campaigns(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := campaignPage{Campaigns: make([]campaignSummary, 0, len(page.Campaigns)), Next: page.Next}
	for _, c := range page.Campaigns {
		if !authz.Visible(p, campaignResource(c)) {
			continue
		}
		out.Campaigns = append(out.Campaigns, campaignSummary{ID: c.ID, Platform: c.Platform, Severity: c.Severity,
			Score: c.Score, FirstSeen: c.FirstSeen, LastSeen: c.LastSeen, UpdatedAt: c.UpdatedAt,
			Members: nonNil(c.Members), Rooms: nonNil(c.Rooms)})
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// getCampaign answers one campaign's whole state as stored (members with
// their addresses, devices, ages, purchases and contradictions; rooms;
// scripts; evidence; timeline), or 404 — also for a campaign the
// principal may not see (another platform's; any for a regulator, whose
// jurisdiction a campaign is not in).
func (s *Server) getCampaign(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.readable(w, r, nil) {
		return
	}
	c, err := s.Store.Campaign(r.Context(), id)
	if err == nil {
		err = authz.Check(principalOf(r), authz.CampaignsRead, campaignResource(c))
	}
	if err != nil {
		s.writeError(w, r, hideMissing(err, errCampaignNotFound(id)))
		return
	}
	if len(c.Body) == 0 {
		s.writeError(w, r, qinglang.Errorf(qinglang.EINTERNAL, "团伙 %s 没有存储内容", "campaign %s has no stored body", id))
		return
	}
	w.Header().Set("Last-Modified", c.UpdatedAt.UTC().Format(http.TimeFormat))
	s.writeJSON(w, r, http.StatusOK, c.Body)
}

func errCampaignNotFound(id string) error {
	return qinglang.Errorf(qinglang.ENOTFOUND, "没有找到团伙 %s", "campaign %s not found", clip(id))
}

// campaignResource is what authz checks for a campaign: its platform and
// rooms.
func campaignResource(c qinglang.CampaignRecord) authz.Resource {
	return authz.Resource{Platform: c.Platform, Rooms: c.Rooms}
}
