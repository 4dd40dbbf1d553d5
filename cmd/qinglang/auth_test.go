package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeRequiresTokens: serve requires tokens by default, writes a
// first admin token to its data directory, takes tokens minted by
// `qinglang token create` on its database, refuses revoked ones, and
// `qinglang audit verify` checks the log those actions wrote.
func TestServeRequiresTokens(t *testing.T) {
	dir := t.TempDir()
	p := startServe(t, dir, "--auth")
	get := func(token string) int {
		req, _ := http.NewRequest(http.MethodGet, p.url+"/v1/cases", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(""); code != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", code)
	}
	file := filepath.Join(dir, "admin-token")
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("admin token file: %v %v", fi, err)
	}
	admin, _ := os.ReadFile(file)
	if code := get(strings.TrimSpace(string(admin))); code != http.StatusOK {
		t.Errorf("bootstrap admin token: %d, want 200", code)
	}
	if strings.Contains(p.logs.String(), strings.TrimSpace(string(admin))) {
		t.Error("the admin secret is in the log")
	}

	r := runCLI(t, nil, "token", "create", "--data-dir", dir, "--name", "pa-gov", "--role", "platform", "--platform", "pa")
	if r.code != 0 {
		t.Fatalf("token create: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	out := strings.Fields(r.stdout)
	id, _, _ := strings.Cut(out[2], "（")
	secret := out[len(out)-1]
	if !strings.HasPrefix(secret, "qlt_") || !strings.Contains(secret, id) {
		t.Fatalf("no secret in %q", r.stdout)
	}
	if code := get(secret); code != http.StatusOK {
		t.Errorf("minted platform token: %d, want 200", code)
	}
	if r := runCLI(t, nil, "token", "list", "--data-dir", dir); r.code != 0 || !strings.Contains(r.stdout, "pa-gov") || strings.Contains(r.stdout, secret) {
		t.Errorf("token list: %d\n%s", r.code, r.stdout)
	}
	if r := runCLI(t, nil, "token", "revoke", "--data-dir", dir, id); r.code != 0 {
		t.Fatalf("token revoke: %d %s", r.code, r.stderr)
	}
	if code := get(secret); code != http.StatusUnauthorized {
		t.Errorf("revoked token: %d, want 401", code)
	}
	if r := runCLI(t, nil, "token", "create", "--data-dir", dir, "--name", "x", "--role", "regulator"); r.code != exitBadInput {
		t.Errorf("a regulator token without a region: exit %d, want 2\n%s", r.code, r.stderr)
	}
	r = runCLI(t, nil, "audit", "verify", "--data-dir", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "head ") {
		t.Errorf("audit verify: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "audit", "verify", "--data-dir", dir, "--anchor", "nonsense"); r.code != exitBadInput {
		t.Errorf("bad anchor: exit %d, want 2", r.code)
	}
}
