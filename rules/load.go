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
	// Lexicons are the lexicons in force, by name: the last definition of
	// each, with its includes ("@name") replaced by their words.
	Lexicons map[string][]string
	// OverriddenLexicons are the names (sorted) of lexicons that a later
	// file defined again, replacing the earlier definition for every rule.
	OverriddenLexicons []string
	// Guards are the guard sets in force, by name: the last definition of
	// each, references expanded and windows defaulted.
	Guards map[string]Guard
	// OverriddenGuards are the names (sorted) of guard sets that a later
	// file defined again.
	OverriddenGuards []string

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
// starting with "." are skipped), and puts them together with Merge. A
// later rule with the same id as an earlier one replaces it, and
// Set.Overridden lists its id; the same id twice within one file is a
// problem. Likewise a later lexicon of the same name replaces the earlier
// one, for the rules of every pack (Set.OverriddenLexicons).
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
	return merge(packs)
}

// LoadFS reads the packs in folder root of fsys (and nothing else), the
// way Load reads each of its folders; problems name files as root/name.
// LoadFS(Default, DefaultDir) loads the default pack alone.
func LoadFS(fsys fs.FS, root string) (*Set, error) {
	packs, probs := readFS(fsys, root, root, path.Join)
	if len(probs) > 0 {
		return nil, probs
	}
	return merge(packs)
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

// Merge puts valid packs (as Parse returns them) together in order into a
// set: a later rule replaces an earlier one with the same id, and a later
// lexicon an earlier one with the same name. The lexicons in force are
// then resolved (an entry "@name" includes the lexicon name; within a
// lexicon that replaces another of its own name, "@name" includes the one
// it replaces) and every rule of the set has its lexicon references
// expanded (see Rule).
//
// A reference to an unknown lexicon, a cycle of includes, a rule that
// expands to more than MaxExpansions strings, and an expansion that is not
// a valid term or pattern are problems, each with the file, line and field
// of the string at fault; the error is then of type Problems and there is
// no set.
func Merge(packs ...*Pack) (*Set, error) { return merge(packs) }

// merge is Merge; its error, when there is one, is of type Problems.
func merge(packs []*Pack) (*Set, error) {
	s := &Set{files: map[string]string{}}
	type source struct {
		rule Rule
		pack *Pack
		idx  int // in pack.Rules
	}
	byID := map[string]source{}
	over := map[string]bool{}
	lexOver := map[string]bool{}
	lexSeen := map[string]bool{}
	for _, p := range packs {
		s.Files = append(s.Files, p.File)
		if !slices.Contains(s.Packs, p.Name) {
			s.Packs = append(s.Packs, p.Name)
		}
		for name := range p.Lexicons {
			if lexSeen[name] {
				lexOver[name] = true
			}
			lexSeen[name] = true
		}
		for i, r := range p.Rules {
			if _, ok := byID[r.ID]; ok {
				over[r.ID] = true
			}
			byID[r.ID] = source{r, p, i}
			s.files[r.ID] = p.File
		}
	}
	lex := newLexTable(packs)
	guards := newGuardTable(packs, lex)
	probs := slices.Concat(lex.probs, guards.probs)
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	s.Rules = make([]Rule, 0, len(ids))
	for _, id := range ids {
		src := byID[id]
		r, pr := lex.expandRule(src.rule, src.pack.File, src.idx, src.pack.refLines)
		probs = append(probs, pr...)
		r.InForce, pr = guards.resolve(&r, src.pack.File, src.idx, src.pack.refLines)
		probs = append(probs, pr...)
		s.Rules = append(s.Rules, r)
	}
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	for id := range over {
		s.Overridden = append(s.Overridden, id)
	}
	slices.Sort(s.Overridden)
	for name := range lexOver {
		s.OverriddenLexicons = append(s.OverriddenLexicons, name)
	}
	slices.Sort(s.OverriddenLexicons)
	s.OverriddenGuards = guards.over
	if len(guards.inForce) > 0 {
		s.Guards = guards.inForce
	}
	if len(lex.defs) > 0 {
		s.Lexicons = map[string][]string{}
		for _, name := range lex.names() {
			s.Lexicons[name], _, _ = lex.lookup(name)
		}
	}
	return s, nil
}
