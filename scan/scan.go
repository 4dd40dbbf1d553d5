// Package scan runs the detectors over an events file offline: no server,
// no log; a private SQLite store in a temporary directory (without fsync:
// it is deleted after the run) holds the evidence and the price history
// while the scan runs. A campaign detector, when given, sees every event
// stored and is judged every few minutes of event time and at the end.
package scan

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/contract"
	"github.com/qinglang/qinglang/detect"
	"github.com/qinglang/qinglang/pipeline"
	"github.com/qinglang/qinglang/sqlite"
)

// batchSize is how many events go into one store transaction.
const batchSize = 2000

// DefaultCampaignEvery is how much event time passes between two
// judgements of the campaign detector.
const DefaultCampaignEvery = 5 * time.Minute

// Report is what a scan found.
type Report struct {
	Events     int64 // valid events read
	Duplicates int64 // events skipped as repeated ids
	// Findings are in the order they were found; campaign findings come
	// last, each once, as its campaign stood at the end of the scan.
	Findings []qinglang.Finding
	Problems []contract.Problem // rejected events, in input order
	// Campaigns are the campaigns found, as they stood at the end, in the
	// order first found.
	Campaigns []qinglang.CampaignRecord
}

// Options tune a scan.
type Options struct {
	// TempDir is where the scan's private store lives (default: the
	// system's temporary directory). It is removed when the scan ends.
	TempDir string
	// Detectors replaces the default set (tests).
	Detectors []pipeline.Detector
	// OnFinding, if set, is called with each finding as it is found (a
	// campaign's once, at the end).
	OnFinding func(qinglang.Finding)
	// Campaigns, if set, is the campaign detector the events are fed to.
	Campaigns qinglang.CampaignDetector
	// CampaignEvery is the event time between two Judge calls; zero means
	// DefaultCampaignEvery.
	CampaignEvery time.Duration
}

// Run reads events (JSON Lines or a JSON array) from r and runs them
// through the detectors. Bad events are reported in Report.Problems and do
// not stop the good ones. The error is for I/O and store failures only.
func Run(ctx context.Context, r io.Reader, opt Options) (rep Report, err error) {
	dir, err := os.MkdirTemp(opt.TempDir, "qinglang-scan-")
	if err != nil {
		return rep, qinglang.Wrap(qinglang.EINTERNAL, err, "无法创建临时目录", "cannot create a temporary directory")
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.OpenScratch(ctx, filepath.Join(dir, "scan.db"))
	if err != nil {
		return rep, err
	}
	defer store.Close()

	detectors := opt.Detectors
	if detectors == nil {
		if detectors, err = detect.Default(); err != nil {
			return rep, err
		}
	}
	engine := pipeline.NewEngine(detectors...)
	camps := newCampaignRun(opt)
	batch := make([]pipeline.Item, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := engine.Process(ctx, store, batch)
		if err != nil {
			return err
		}
		camps.observe(res.Stored)
		rep.Duplicates += int64(res.Duplicates)
		for _, f := range res.Findings {
			rep.Findings = append(rep.Findings, f)
			if opt.OnFinding != nil {
				opt.OnFinding(f)
			}
		}
		batch = batch[:0]
		return nil
	}
	err = contract.Decode(r, func(ev qinglang.Event, pos contract.Position) error {
		rep.Events++
		batch = append(batch, pipeline.Item{Event: ev, Origin: origin(pos)})
		if len(batch) == batchSize {
			return flush()
		}
		return ctx.Err()
	}, func(p contract.Problem) error {
		rep.Problems = append(rep.Problems, p)
		return nil
	})
	if err != nil {
		return rep, err
	}
	if err := flush(); err != nil {
		return rep, err
	}
	return rep, camps.finish(ctx, store, &rep, opt.OnFinding)
}

func origin(p contract.Position) string {
	if p.Index >= 0 {
		return "i" + strconv.Itoa(p.Index)
	}
	return "l" + strconv.Itoa(p.Line)
}
