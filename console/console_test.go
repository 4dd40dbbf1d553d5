package console_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/qinglang/qinglang/console"
)

func serve(t *testing.T, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	console.Handler().ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAssetsAndTypes(t *testing.T) {
	for _, tc := range []struct {
		path, ctype, contains string
	}{
		{"/console/", "text/html; charset=utf-8", `<script type="module" src="js/app.js">`},
		{"/console/index.html", "text/html; charset=utf-8", "清朗"},
		{"/console/style.css", "text/css; charset=utf-8", ":root"},
		{"/console/js/app.js", "text/javascript; charset=utf-8", "export async function api("},
		{"/console/js/monitor.js", "text/javascript; charset=utf-8", `register("#/monitor"`},
		{"/console/js/queue.js", "text/javascript; charset=utf-8", `register("#/queue"`},
		{"/console/js/login.js", "text/javascript; charset=utf-8", `register("#/login"`},
		{"/console/vendor/uPlot.iife.min.js", "text/javascript; charset=utf-8", "uPlot"},
		{"/console/vendor/uPlot.min.css", "text/css; charset=utf-8", ".uplot"},
		{"/console/favicon.svg", "image/svg+xml", "<svg"},
	} {
		resp := serve(t, http.MethodGet, tc.path, nil)
		b := body(t, resp)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", tc.path, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if !strings.Contains(b, tc.contains) {
			t.Errorf("GET %s: body lacks %q", tc.path, tc.contains)
		}
	}
}

// Every answer, a 404 included, carries the security headers; HTML and
// scripts are revalidated on every load.
func TestSecurityHeaders(t *testing.T) {
	for _, path := range []string{"/console/", "/console/js/app.js", "/console/style.css", "/console/js/nosuch.js"} {
		resp := serve(t, http.MethodGet, path, nil)
		h := resp.Header
		if got := h.Get("Content-Security-Policy"); got != console.ContentSecurityPolicy {
			t.Errorf("GET %s: CSP %q", path, got)
		}
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
			"img-src 'self' data:", "frame-ancestors 'none'"} {
			if !strings.Contains(h.Get("Content-Security-Policy"), want) {
				t.Errorf("GET %s: CSP lacks %s", path, want)
			}
		}
		if strings.Contains(h.Get("Content-Security-Policy"), "unsafe") {
			t.Errorf("GET %s: CSP allows something unsafe: %s", path, h.Get("Content-Security-Policy"))
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, got)
		}
		if got := h.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", path, got)
		}
	}
}

// The console routes with the fragment: any path below /console/ that is
// not a file answers index.html; a missing file is 404, not HTML.
func TestFallbackAndMissing(t *testing.T) {
	index := body(t, serve(t, http.MethodGet, "/console/", nil))
	for _, path := range []string{"/console/monitor", "/console/queue/whatever", "/console/../console/x"} {
		resp := serve(t, http.MethodGet, path, nil)
		if b := body(t, resp); resp.StatusCode != http.StatusOK || b != index {
			t.Errorf("GET %s = %d, want index.html", path, resp.StatusCode)
		}
	}
	for _, path := range []string{"/console/js/nosuch.js", "/console/nosuch.css"} {
		if resp := serve(t, http.MethodGet, path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, resp.StatusCode)
		}
	}
	resp := serve(t, http.MethodPost, "/console/", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /console/ = %d (Allow %q), want 405", resp.StatusCode, resp.Header.Get("Allow"))
	}
	if resp := serve(t, http.MethodHead, "/console/js/app.js", nil); resp.StatusCode != http.StatusOK || body(t, resp) != "" {
		t.Errorf("HEAD /console/js/app.js = %d", resp.StatusCode)
	}
}

func TestETagRevalidation(t *testing.T) {
	resp := serve(t, http.MethodGet, "/console/js/app.js", nil)
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	again := serve(t, http.MethodGet, "/console/js/app.js", http.Header{"If-None-Match": {etag}})
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("GET with If-None-Match = %d, want 304", again.StatusCode)
	}
}

// The console keeps to its CSP and never puts data into HTML: no inline
// script or style in index.html, no innerHTML or eval in the scripts, and
// nothing loaded from another host.
func TestAssetsKeepTheRules(t *testing.T) {
	index := body(t, serve(t, http.MethodGet, "/console/", nil))
	if regexp.MustCompile(`<script(\s[^>]*)?>\s*[^<\s]`).MatchString(index) {
		t.Error("index.html has an inline script")
	}
	if strings.Contains(index, "<style") || strings.Contains(index, " style=") {
		t.Error("index.html has inline style")
	}
	if regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(index) {
		t.Error("index.html loads from another host")
	}
	for _, js := range []string{"app", "login", "monitor", "queue", "widgets"} {
		src := body(t, serve(t, http.MethodGet, "/console/js/"+js+".js", nil))
		for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write", "http://", "https://"} {
			if strings.Contains(src, bad) {
				t.Errorf("js/%s.js uses %s", js, bad)
			}
		}
	}
}

// app.js loads every page module from one list, each on its own, so that
// a missing page cannot break the others.
func TestPagesList(t *testing.T) {
	src := body(t, serve(t, http.MethodGet, "/console/js/app.js", nil))
	m := regexp.MustCompile(`const PAGES = \[([^\]]*)\]`).FindStringSubmatch(src)
	if m == nil {
		t.Fatal("app.js has no PAGES list")
	}
	for _, name := range []string{"login", "monitor", "queue", "campaigns", "cases", "dashboard", "registry", "rules"} {
		if !strings.Contains(m[1], `"`+name+`"`) {
			t.Errorf("PAGES lacks %s", name)
		}
	}
	if !strings.Contains(src, "Promise.allSettled(PAGES.map") {
		t.Error("app.js does not load the pages one by one")
	}
}
