package httpapi

import (
	"context"
	"io"
	"time"

	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/spotcheck"
)

// RegistryService is the actor registry a server runs its qualification
// checks against (routes under /v1/registry).
type RegistryService interface {
	// Registry returns the registry in use and what is known of it; a nil
	// registry means none is loaded (the routes that read it answer 404
	// for a record and empty lists otherwise).
	Registry() (*registry.Registry, RegistryInfo)
	// ReloadRegistry reads the registry (and the brand registry) again
	// from where it is kept and puts it in use. Bad rows are skipped and
	// listed in issues; an error means the registry in use stays (an
	// EINVALID error with issues: the source is invalid as a whole; a
	// FAILED_PRECONDITION-like EINVALID without: no source configured).
	ReloadRegistry(ctx context.Context) (RegistryInfo, registry.Issues, error)
	// ImportRegistry replaces the records of one kind with a CSV file
	// (kind set), or the whole registry with a JSON document (kind ""),
	// saves the result where the registry is kept and puts it in use. Bad
	// rows of the import are skipped and listed; an error means nothing
	// changed (issues then say why, for example a link the import would
	// break).
	ImportRegistry(ctx context.Context, kind registry.Kind, body io.Reader) (RegistryInfo, registry.Issues, error)
}

// RegistryInfo describes the registry in use.
type RegistryInfo struct {
	// Source is where the registry is kept: a directory of CSV files or a
	// JSON file ("" when it was given in code).
	Source   string    `json:"source,omitempty"`
	LoadedAt time.Time `json:"loaded_at"`
	// Counts is the number of records of each kind.
	Counts map[registry.Kind]int `json:"counts"`
	// Skipped is the number of bad rows skipped at the last load.
	Skipped int `json:"skipped"`
	// ReverifyEvery is the re-verification interval of the due lists.
	ReverifyEvery time.Duration `json:"-"`
	// ReverifyDays is ReverifyEvery in days, for JSON.
	ReverifyDays float64 `json:"reverify_days"`
}

// SpotCheckService records laboratory results of spot checks (POST
// /v1/spotchecks). Reading them goes through the store.
type SpotCheckService interface {
	// RecordSpotChecks records valid results. A failed result becomes a
	// finding on every listing of the product on every platform, a
	// delisting notice to each platform and a public record, stored in
	// one transaction with the result. A result recorded before changes
	// nothing (Added false).
	RecordSpotChecks(ctx context.Context, results []spotcheck.Result) ([]SpotCheckRecorded, error)
}

// SpotCheckRecorded is what recording one result did.
type SpotCheckRecorded struct {
	ID    string `json:"id"`
	Pass  bool   `json:"pass"`
	Added bool   `json:"added"`
	// Findings is the number of listings found affected; Platforms the
	// platforms sent a delisting notice.
	Findings  int      `json:"findings"`
	Platforms []string `json:"platforms"`
}
