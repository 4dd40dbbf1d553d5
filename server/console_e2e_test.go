package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/server"
)

// dismissReason is the reason the test dismisses a finding with.
const dismissReason = "评论为真实买家反馈，证据不足"

// chromiumPath is Debian's Chromium, which the browser tests drive.
const chromiumPath = "/usr/bin/chromium"

// screenshotSize is the smallest screen the console is made for.
const screenshotWidth, screenshotHeight = 1366, 768

// browser is one headless Chromium tab on a fresh profile, with what its
// pages logged.
type browser struct {
	t    *testing.T
	ctx  context.Context
	dir  string // where screenshots go
	mu   sync.Mutex
	logs []string
}

// newBrowser starts Chromium, or skips the test when it is not installed
// (fails it with CI=true). It stops when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Chromium is required with CI=true: %v (apt-get install chromium)", err)
		}
		t.Skipf("no Chromium at %s (apt-get install chromium)", chromiumPath)
	}
	dir := os.Getenv("QINGLANG_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(screenshotWidth, screenshotHeight),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx, dir: dir}
	// The first action starts the browser; only then may other goroutines
	// use the context.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(screenshotWidth, screenshotHeight)); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ConsoleAPICalled) {
			if err != nil {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			b.log(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ExceptionThrown) {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			b.log(fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			b.mu.Lock()
			defer b.mu.Unlock()
			t.Logf("browser log:\n%s", strings.Join(b.logs, "\n"))
		}
	})
	return b
}

func (b *browser) log(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.logs = append(b.logs, s)
}

// do runs actions; on failure it saves a screenshot named after what and
// fails the test.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.shot("failed-" + what)
		b.t.Fatalf("%s: %v", what, err)
	}
}

// wait waits up to within for a visible element that sel selects.
func (b *browser) wait(what, sel string, within time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, within)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
		b.shot("failed-" + what)
		b.t.Fatalf("%s: no %s within %s: %v", what, sel, within, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise).
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// shot saves a screenshot of the whole page as name.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	b.t.Logf("screenshot %s", path)
}

// apiClient calls the API with a token.
type apiClient struct {
	t      *testing.T
	m      *server.Main
	secret string
}

func (c apiClient) do(method, path, ctype string, body []byte) (int, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.m.URL()+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.secret)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := client.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp.StatusCode, b
}

func (c apiClient) events(lines string) {
	c.t.Helper()
	code, b := c.do(http.MethodPost, "/v1/events", "application/x-ndjson", []byte(lines))
	var res ingestResult
	if code != http.StatusOK || json.Unmarshal(b, &res) != nil || res.Rejected != 0 {
		c.t.Fatalf("POST /v1/events = %d %s", code, b)
	}
}

func (c apiClient) findings(q url.Values) []qinglang.Finding {
	c.t.Helper()
	code, b := c.do(http.MethodGet, "/v1/findings?"+q.Encode(), "", nil)
	var page findingPage
	if code != http.StatusOK || json.Unmarshal(b, &page) != nil {
		c.t.Fatalf("GET /v1/findings?%s = %d %s", q.Encode(), code, b)
	}
	return page.Findings
}

// ordinaryRoom is a room's ordinary minute and a half: the host talks
// about the product, viewers chat and buy.
func ordinaryRoom(room string) []string {
	host := []string{"这款果冻是魔芋做的，口感很Q弹", "一盒二十颗，独立包装，带着很方便", "喜欢的家人们可以点一下关注",
		"今天直播间下单有赠品", "配料表给大家看一下，没有添加蔗糖", "有问题可以打在公屏上，我一个个回答"}
	chat := []string{"主播晚上好", "多少钱", "好吃吗", "已拍", "能寄新疆吗", "什么口味", "小孩能吃吗", "来了来了", "保质期多久", "上链接"}
	var out []string
	for i, text := range host {
		out = append(out, speechLine(fmt.Sprintf("h%d", i), room, text, at(30*time.Second+time.Duration(i)*12*time.Second)))
	}
	for i, text := range chat {
		out = append(out, commentLine(fmt.Sprintf("n%d", i), room, fmt.Sprintf("viewer%d", i), text,
			at(25*time.Second+time.Duration(i)*9*time.Second)))
	}
	for i := range 3 {
		out = append(out, orderLine(fmt.Sprintf("o%d", i+1), room, "p1", 5990, at(60*time.Second+time.Duration(i)*10*time.Second)))
	}
	return out
}

