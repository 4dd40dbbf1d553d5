package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/audit"
	"github.com/qinglang/qinglang/enforce"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/webhook"
)

// Defaults of the enforcement stage.
const (
	// DefaultIntakeInterval is how often the stage looks for findings
	// stored since the last it took into cases.
	DefaultIntakeInterval = time.Second
	// DefaultSweepInterval is how often it lifts measures whose time is up
	// and escalates overdue directives.
	DefaultSweepInterval = 30 * time.Second
	// intakeCursor is the id of the record that keeps where the intake got
	// to, so that a restart goes on from there.
	intakeCursor = "enforce.intake"
	// intakePage is the most findings taken in one step.
	intakePage = 500
)

// enforcementStage follows the stored findings into the enforcement loop
// (cases, the policy's measures), sweeps its timers, and delivers webhooks.
// Findings are read back from the store in the order stored, from a cursor
// kept in the store: a finding committed by a worker reaches its case even
// when the process dies in between, and OnFindings is idempotent, so one
// taken twice after a crash changes nothing.
type enforcementStage struct {
	m          *Main
	svc        *enforce.Service
	dispatcher *webhook.Dispatcher

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// purge deletes what is past the retention.
func (st *enforcementStage) purge() {
	rep, err := st.svc.Purge(st.ctx, st.m.cfg.RetentionYears)
	if err != nil {
		if st.ctx.Err() == nil {
			st.m.log.Warn("retention purge failed; trying again tomorrow", "err", err)
		}
		return
	}
	st.m.log.Info("retention purge", "before", rep.Before, "events", rep.Events, "findings", rep.Findings,
		"cases", rep.Cases, "held_rooms", rep.Held)
}

// startEnforcement makes the enforcement service (the API needs it even
// when no stage runs) and, unless Config.NoEnforcement, starts its stage.
func (m *Main) startEnforcement() error {
	if y := m.cfg.RetentionYears; y != 0 && y < enforce.MinRetentionYears {
		return qinglang.Errorf(qinglang.EINVALID, "保存期限不得短于 %d 年", "the retention may not be shorter than %d years", enforce.MinRetentionYears)
	}
	var hasher *audit.Hasher
	if len(m.cfg.AuditKey) > 0 {
		var err error
		if hasher, err = audit.NewKeyed(m.cfg.AuditKey); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	st := &enforcementStage{m: m, ctx: ctx, cancel: cancel}
	svc, err := enforce.New(enforce.Config{
		Store:     m.store,
		Policy:    m.cfg.Policy,
		Grouping:  m.cfg.Grouping,
		Registry:  func() *registry.Registry { return m.registry.Load().reg },
		Regions:   m.cfg.Regions,
		Audit:     hasher,
		OnChange:  st.notify,
		Generator: "qinglang " + m.cfg.Version,
	})
	if err != nil {
		cancel()
		return err
	}
	m.enforce, st.svc = svc, svc
	if m.cfg.NoEnforcement {
		cancel()
		return nil
	}
	if m.cfg.Webhooks {
		d, err := webhook.NewDispatcher(svc.WebhookQueue(), svc.WebhookEndpoints(), svc.WebhookLog(), webhook.DefaultConfig())
		if err != nil {
			cancel()
			return err
		}
		st.dispatcher = d
	}
	m.enforcement = st
	st.start()
	return nil
}

// stopEnforcement stops the enforcement stage, if one runs.
func (m *Main) stopEnforcement() {
	if m.enforcement != nil {
		m.enforcement.stop()
		m.enforcement = nil
	}
}

// Enforcement is the server's enforcement loop (tests and the demo use it).
func (m *Main) Enforcement() *enforce.Service { return m.enforce }

// notify hands a record put by the service to the webhook dispatcher.
func (st *enforcementStage) notify(rec qinglang.Record) {
	if st.dispatcher == nil {
		return
	}
	if msg, ok := st.svc.WebhookMessage(rec); ok {
		st.enqueue(msg)
	}
}

func (st *enforcementStage) enqueue(msg webhook.Message) {
	if _, err := st.dispatcher.Enqueue(st.ctx, msg); err != nil {
		st.m.log.Warn("could not queue a webhook delivery", "type", msg.Type, "platform", msg.Platform, "err", err)
	}
}

// start runs the intake, the sweeper and the dispatcher until stop.
func (st *enforcementStage) start() {
	intake := st.m.cfg.IntakeInterval
	if intake <= 0 {
		intake = DefaultIntakeInterval
	}
	sweep := st.m.cfg.SweepInterval
	if sweep <= 0 {
		sweep = DefaultSweepInterval
	}
	st.loop(intake, st.intake)
	st.loop(sweep, st.sweep)
	if st.m.cfg.RetentionYears > 0 {
		st.loop(24*time.Hour, st.purge)
	}
	if st.dispatcher != nil {
		st.wg.Add(1)
		go func() {
			defer st.wg.Done()
			if err := st.dispatcher.Run(st.ctx); err != nil && st.ctx.Err() == nil {
				st.m.log.Error("the webhook dispatcher stopped", "err", err)
			}
		}()
	}
}

func (st *enforcementStage) loop(every time.Duration, step func()) {
	st.wg.Add(1)
	go func() {
		defer st.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			step()
			select {
			case <-st.ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// stop ends the stage after one last intake, so that the findings the
// workers stored before they stopped reach their cases.
func (st *enforcementStage) stop() {
	st.intake()
	st.cancel()
	st.wg.Wait()
}

// cursorBody is the intake cursor's record.
type cursorBody struct {
	After string    `json:"after"`
	At    time.Time `json:"at"`
}

// intake takes the findings stored since the cursor into cases, page by
// page, and moves the cursor after each page.
func (st *enforcementStage) intake() {
	ctx := st.ctx
	if ctx.Err() != nil {
		ctx = context.Background() // the last intake at stop
	}
	for {
		fs, next, err := st.nextFindings(ctx)
		if err != nil {
			st.m.log.Warn("enforcement intake: reading findings failed; trying again", "err", err)
			return
		}
		if len(fs) == 0 {
			return
		}
		if _, err := st.svc.OnFindings(ctx, fs); err != nil {
			st.m.log.Warn("enforcement intake: taking findings into cases failed; trying again", "err", err)
			return
		}
		if st.dispatcher != nil {
			for _, f := range fs {
				st.enqueue(webhook.Message{Type: webhook.EventFinding, Platform: f.Platform, Data: f})
			}
		}
		if err := st.putCursor(ctx, next); err != nil {
			st.m.log.Warn("enforcement intake: saving the cursor failed; the page is taken again (no change)", "err", err)
			return
		}
	}
}

// nextFindings returns the findings stored after the cursor, oldest first,
// and the cursor after them. Without a cursor (the first run) it takes
// every finding stored when they fit in one page, and otherwise starts
// after the newest: enforcement starts with the findings stored from then
// on, not with a backlog of history.
func (st *enforcementStage) nextFindings(ctx context.Context) ([]qinglang.Finding, string, error) {
	store := st.m.store
	var cur cursorBody
	rec, err := store.Record(ctx, qinglang.RecCursor, intakeCursor)
	switch {
	case err == nil:
		if err := json.Unmarshal(rec.Body, &cur); err != nil {
			return nil, "", err
		}
	case qinglang.Code(err) != qinglang.ENOTFOUND:
		return nil, "", err
	}
	if cur.After == "" {
		page, err := store.Findings(ctx, qinglang.FindingFilter{Limit: intakePage})
		if err != nil || len(page.Findings) == 0 {
			return nil, "", err
		}
		newest := page.Findings[0].ID
		if page.Next != "" {
			st.m.log.Info("enforcement starts after the newest finding stored; earlier findings open no cases", "after", newest)
			return nil, newest, st.putCursor(ctx, newest)
		}
		fs := slices.Clone(page.Findings)
		slices.Reverse(fs)
		return fs, newest, nil
	}
	page, err := store.Findings(ctx, qinglang.FindingFilter{After: cur.After, Limit: intakePage})
	if qinglang.Code(err) == qinglang.ENOTFOUND {
		// The finding the cursor names is gone (deleted after its
		// retention): start again after the newest.
		st.m.log.Warn("enforcement intake: the cursor's finding is gone; going on after the newest", "after", cur.After)
		return nil, "", st.putCursor(ctx, "")
	}
	if err != nil {
		return nil, "", err
	}
	if len(page.Findings) == 0 {
		return nil, cur.After, nil
	}
	return page.Findings, page.Findings[len(page.Findings)-1].ID, nil
}

func (st *enforcementStage) putCursor(ctx context.Context, after string) error {
	body, err := json.Marshal(cursorBody{After: after, At: time.Now().UTC()})
	if err != nil {
		return err
	}
	tx, err := st.m.store.Begin(ctx)
	if err != nil {
		return err
	}
	if err := tx.PutRecord(ctx, &qinglang.Record{Kind: qinglang.RecCursor, ID: intakeCursor, Body: body}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// sweep lifts the measures whose time is up and escalates overdue
// directives.
func (st *enforcementStage) sweep() {
	res, err := st.svc.Sweep(st.ctx)
	if err != nil {
		if st.ctx.Err() == nil {
			st.m.log.Warn("enforcement sweep failed; trying again later", "err", err)
		}
		return
	}
	if len(res.Lifted) > 0 || len(res.Escalated) > 0 {
		st.m.log.Info("enforcement sweep", "lifted", len(res.Lifted), "escalated", len(res.Escalated))
	}
}

// AdminTokenFile is the file in the data directory where a server that
// requires tokens writes the first admin token it creates (mode 0600).
const AdminTokenFile = "admin-token"

// bootstrapAdmin creates an admin token when tokens are required and none
// exists yet, and writes its secret to AdminTokenFile in the data
// directory, so that the first user can sign in. The secret is never
// logged.
func (m *Main) bootstrapAdmin(ctx context.Context) error {
	page, err := m.store.Records(ctx, qinglang.RecordFilter{Kind: qinglang.RecToken, Limit: 1})
	if err != nil || len(page.Records) > 0 {
		return err
	}
	nt, err := m.enforce.BootstrapToken(ctx, "bootstrap admin")
	if err != nil {
		return err
	}
	path := filepath.Join(m.cfg.DataDir, AdminTokenFile)
	if err := os.WriteFile(path, []byte(nt.Secret+"\n"), 0o600); err != nil {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法写入管理员令牌文件 %s", "cannot write the admin token file %s", path)
	}
	m.log.Warn("no API token existed: an admin token was created; its secret is in the file named here (create others with `qinglang token create`, then delete the file)",
		"file", path, "token", nt.Token.ID)
	m.adminToken = nt.Secret
	return nil
}

// AdminToken is the secret of the admin token this process created at
// start ("" when it created none): the demo prints it.
func (m *Main) AdminToken() string { return m.adminToken }
