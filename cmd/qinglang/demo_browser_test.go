package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// TestDemoInBrowser is what a new user does: run `qinglang demo`, open the
// link it prints when it finds the paid comment crew, and watch the room:
// the crew's comments tagged and false claims lit up in the transcript.
func TestDemoInBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; CI must run the browser tests", chromiumPath)
		}
		t.Skipf("%s is missing", chromiumPath)
	}
	port := freePort(t)
	cmd := exec.Command(binary, "demo", "--listen", "127.0.0.1:"+strconv.Itoa(port))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuffer{}
	cmd.Stderr = logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
		}
	})

	// The demo prints its banner, every finding, and the monitor link of
	// the crew's room once the campaign is found.
	var mu sync.Mutex
	var printed strings.Builder
	linkRE := regexp.MustCompile(`↳ .*(http://\S+)`)
	links := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		sent := false
		for sc.Scan() {
			mu.Lock()
			printed.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if m := linkRE.FindStringSubmatch(sc.Text()); m != nil && !sent {
				links <- m[1]
				sent = true
			}
		}
	}()
	var link string
	select {
	case link = <-links:
	case <-time.After(4 * time.Minute):
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("the demo printed no monitor link for a crew:\n%s\nstderr:\n%s", tail(printed.String(), 4000), tail(logs.String(), 4000))
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(link)); err != nil {
		t.Fatalf("opening %s: %v", link, err)
	}
	// Within a minute of opening the link: crew comments tagged and a false
	// claim highlighted in the transcript.
	for _, want := range []struct{ what, sel string }{
		{"the crew's comments tagged", `.panel-comments .line.crew`},
		{"a false claim highlighted", `.panel-speech .line.finding`},
	} {
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		err := chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS(want.sel)))
		wcancel()
		if err != nil {
			t.Fatalf("%s: not seen within a minute of opening the demo's link: %v", want.what, err)
		}
	}
	crew, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".panel-comments .line.crew").length`))
	if err != nil {
		t.Fatal(err)
	}
	if crew < 5 {
		t.Errorf("%d crew comments tagged, want the crew's many", crew)
	}
	// The page fits the laptop screen and a wide one: nothing overflows
	// sideways.
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}, {2560, 1440}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1])); err != nil {
			t.Fatal(err)
		}
		over, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			t.Fatal(err)
		}
		if over {
			t.Errorf("at %d×%d the monitor overflows sideways", size[0], size[1])
		}
	}
	if dir := os.Getenv("QINGLANG_SCREENSHOTS"); dir != "" {
		_ = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768))
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(dir+"/demo-monitor.png", png, 0o644)
		}
	}
}