func speechLine(id, room, text, ts string) string {
	return fmt.Sprintf(`{"type":"speech","id":%q,"ts":%q,"room":%q,"speaker":"h1","text":%q}`, id, ts, room, text)
}

// The console, in a real browser, on a server that requires tokens: the
// demo's link signs in (and leaves no token in the address bar); the live
// monitor of a room shows a false claim and a crew of paid comments as
// they arrive, the claim's line highlighted with its rule and basis and the
// crew's comments marked; the review queue confirms a finding with the
// keyboard and dismisses one with a reason, and the history shows both.
// Screenshots at 1366×768 go to $QINGLANG_SCREENSHOTS.
func TestConsoleInBrowser(t *testing.T) {
	b := newBrowser(t)
	dets := &detectors{}
	cfg, logs := campaignConfig(t, t.TempDir(), dets)
	cfg.Auth = true
	m := startServer(t, cfg, logs)
	nt, err := m.Enforcement().CreateToken(context.Background(), qinglang.System,
		enforce.TokenRequest{Name: "console e2e", Role: qinglang.RoleAdmin})
	if err != nil {
		t.Fatal(err)
	}
	c := apiClient{t: t, m: m, secret: nt.Secret}
	const room = "rc1"

	// A room on air: the host, a product whose crossed-out price was never
	// paid (sold at 39.90 the day before), a few ordinary comments.
	c.events(lines(append([]string{
		orderLine("o0", "rc0", "p1", 3990, at(-24*time.Hour)),
		roomStartLine("rs", room, at(0)),
		listingLine("l1", room, "p1", 5990, 19900, at(10*time.Second)),
		speechLine("s1", room, "家人们晚上好，今天给大家带来燃咔果冻", at(20*time.Second)),
	}, ordinaryRoom(room)...)...))
	waitFor(t, settle, func() string { return "no crossed-out price finding" }, func() bool {
		return len(c.findings(url.Values{"room": {room}, "rule": {"price.fake_original"}})) == 1
	})

	// The demo's link: the token in the fragment signs in, then leaves the
	// address bar.
	b.do("open the console", chromedp.Navigate(m.URL()+"/console/#token="+url.QueryEscape(nt.Secret)))
	b.wait("signed in", `#nav a[href="#/monitor"]`, 30*time.Second)
	if href := eval[string](b, "location.href"); strings.Contains(href, "token=") || strings.Contains(href, nt.Secret) {
		t.Errorf("the token stayed in the address bar: %s", href)
	}
	if got := eval[string](b, `sessionStorage.getItem("qinglang.token") || ""`); got != nt.Secret {
		t.Errorf("sessionStorage token = %q, want the secret", got)
	}
	if got := eval[string](b, "document.cookie"); got != "" {
		t.Errorf("the console set cookies: %q", got)
	}
	if who := eval[string](b, `document.querySelector("#who").textContent`); !strings.Contains(who, "console e2e") {
		t.Errorf("signed-in principal shown as %q", who)
	}
	// The pages route within this document: whatever they do from here on
	// must keep to the Content-Security-Policy.
	b.do("watch the CSP", chromedp.Evaluate[chromedp.Void](`window.cspViolations = [];
		document.addEventListener("securitypolicyviolation", (e) => cspViolations.push(e.violatedDirective + " " + e.blockedURI))`))

	// The monitor: the room list, then the room.
	b.do("open the monitor", chromedp.Click(chromedp.CSS(`#nav a[href="#/monitor"]`)))
	b.wait("room list", `a[href*="room=`+room+`"]`, 30*time.Second)
	b.shot("rooms")
	b.do("open the room", chromedp.Click(chromedp.CSS(`a[href*="room=`+room+`"]`)))
	b.wait("transcript", `.panel-speech .line[data-event-id="s1"]`, 30*time.Second)
	b.wait("listing marked", `.listing.listing-bad .price-check.bad`, 30*time.Second)

	// Live: the false claim and the crew arrive while the monitor is open.
	crew := []string{speechLine("s2", room, "这款果冻包治百病，吃了就好", at(2*time.Minute))}
	for i := 1; i <= 4; i++ {
		crew = append(crew, commentLine(fmt.Sprintf("c%d", i), room, fmt.Sprintf("crew%d", i), crewText,
			at(2*time.Minute+time.Duration(i)*7*time.Second)))
	}
	crew = append(crew, commentLine("n99", room, "viewer99", "已拍", at(3*time.Minute)))
	c.events(lines(crew...))

	b.wait("false claim highlighted", `.panel-speech .line.finding[data-event-id="s2"] mark.hit`, 60*time.Second)
	if got := eval[string](b, `document.querySelector('.line[data-event-id="s2"] mark.hit').textContent`); !strings.Contains(got, "包治百病") {
		t.Errorf("marked text %q, want the claim", got)
	}
	if rules := eval[string](b, `document.querySelector('.line[data-event-id="s2"]').dataset.rules`); !strings.Contains(rules, "ad.medical.cure") {
		t.Errorf("claim line rules %q, want ad.medical.cure", rules)
	}
	tip := eval[string](b, `(() => { const l = document.querySelector('.line[data-event-id="s2"]');
		return document.getElementById(l.getAttribute("aria-describedby")).textContent; })()`)
	if !strings.Contains(tip, "ad.medical.cure") || !strings.Contains(tip, "广告法") {
		t.Errorf("the claim's tooltip says %q, want the rule and its basis", tip)
	}
	b.wait("crew marked", `.panel-comments .line.crew[data-event-id="c1"] .crew-tag`, 60*time.Second)
	if n := eval[int](b, `document.querySelectorAll(".panel-comments .line.crew").length`); n != 4 {
		t.Errorf("%d comments marked as the crew's, want 4", n)
	}
	if eval[bool](b, `!!document.querySelector('.line[data-event-id="n99"].crew')`) {
		t.Error("an ordinary viewer's comment is marked as the crew's")
	}
	b.wait("chart", `.chart .uplot`, 10*time.Second)
	b.do("settle", chromedp.Evaluate[chromedp.Void](`document.querySelector('.line[data-event-id="s2"]').focus()`))
	b.shot("monitor")

	// The queue: confirm the current finding with the keyboard.
	b.do("open the queue", chromedp.Click(chromedp.CSS(`#nav a[href="#/queue"]`)))
	b.wait("queue", `.q-row.current`, 30*time.Second)
	b.do("let the detail load", chromedp.Sleep(500*time.Millisecond))
	b.shot("queue")
	first := eval[string](b, `document.querySelector(".q-row.current").dataset.findingId`)
	b.do("confirm with c", chromedp.KeyEvent("c"))
	b.wait("confirmed", `.toast-ok`, 30*time.Second)
	if eval[bool](b, fmt.Sprintf(`!!document.querySelector('.q-row[data-finding-id=%q]')`, first)) {
		t.Errorf("confirmed finding %s is still in the queue", first)
	}
	// Move down, dismiss with a reason.
	b.do("move with j", chromedp.KeyEvent("j"))
	second := eval[string](b, `document.querySelector(".q-row.current").dataset.findingId`)
	b.do("dismiss with d", chromedp.KeyEvent("d"))
	b.wait("reason dialog", `dialog[open] textarea`, 10*time.Second)
	b.do("type a reason", chromedp.SendKeys(chromedp.CSS("dialog[open] textarea"), dismissReason))
	b.do("submit the reason", chromedp.KeyEvent("\r"))
	b.wait("dismissed", fmt.Sprintf(`body:not(:has(.q-row[data-finding-id=%q]))`, second), 30*time.Second)

	// The history shows both, and so does the API.
	b.do("history with h", chromedp.KeyEvent("h"))
	b.wait("history", fmt.Sprintf(`.history-table tr[data-finding-id=%q] .decision-confirm`, first), 30*time.Second)
	b.wait("history", fmt.Sprintf(`.history-table tr[data-finding-id=%q] .decision-dismiss`, second), 30*time.Second)
	b.shot("history")
	code, body := c.do(http.MethodGet, "/v1/reviews", "", nil)
	var reviews struct {
		Reviews []enforce.Review `json:"reviews"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &reviews) != nil {
		t.Fatalf("GET /v1/reviews = %d %s", code, body)
	}
	got := map[string]enforce.Review{}
	for _, r := range reviews.Reviews {
		got[r.FindingID] = r
	}
	if r := got[first]; r.Decision != enforce.ReviewConfirm || r.By != "console e2e" {
		t.Errorf("review of %s = %+v, want confirmed by the console's token", first, r)
	}
	if r := got[second]; r.Decision != enforce.ReviewDismiss || r.Reason != dismissReason {
		t.Errorf("review of %s = %+v, want dismissed with a reason", second, r)
	}

	// The crew posts on a second platform too: a campaign there, related
	// to the first.
	var other []string
	for i := 1; i <= 4; i++ {
		other = append(other, fmt.Sprintf(`{"type":"comment","id":"k%d","ts":%q,"platform":"kuaishou","room":"kr1","user":"crew%d","ip":"36.112.4.17","device":"d9","text":%q}`,
			i, at(4*time.Minute+time.Duration(i)*5*time.Second), i, crewText))
	}
	c.events(lines(other...))
	waitFor(t, settle, func() string { return "no second campaign" }, func() bool { return len(c.findings(url.Values{"kind": {"campaign"}})) == 2 })

	// Every other page renders its data without an error, and shows what
	// the loop above produced (a case, the campaigns, the rule pack).
	for _, pg := range []struct{ hash, shot, want string }{
		{"#/dashboard", "dashboard", ""},
		{"#/campaigns", "campaigns", "cmp_"},
		{"#/cases", "cases", ""},
		{"#/directives", "directives", ""},
		{"#/registry", "registry", ""},
		{"#/rules", "rules", "ad.medical.cure"},
	} {
		b.do("open "+pg.hash, chromedp.Evaluate[chromedp.Void](`location.hash = `+strconv.Quote(pg.hash)+`; 0`))
		deadline := time.Now().Add(15 * time.Second)
		for {
			loading := eval[bool](b, `!!document.querySelector('#main .pg-loading')`)
			text := eval[string](b, `document.querySelector('#main').innerText`)
			if !loading && len(text) > 20 && strings.Contains(text, pg.want) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s did not render (want %q):\n%s", pg.hash, pg.want, text)
			}
			time.Sleep(200 * time.Millisecond)
		}
		if errs := eval[string](b, `[...document.querySelectorAll('#main .pg-error')].map(e => e.innerText).join(' | ')`); errs != "" {
			t.Errorf("%s shows an error: %s", pg.hash, errs)
		}
		b.shot(pg.shot)
		// The list pages open a detail page from their first entry.
		if pg.shot == "campaigns" || pg.shot == "cases" {
			prefix := "#/" + pg.shot + "/"
			b.do("open the first of "+pg.hash, chromedp.Evaluate[chromedp.Void](
				`location.hash = document.querySelector('#main a[href^="`+prefix+`"]').getAttribute('href'); 0`))
			deadline := time.Now().Add(15 * time.Second)
			for !eval[bool](b, `!document.querySelector('#main .pg-loading') && !!document.querySelector('#main h1') && location.hash.startsWith(`+strconv.Quote(prefix)+`)`) {
				if time.Now().After(deadline) {
					t.Fatalf("the detail page of %s did not render", pg.hash)
				}
				time.Sleep(200 * time.Millisecond)
			}
			if errs := eval[string](b, `[...document.querySelectorAll('#main .pg-error')].map(e => e.innerText).join(' | ')`); errs != "" {
				t.Errorf("%s detail shows an error: %s", pg.hash, errs)
			}
			b.shot(pg.shot + "-detail")
		}
		// A campaign's page lists the related one; its link opens it, and
		// it lists the first back.
		if pg.shot == "campaigns" {
			b.wait("related campaigns", `.pg-related a[href^="#/campaigns/cmp_"]`, 15*time.Second)
			here := strings.TrimPrefix(eval[string](b, `location.hash`), "#/campaigns/")
			there := eval[string](b, `document.querySelector('.pg-related a').textContent`)
			if there == here || !strings.Contains(eval[string](b, `document.querySelector('.pg-related').innerText`), "36.112.4.0/24") {
				t.Errorf("campaign %s lists related %q: %s", here, there, eval[string](b, `document.querySelector('.pg-related').innerText`))
			}
			b.do("open the related campaign", chromedp.Click(chromedp.CSS(`.pg-related a`)))
			deadline := time.Now().Add(15 * time.Second)
			for !eval[bool](b, `!document.querySelector('#main .pg-loading') && location.hash === `+strconv.Quote("#/campaigns/"+there)+
				` && !!document.querySelector('.pg-related a[href="#/campaigns/`+here+`"]')`) {
				if time.Now().After(deadline) {
					t.Fatalf("the related campaign %s did not open, or does not list %s back", there, here)
				}
				time.Sleep(200 * time.Millisecond)
			}
			b.shot("campaigns-related")
		}
	}

	// The rules page (the last above) checks a script as lint does: two
	// rules naming one claim are one finding, the other rule beside it.
	b.do("lint a script", chromedp.Evaluate[chromedp.Void](`(() => {
		const c = document.querySelector('.pg-lint-inputs select'); c.value = "food"; c.dispatchEvent(new Event("change"));
		const a = document.querySelector('.pg-lint-input'); a.value = "这款果冻三天瘦五斤"; a.dispatchEvent(new Event("input"));
	})(); 0`))
	b.wait("lint findings", `.pg-lint-findings li`, 15*time.Second)
	if items := eval[string](b, `[...document.querySelectorAll('.pg-lint-findings li')].map(e => e.innerText).join(' | ')`); strings.Count(items, " | ") != 0 || !strings.Contains(items, "同一处另有规则") {
		t.Errorf("lint of one claim named by two rules: %s", items)
	}

	// English, and the sign-in page after signing out.
	b.do("English", chromedp.Click(chromedp.CSS(`.lang-switch button[data-lang="en"]`)))
	if nav := eval[string](b, `document.querySelector('#nav a[href="#/queue"]').textContent`); nav != "Review queue" {
		t.Errorf("nav in English = %q", nav)
	}
	b.do("sign out", chromedp.Click(chromedp.ID("signout")))
	b.wait("sign-in page", `.login-form input#token`, 10*time.Second)
	if got := eval[string](b, `sessionStorage.getItem("qinglang.token") || ""`); got != "" {
		t.Error("the token is still kept after signing out")
	}
	b.do("Chinese", chromedp.Click(chromedp.CSS(`.lang-switch button[data-lang="zh"]`)))
	b.shot("login")
	if v := eval[[]string](b, "window.cspViolations"); len(v) > 0 {
		t.Errorf("the pages broke the Content-Security-Policy: %v", v)
	}
	if n := len(b.exceptions()); n > 0 {
		t.Errorf("the pages threw %d exceptions: %v", n, b.exceptions())
	}
}

// exceptions are the uncaught exceptions the pages logged.
func (b *browser) exceptions() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range b.logs {
		if strings.HasPrefix(l, "exception") {
			out = append(out, l)
		}
	}
	return out
}
