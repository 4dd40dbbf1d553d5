package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/brands"
	"github.com/qinglang/qinglang/registry"
	"github.com/qinglang/qinglang/server"
)

// registryOpts are the flags naming the actor and brand registries (scan,
// serve, demo).
type registryOpts struct {
	registry string // a directory of CSV files, or a JSON file; "" none
	salt     string // the secret key of host ID hashes
	brands   string // a YAML or CSV file, "default", or "" none
}

func registryFlags(c *cobra.Command, o *registryOpts) {
	f := c.Flags()
	f.StringVar(&o.registry, "registry", env("QINGLANG_REGISTRY", ""),
		"主体登记：CSV 目录（merchants.csv、licences.csv、hosts.csv …）或 JSON 文件；用于资质检查 / actor registry: a directory of CSV files (merchants.csv, licences.csv, hosts.csv, …) or a JSON file, for the qualification checks [QINGLANG_REGISTRY]")
	f.StringVar(&o.salt, "registry-salt", "",
		"主播身份证号哈希的密钥（至少 16 字节）；默认取环境变量 QINGLANG_REGISTRY_SALT，缺省时每次随机 / secret key of host ID hashes (at least 16 bytes); default from QINGLANG_REGISTRY_SALT, random per process when absent")
	f.StringVar(&o.brands, "brands", env("QINGLANG_BRANDS", ""),
		"品牌登记（YAML 或 CSV 文件；default 为内置的虚构示例）；用于品牌授权与假货检查 / brand registry (a YAML or CSV file; \"default\" for the built-in fictitious example), for the brand checks [QINGLANG_BRANDS]")
}

// loadRegistries loads the registries the flags name for scan and demo.
// Bad rows of the actor registry are written to w as file:line: field:
// message and skipped, the good rows around them kept; bad counts them.
// A registry that cannot be used at all (unreadable, no usable header,
// broken links), and any problem of the brand registry, is a bad-input
// error. logf reports the salt's origin.
func loadRegistries(w io.Writer, o registryOpts, logf func(zh, en string)) (reg *registry.Registry, br *brands.Registry, bad int, err error) {
	src, err := registrySource(o, logf)
	if err != nil {
		return nil, nil, 0, err
	}
	if src != nil {
		var issues registry.Issues
		reg, issues, err = src.Load(time.Now())
		for _, is := range issues {
			fmt.Fprintln(w, formatIssue(issueDir(src), is))
		}
		if err != nil {
			return nil, nil, 0, &exitError{code: exitBadInput, err: err}
		}
		bad = len(issues.Errors())
	}
	if o.brands != "" {
		if br, err = loadBrands(w, o.brands); err != nil {
			return nil, nil, 0, err
		}
	}
	return reg, br, bad, nil
}

// registrySource returns where the flags say the actor registry is kept,
// nil when they name none.
func registrySource(o registryOpts, logf func(zh, en string)) (*registry.Source, error) {
	if o.registry == "" {
		return nil, nil
	}
	salt, err := registrySalt(o.salt, logf)
	if err != nil {
		return nil, err
	}
	return &registry.Source{Path: o.registry, Salt: salt}, nil
}

// issueDir is the directory the issues of src name their files in ("" for
// a JSON file, whose issues name it whole).
func issueDir(src *registry.Source) string {
	if src.IsDir() {
		return src.Path
	}
	return ""
}

// registrySalt returns the salt from the flag, else QINGLANG_REGISTRY_SALT,
// else a random one (logged: hashes then do not verify across runs).
func registrySalt(flag string, logf func(zh, en string)) ([]byte, error) {
	s := flag
	if s == "" {
		s = os.Getenv("QINGLANG_REGISTRY_SALT")
	}
	if s != "" {
		if len(s) < registry.MinSaltLen {
			return nil, usageError("主体登记的密钥至少 %d 字节 / the registry salt must be at least %d bytes", registry.MinSaltLen, registry.MinSaltLen)
		}
		return []byte(s), nil
	}
	salt := make([]byte, 32)
	if _, err := rand.Read(salt); err != nil {
		return nil, &exitError{code: exitFailure, err: err}
	}
	logf("未设置 QINGLANG_REGISTRY_SALT，使用本进程随机密钥：主播身份证号哈希在不同运行之间无法核验",
		"QINGLANG_REGISTRY_SALT is not set, using a random salt for this process: host ID hashes will not verify across runs")
	return salt, nil
}

// loadActorRegistry reads a directory of CSV files named by Kind.FileName,
// or one JSON document, judging host ages today, and validates the links.
func loadActorRegistry(w io.Writer, path string, salt []byte) (*registry.Registry, error) {
	return loadActorRegistryOn(w, path, salt, time.Now())
}

