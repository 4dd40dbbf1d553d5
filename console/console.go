// Package console serves the web console: static assets (HTML, CSS and
// plain ES modules) embedded in the binary, with no build step and nothing
// fetched from elsewhere. Every piece of data the console shows comes from
// the documented /v1 API, called by the browser with the user's own bearer
// token, so the console can do nothing that token could not do with curl.
// docs/console.md explains the choices.
package console

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Prefix is where the console is mounted.
const Prefix = "/console/"

// ContentSecurityPolicy allows the page to load its own assets and to call
// its own origin's API, and nothing else: no inline script or style, no
// third-party host, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
	"base-uri 'none'; form-action 'self'; object-src 'none'"

//go:embed assets
var embedded embed.FS

// file is one asset, read once at start.
type file struct {
	body  []byte
	ctype string
	etag  string
}

// contentTypes are the types of the assets' extensions, spelt out rather
// than taken from the system's MIME tables, which differ between machines
// (a module script served with the wrong type does not run).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
}

// assets are the embedded files by their path below Prefix.
var assets = load()

func load() map[string]file {
	out := map[string]file{}
	err := fs.WalkDir(embedded, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := embedded.ReadFile(p)
		if err != nil {
			return err
		}
		ctype, ok := contentTypes[path.Ext(p)]
		if !ok {
			ctype = "text/plain; charset=utf-8" // LICENSE, VERSION
		}
		sum := sha256.Sum256(body)
		out[strings.TrimPrefix(p, "assets/")] = file{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	if err != nil {
		panic("console: reading the embedded assets: " + err.Error())
	}
	if _, ok := out["index.html"]; !ok {
		panic("console: index.html is not embedded")
	}
	return out
}

// Handler serves the console under Prefix: the asset a path names, and
// index.html for Prefix itself and for any other path below it that does
// not look like a file (the console routes with the URL's fragment, so
// only Prefix is ever needed). A missing file — a path whose last element
// has an extension — is 404, so that a missing script fails as one
// instead of arriving as HTML. Only GET and HEAD are answered.
//
// Every answer carries a strict Content-Security-Policy,
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer and
// Cache-Control: no-cache (the browser revalidates with the ETag, so a new
// binary's assets are picked up at once, and an unchanged one answers 304).
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		http.Redirect(w, r, Prefix, http.StatusMovedPermanently)
		return
	}
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	f, ok := assets[name]
	if !ok {
		if path.Ext(name) != "" {
			h.Set("Cache-Control", "no-cache")
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		f = assets["index.html"]
	}
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}
