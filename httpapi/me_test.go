package httpapi

import (
	"net/http"
	"slices"
	"testing"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/authz"
)

// meBody is GET /v1/me's answer as a test reads it.
type meBody struct {
	TokenID  string         `json:"token_id"`
	Name     string         `json:"name"`
	Role     qinglang.Role  `json:"role"`
	Platform string         `json:"platform"`
	Region   string         `json:"region"`
	Rooms    []string       `json:"rooms"`
	Actions  []authz.Action `json:"actions"`
}

func TestMeOpenMode(t *testing.T) {
	rec := serve(t, newServer(nil), http.MethodGet, "/v1/me", nil) // no store, no enforcement
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var me meBody
	decode(t, rec.Body.Bytes(), &me)
	if me.Name != "open" || me.Role != qinglang.RoleAdmin || me.TokenID != "" || !slices.Equal(me.Actions, authz.Actions) {
		t.Errorf("me = %+v; want the open-mode admin with every action", me)
	}
}

func TestMeWithTokens(t *testing.T) {
	fx := newAuthFixture(t)
	for _, p := range []qinglang.Principal{adminP, regulatorP, platformA, reviewerA, operatorA} {
		rec := fx.as(t, p, http.MethodGet, "/v1/me", nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("as %s: %d %s", p.Role, rec.Code, rec.Body)
		}
		var me meBody
		decode(t, rec.Body.Bytes(), &me)
		var want []authz.Action
		for _, act := range authz.Actions {
			if authz.Can(p, act) {
				want = append(want, act)
			}
		}
		if me.Name != p.Name || me.Role != p.Role || me.Platform != p.Platform || me.Region != p.Region ||
			!slices.Equal(me.Rooms, p.Rooms) || len(me.TokenID) != authz.IDLen || !slices.Equal(me.Actions, want) {
			t.Errorf("me as %s = %+v, want %+v with %v", p.Role, me, p, want)
		}
		if slices.Contains(me.Actions, authz.TokensManage) != (p.Role == qinglang.RoleAdmin || p.Role == qinglang.RolePlatform) {
			t.Errorf("me as %s: actions %v", p.Role, me.Actions)
		}
	}
}

// TestMeActionsDocumented keeps the document's list of actions the
// permission table's.
func TestMeActionsDocumented(t *testing.T) {
	root := loadDoc(t)
	items := object(object(object(object(object(root, "components"), "schemas"), "Me"), "properties"), "actions")["items"]
	enum, _ := items.(map[string]any)["enum"].([]any)
	var got []authz.Action
	for _, v := range enum {
		got = append(got, authz.Action(v.(string)))
	}
	if !slices.Equal(got, authz.Actions) {
		t.Errorf("documented actions %v, want %v", got, authz.Actions)
	}
}
