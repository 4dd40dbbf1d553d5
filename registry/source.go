package registry

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/qualify"
)

// Source is where a registry is kept: a directory of CSV files named by
// Kind.FileName (merchants.csv, hosts.csv, ...), or one JSON document as
// WriteJSON writes it. A running server reloads its registry from its
// Source and saves imports back to it.
type Source struct {
	Path string
	// Salt is the secret key of host ID hashes (see New).
	Salt []byte
	// Requirements is the licence matrix; nil: qualify.DefaultRequirements.
	Requirements *qualify.Requirements
}

// IsDir reports whether the source is a directory of CSV files.
func (s Source) IsDir() bool {
	fi, err := os.Stat(s.Path)
	return err == nil && fi.IsDir()
}

// SourceError is an error loading or changing a registry, with the issues
// that caused it (empty when the cause is not in the data, for example an
// unreadable file).
type SourceError struct {
	Err    error
	Issues Issues
}

func (e *SourceError) Error() string { return e.Err.Error() }
func (e *SourceError) Unwrap() error { return e.Err }

func (s Source) fresh() (*Registry, error) {
	r, err := New(s.Salt)
	if err != nil {
		return nil, err
	}
	if s.Requirements != nil {
		r.Requirements = *s.Requirements
	}
	return r, nil
}

// Load reads the registry, judging host ages on the day on. Bad rows are
// skipped and returned as issues; the good rows around them are kept. The
// error (a *SourceError) is for a source that cannot be used at all: it
// cannot be read, holds no registry file, a file has no usable header, or
// the links do not hold together (Validate).
func (s Source) Load(on time.Time) (*Registry, Issues, error) {
	r, err := s.fresh()
	if err != nil {
		return nil, nil, err
	}
	fi, err := os.Stat(s.Path)
	if err != nil {
		return nil, nil, &SourceError{Err: qinglang.Wrap(qinglang.EINVALID, err, "无法读取主体登记 %s", "cannot read the registry %s", s.Path)}
	}
	var is Issues
	if fi.IsDir() {
		files := map[Kind]io.Reader{}
		for _, k := range Kinds {
			data, err := os.ReadFile(filepath.Join(s.Path, k.FileName()))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, nil, &SourceError{Err: qinglang.Wrap(qinglang.EINVALID, err, "无法读取 %s", "cannot read %s", k.FileName())}
			}
			files[k] = bytes.NewReader(data)
		}
		if len(files) == 0 {
			return nil, nil, &SourceError{Err: qinglang.Errorf(qinglang.EINVALID,
				"目录 %s 中没有主体登记文件（如 merchants.csv）", "no registry files (such as merchants.csv) in %s", s.Path)}
		}
		is = r.ReadCSVFiles(files, on)
	} else {
		data, err := os.ReadFile(s.Path)
		if err != nil {
			return nil, nil, &SourceError{Err: qinglang.Wrap(qinglang.EINVALID, err, "无法读取主体登记 %s", "cannot read the registry %s", s.Path)}
		}
		is = r.ReadJSON(s.Path, bytes.NewReader(data), on)
	}
	if bad := wholeFileErrors(is); len(bad) > 0 {
		return nil, is, &SourceError{Err: qinglang.Errorf(qinglang.EINVALID,
			"主体登记 %s 无法使用（%d 个文件级错误）", "the registry %s cannot be used (%d file-level errors)", s.Path, len(bad)), Issues: is}
	}
	if err := r.Validate(); err != nil {
		return nil, is, &SourceError{Err: err, Issues: is}
	}
	return r, is, nil
}

// wholeFileErrors are the errors that concern a whole file (its header, or
// a document that is not JSON) rather than one row.
func wholeFileErrors(is Issues) Issues {
	var out Issues
	for _, i := range is.Errors() {
		if i.Line <= 1 && (i.Field == "" || i.Line == 1) {
			out = append(out, i)
		}
	}
	return out
}

// Replace returns a copy of cur with the records of kind k replaced by the
// CSV file src (named file in issues). Bad rows of src are skipped and
// returned as issues. The error (a *SourceError) means nothing can change:
// src has no usable header, or the new records would break a link of the
// records kept (those issues name the kept file's rows).
func (s Source) Replace(cur *Registry, k Kind, file string, src io.Reader, on time.Time) (*Registry, Issues, error) {
	if Columns[k] == nil {
		return nil, nil, &SourceError{Err: qinglang.Errorf(qinglang.EINVALID, "未知的记录种类 %q", "unknown record kind %q", k)}
	}
	r, err := s.fresh()
	if err != nil {
		return nil, nil, err
	}
	var imported, broken Issues
	for _, kk := range Kinds {
		if kk == k {
			imported = r.ReadCSV(k, file, src, on)
			if bad := wholeFileErrors(imported); len(bad) > 0 {
				return nil, imported, &SourceError{Err: qinglang.Errorf(qinglang.EINVALID,
					"导入文件 %s 无法使用", "the import %s cannot be used", file), Issues: imported}
			}
			continue
		}
		if cur == nil {
			continue
		}
		var buf bytes.Buffer
		if err := cur.WriteCSV(kk, &buf); err != nil {
			return nil, nil, err
		}
		broken = append(broken, r.ReadCSV(kk, kk.FileName(), &buf, on).Errors()...)
	}
	if len(broken) > 0 {
		return nil, append(imported, broken...), &SourceError{Err: qinglang.Errorf(qinglang.EINVALID,
			"导入后其他记录的 %d 处关联将失效，未导入", "the import would break %d links of other records: nothing imported", len(broken)),
			Issues: append(imported, broken...)}
	}
	if err := r.Validate(); err != nil {
		return nil, imported, &SourceError{Err: err, Issues: imported}
	}
	return r, imported, nil
}

// ReplaceAll returns a new registry read from the JSON document src (named
// file in issues). Bad records are skipped and returned as issues; the
// error (a *SourceError) means src cannot be used at all.
func (s Source) ReplaceAll(file string, src io.Reader, on time.Time) (*Registry, Issues, error) {
	r, err := s.fresh()
	if err != nil {
		return nil, nil, err
	}
	is := r.ReadJSON(file, src, on)
	if bad := wholeFileErrors(is); len(bad) > 0 {
		return nil, is, &SourceError{Err: qinglang.Errorf(qinglang.EINVALID,
			"导入文件 %s 无法使用", "the import %s cannot be used", file), Issues: is}
	}
	if err := r.Validate(); err != nil {
		return nil, is, &SourceError{Err: err, Issues: is}
	}
	return r, is, nil
}

// Save writes r to the source: every kind's CSV file into a directory, or
// the JSON document, each through a temporary file renamed into place, so
// that a crash leaves the old file or the new one, never half of one.
func (s Source) Save(r *Registry) error {
	if !s.IsDir() {
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil {
			return err
		}
		return writeAtomic(s.Path, buf.Bytes())
	}
	for _, k := range Kinds {
		var buf bytes.Buffer
		if err := r.WriteCSV(k, &buf); err != nil {
			return err
		}
		if err := writeAtomic(filepath.Join(s.Path, k.FileName()), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法写入 %s", "cannot write %s", path)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return qinglang.Wrap(qinglang.EUNAVAILABLE, err, "无法写入 %s", "cannot write %s", path)
	}
	return nil
}
