package evidence

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"

	"github.com/qinglang/qinglang"
)

// maxManifestBytes bounds the manifest Verify reads.
const maxManifestBytes = 16 << 20

// Verify reopens a bundle of size bytes and checks every file against its
// manifest: a file changed (size or SHA-256), missing from the archive,
// present but not listed, or listed or stored twice makes the bundle
// invalid, and the error names every such file. The manifest is returned
// whenever it could be read, so a caller can show what the bundle claims
// to be even when it fails.
func Verify(r io.ReaderAt, size int64) (Manifest, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Manifest{}, qinglang.Wrap(qinglang.EINVALID, err, "不是有效的证据包（ZIP）", "not a valid evidence bundle (ZIP)")
	}
	stored := map[string]*zip.File{}
	var p problems
	for _, f := range zr.File {
		if stored[f.Name] != nil {
			p.add(f.Name, "重复存放", "stored twice")
		}
		stored[f.Name] = f
	}
	m, err := readManifest(stored[FileManifest])
	if err != nil {
		return m, err
	}
	listed := map[string]bool{FileManifest: true}
	for _, want := range m.Files {
		if listed[want.Name] {
			p.add(want.Name, "在清单中重复列出", "listed twice in the manifest")
			continue
		}
		listed[want.Name] = true
		f := stored[want.Name]
		if f == nil {
			p.add(want.Name, "缺失", "missing")
			continue
		}
		got, err := hashFile(f)
		switch {
		case err != nil:
			p.add(want.Name, "无法读取", "unreadable")
		case got.Size != want.Size || got.SHA256 != strings.ToLower(want.SHA256):
			p.add(want.Name, "已被修改", "changed")
		}
	}
	for _, f := range zr.File {
		if !listed[f.Name] {
			listed[f.Name] = true // name it once
			p.add(f.Name, "未列入清单", "not in the manifest")
		}
	}
	return m, p.err()
}

// readManifest reads and checks manifest.json.
func readManifest(f *zip.File) (Manifest, error) {
	var m Manifest
	if f == nil {
		return m, qinglang.Errorf(qinglang.EINVALID, "证据包缺少 %s", "the evidence bundle has no %s", FileManifest)
	}
	rc, err := f.Open()
	if err != nil {
		return m, qinglang.Wrap(qinglang.EINVALID, err, "无法读取 %s", "cannot read %s", FileManifest)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxManifestBytes+1))
	switch {
	case err != nil:
		return m, qinglang.Wrap(qinglang.EINVALID, err, "无法读取 %s", "cannot read %s", FileManifest)
	case len(data) > maxManifestBytes:
		return m, qinglang.Errorf(qinglang.ETOOLARGE, "%s 过大", "%s is too large", FileManifest)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, qinglang.Wrap(qinglang.EINVALID, err, "%s 不是有效的清单", "%s is not a valid manifest", FileManifest)
	}
	if m.Format != Format {
		return m, qinglang.Errorf(qinglang.EINVALID, "不支持的证据包格式「%s」（应为 %s）", "unsupported evidence bundle format %q (want %s)", m.Format, Format)
	}
	return m, nil
}

// hashFile reads a stored file to its end (the ZIP reader checks its
// CRC-32 too) and returns its size and SHA-256.
func hashFile(f *zip.File) (File, error) {
	rc, err := f.Open()
	if err != nil {
		return File{}, err
	}
	defer rc.Close()
	sum := sha256.New()
	n, err := io.Copy(sum, rc)
	if err != nil {
		return File{}, err
	}
	return File{Name: f.Name, Size: n, SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
}

// problems collects what is wrong with the files of a bundle, in Chinese
// and in English.
type problems struct{ zh, en []string }

func (p *problems) add(name, zh, en string) {
	p.zh = append(p.zh, name+" "+zh)
	p.en = append(p.en, name+" "+en)
}

// err is nil when nothing is wrong, else an EINVALID naming every problem.
func (p *problems) err() error {
	if len(p.zh) == 0 {
		return nil
	}
	return qinglang.Errorf(qinglang.EINVALID, "证据包校验未通过：%[1]s", "the evidence bundle failed verification: %[2]s",
		strings.Join(p.zh, "；"), strings.Join(p.en, "; "))
}
