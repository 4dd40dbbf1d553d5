package server

import (
	"context"
	"io"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/httpapi"
	"github.com/qinglang/qinglang/registry"
)

// registryState is the actor and brand registries in use.
type registryState struct {
	reg      *registry.Registry
	brands   *brands.Registry
	loadedAt time.Time
	skipped  int
}

// loadRegistries loads the registries at start: from Config.RegistrySource
// when set (bad rows are logged and skipped; a source that cannot be used
// stops the start), else Config.Registry and Config.Brands as given.
func (m *Main) loadRegistries() error {
	st := &registryState{reg: m.cfg.Registry, brands: m.cfg.Brands, loadedAt: time.Now()}
	if src := m.cfg.RegistrySource; src != nil {
		reg, issues, err := src.Load(time.Now())
		m.logIssues(issues)
		if err != nil {
			return err
		}
		st.reg, st.skipped = reg, len(issues.Errors())
	}
	m.registry.Store(st)
	return nil
}

// logIssues logs the issues of a registry load (they never hold a full
// resident ID).
func (m *Main) logIssues(issues registry.Issues) {
	for _, is := range issues {
		level := m.log.Warn
		if is.Severity == registry.SevNote {
			level = m.log.Info
		}
		level("registry: "+is.String(), "file", is.File, "line", is.Line, "field", is.Field)
	}
}

// put puts a new state in use: the detectors read it from the next event.
func (m *Main) putRegistries(st *registryState) {
	m.registry.Store(st)
	m.detectors.SwapRegistries(st.reg, st.brands)
}

// Registry implements httpapi.RegistryService.
func (m *Main) Registry() (*registry.Registry, httpapi.RegistryInfo) {
	st := m.registry.Load()
	return st.reg, m.registryInfo(st)
}

func (m *Main) registryInfo(st *registryState) httpapi.RegistryInfo {
	every := m.cfg.ReverifyEvery
	if every <= 0 {
		every = registry.DefaultReverifyEvery
	}
	info := httpapi.RegistryInfo{LoadedAt: st.loadedAt, Counts: map[registry.Kind]int{}, Skipped: st.skipped,
		ReverifyEvery: every, ReverifyDays: every.Hours() / 24}
	if src := m.cfg.RegistrySource; src != nil {
		info.Source = src.Path
	}
	if st.reg != nil {
		for _, k := range registry.Kinds {
			info.Counts[k] = len(st.reg.Rows(k))
		}
	}
	return info
}

// errNoSource answers a reload or an import when the registry was not
// read from a source.
func errNoSource() error {
	return qinglang.Errorf(qinglang.EINVALID, "未配置主体登记来源（serve --registry DIR|FILE），无法重新加载或导入",
		"no registry source is configured (serve --registry DIR|FILE): nothing to reload or import into")
}

// HasRegistrySource reports whether the registries can be reloaded (an
// actor registry source or a brand file was configured).
func (m *Main) HasRegistrySource() bool {
	return m.cfg.RegistrySource != nil || m.cfg.LoadBrands != nil
}

// ReloadRegistry implements httpapi.RegistryService: the actor registry
// from its source and the brand registry through Config.LoadBrands. The
// registries in use stay unless both load.
func (m *Main) ReloadRegistry(context.Context) (httpapi.RegistryInfo, registry.Issues, error) {
	m.reloading.Lock()
	defer m.reloading.Unlock()
	cur := m.registry.Load()
	src := m.cfg.RegistrySource
	if src == nil && m.cfg.LoadBrands == nil {
		return m.registryInfo(cur), nil, errNoSource()
	}
	next := &registryState{reg: cur.reg, brands: cur.brands, loadedAt: time.Now(), skipped: cur.skipped}
	var issues registry.Issues
	if src != nil {
		reg, is, err := src.Load(time.Now())
		if err != nil {
			return m.registryInfo(cur), is, err
		}
		next.reg, next.skipped, issues = reg, len(is.Errors()), is
	}
	if m.cfg.LoadBrands != nil {
		b, err := m.cfg.LoadBrands()
		if err != nil {
			return m.registryInfo(cur), issues, err
		}
		next.brands = b
	}
	m.logIssues(issues)
	m.putRegistries(next)
	m.log.Info("registries reloaded", "source", m.registryInfo(next).Source, "skipped_rows", next.skipped)
	return m.registryInfo(next), issues, nil
}

// ImportRegistry implements httpapi.RegistryService: the import is checked
// against the registry in use, saved to the source, then put in use.
func (m *Main) ImportRegistry(_ context.Context, kind registry.Kind, body io.Reader) (httpapi.RegistryInfo, registry.Issues, error) {
	m.reloading.Lock()
	defer m.reloading.Unlock()
	cur := m.registry.Load()
	src := m.cfg.RegistrySource
	if src == nil {
		return m.registryInfo(cur), nil, errNoSource()
	}
	var (
		reg    *registry.Registry
		issues registry.Issues
		err    error
	)
	if kind == "" {
		reg, issues, err = src.ReplaceAll("import.json", body, time.Now())
	} else {
		reg, issues, err = src.Replace(cur.reg, kind, "import:"+kind.FileName(), body, time.Now())
	}
	if err != nil {
		return m.registryInfo(cur), issues, err
	}
	if err := src.Save(reg); err != nil {
		return m.registryInfo(cur), issues, err
	}
	next := &registryState{reg: reg, brands: cur.brands, loadedAt: time.Now(), skipped: len(issues.Errors())}
	m.logIssues(issues)
	m.putRegistries(next)
	m.log.Info("registry imported", "kind", string(kind), "skipped_rows", next.skipped)
	return m.registryInfo(next), issues, nil
}