// loadActorRegistryOn is loadActorRegistry judging host ages on the day on.
func loadActorRegistryOn(w io.Writer, path string, salt []byte, on time.Time) (*registry.Registry, error) {
	reg, dir, issues, err := readActorRegistry(path, salt, on)
	if err != nil {
		return nil, err
	}
	for _, is := range issues {
		fmt.Fprintln(w, formatIssue(dir, is))
	}
	if errs := issues.Errors(); len(errs) > 0 {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("主体登记有 %d 个错误 / the registry has %d errors", len(errs), len(errs))}
	}
	if err := reg.Validate(); err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	return reg, nil
}

// readActorRegistry imports a directory of CSV files or a JSON file and
// returns the registry with every issue, unjudged and unvalidated; dir is
// the directory issues' file names are relative to ("" for JSON). The
// error is for what cannot be read at all.
func readActorRegistry(path string, salt []byte, on time.Time) (reg *registry.Registry, dir string, issues registry.Issues, err error) {
	reg, err = registry.New(salt)
	if err != nil {
		return nil, "", nil, &exitError{code: exitBadInput, err: err}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, "", nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取主体登记 %s / cannot read the registry %s: %w", path, path, err)}
	}
	if !fi.IsDir() {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", nil, &exitError{code: exitBadInput, err: err}
		}
		defer f.Close()
		return reg, "", reg.ReadJSON(path, f, on), nil
	}
	files := map[registry.Kind]io.Reader{}
	for _, k := range registry.Kinds {
		f, err := os.Open(filepath.Join(path, k.FileName()))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取 / cannot read %s: %w", k.FileName(), err)}
		}
		defer f.Close()
		files[k] = f
	}
	if len(files) == 0 {
		return nil, "", nil, usageError("目录 %s 中没有主体登记文件（如 merchants.csv）/ no registry files (such as merchants.csv) in %s", path, path)
	}
	return reg, path, reg.ReadCSVFiles(files, on), nil
}

// formatIssue writes an issue as file:line: field: message, both languages.
func formatIssue(dir string, is registry.Issue) string {
	file := is.File
	if dir != "" && file != "" {
		file = filepath.Join(dir, file)
	}
	where := file
	if is.Line > 0 {
		where += fmt.Sprintf(":%d", is.Line)
	}
	if is.Field != "" {
		where += ": " + is.Field
	}
	sev := map[registry.Severity]string{registry.SevError: "错误", registry.SevWarning: "警告", registry.SevNote: "提示"}[is.Severity]
	return fmt.Sprintf("%s: %s：%s / %s: %s", where, sev, is.Message, is.Severity, is.MessageEN)
}

// loadBrands reads the brand registry: "default", a .csv file or a YAML
// file. Every problem is written to w; any makes a bad-input error.
func loadBrands(w io.Writer, name string) (*brands.Registry, error) {
	if name == "default" {
		return brands.Default(), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("无法读取品牌登记 %s / cannot read the brand registry %s: %w", name, name, err)}
	}
	defer f.Close()
	var br *brands.Registry
	var probs brands.Problems
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		br, probs, err = brands.LoadCSV(name, f)
	} else {
		br, err = brands.LoadYAML(name, f)
		if !errors.As(err, &probs) {
			probs = nil
		}
	}
	for _, p := range probs {
		fmt.Fprintln(w, p.Error())
	}
	if len(probs) > 0 {
		err = fmt.Errorf("品牌登记有 %d 个问题 / the brand registry has %d problems", len(probs), len(probs))
	}
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	return br, nil
}

// serverRegistries sets what serve and demo need to load the registries
// the flags name, and to reload them: the server reads the actor registry
// from its source itself (logging bad rows), and reloads the brand file
// with LoadBrands. A brand file with problems stops the start.
func serverRegistries(w io.Writer, o registryOpts, cfg *server.Config, logf func(zh, en string)) error {
	src, err := registrySource(o, logf)
	if err != nil {
		return err
	}
	cfg.RegistrySource = src
	if o.brands != "" {
		if cfg.Brands, err = loadBrands(w, o.brands); err != nil {
			return err
		}
		cfg.LoadBrands = func() (*brands.Registry, error) {
			var buf strings.Builder
			b, err := loadBrands(&buf, o.brands)
			if err != nil {
				return nil, qinglang.Errorf(qinglang.EINVALID, "品牌登记无效：%s", "the brand registry is invalid: %s", strings.TrimSpace(buf.String()))
			}
			return b, nil
		}
	}
	return nil
}
