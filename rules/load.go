package rules

import (
	"embed"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Default is the embedded default pack folder: DefaultDir holds its files.
//
//go:embed packs/default/*.yaml
var Default embed.FS

// DefaultDir is the folder of Default that holds the default pack's files.
const DefaultDir = "packs/default"

// defaultName is how problems name the embedded files: their path in the
// repository.
const defaultName = "rules/" + DefaultDir

// Set is the merged rules of every pack loaded.
type Set struct {
	Rules []Rule   // by id
	Packs []string // pack names in load order, each once
	// Overridden are the ids (sorted) of rules that a later file replaced.
	Overridden []string
	// Files are the files read, in load order.
	Files []string

	files map[string]string // rule id → file it was taken from
}

// NewSet makes a set of the given rules (sorted by id, as Load's are), for
// tools and tests that build rules without files.
func NewSet(rs ...Rule) *Set {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return &Set{Rules: rs}
}

// Rule returns the rule with the given id.
func (s *Set) Rule(id string) (Rule, bool) {
	i, ok := slices.BinarySearchFunc(s.Rules, id, func(r Rule, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return Rule{}, false
	}
	return s.Rules[i], true
}

// File returns the file the rule with the given id was read from ("" when
// there is no such rule); with Rule.Line it locates the rule.
func (s *Set) File(id string) string { return s.files[id] }

// Load reads the embedded default pack (Default) first, then every *.yaml
// and *.yml file of each of dirs, in name order (subfolders and names
// starting with "." are skipped). A later rule with the same id as an
// earlier one replaces it, and Set.Overridden lists its id; the same id
// twice within one file is a problem.
//
// When any pack is invalid, or a folder or file cannot be read, Load
// returns no set and an error of type Problems listing every problem of
// every file: a broken pack never replaces a good one.
func Load(dirs ...string) (*Set, error) {
	return load(Default, DefaultDir, defaultName, dirs)
}

// load is Load with the default pack read from folder defDir of def and
// named defName in problems.
func load(def fs.FS, defDir, defName string, dirs []string) (*Set, error) {
	packs, probs := readFS(def, defDir, defName, path.Join)
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			probs = append(probs, Problem{File: dir, Reason: "无法读取规则包目录：" + err.Error(), ReasonEN: "cannot read the pack folder: " + err.Error()})
			continue
		}
		ps, pr := readFS(os.DirFS(dir), ".", dir, filepath.Join)
		packs, probs = append(packs, ps...), append(probs, pr...)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return merge(packs), nil
}

// LoadFS reads the packs in folder root of fsys (and nothing else), the
// way Load reads each of its folders; problems name files as root/name.
// LoadFS(Default, DefaultDir) loads the default pack alone.
func LoadFS(fsys fs.FS, root string) (*Set, error) {
	packs, probs := readFS(fsys, root, root, path.Join)
	if len(probs) > 0 {
		return nil, probs
	}
	return merge(packs), nil
}

// readFS parses the pack files of folder dir of fsys in name order; name is
// how problems and Pack.File name the folder, join how they add a file to it.
func readFS(fsys fs.FS, dir, name string, join func(...string) string) ([]*Pack, Problems) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, Problems{{File: name, Reason: "无法读取规则包目录：" + err.Error(), ReasonEN: "cannot read the pack folder: " + err.Error()}}
	}
	var packs []*Pack
	var probs Problems
	for _, e := range entries { // fs.ReadDir sorts by name
		if !isPackFile(e) {
			continue
		}
		file := join(name, e.Name())
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			probs = append(probs, Problem{File: file, Reason: "无法读取：" + err.Error(), ReasonEN: "cannot read: " + err.Error()})
			continue
		}
		pack, pr := Parse(file, data)
		if len(pr) > 0 {
			probs = append(probs, pr...)
			continue
		}
		packs = append(packs, pack)
	}
	return packs, probs
}

func isPackFile(e fs.DirEntry) bool {
	n := e.Name()
	if e.IsDir() || strings.HasPrefix(n, ".") {
		return false
	}
	return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
}

// merge merges valid packs in order: a later rule replaces an earlier one
// with the same id.
func merge(packs []*Pack) *Set {
	s := &Set{files: map[string]string{}}
	byID := map[string]Rule{}
	over := map[string]bool{}
	for _, p := range packs {
		s.Files = append(s.Files, p.File)
		if !slices.Contains(s.Packs, p.Name) {
			s.Packs = append(s.Packs, p.Name)
		}
		for _, r := range p.Rules {
			if _, ok := byID[r.ID]; ok {
				over[r.ID] = true
			}
			byID[r.ID] = r
			s.files[r.ID] = p.File
		}
	}
	s.Rules = make([]Rule, 0, len(byID))
	for _, r := range byID {
		s.Rules = append(s.Rules, r)
	}
	slices.SortFunc(s.Rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	for id := range over {
		s.Overridden = append(s.Overridden, id)
	}
	slices.Sort(s.Overridden)
	return s
}
