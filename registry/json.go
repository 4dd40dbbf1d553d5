package registry

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// JSONFormat names the JSON document's format in its "format" key.
const JSONFormat = "qinglang.registry/v1"

// WriteJSON exports the registry as one JSON document: {"format": ...,
// "platforms": [...], ...}, a key per kind whose value is a list of
// objects with the kind's CSV columns as keys and strings as values.
func (r *Registry) WriteJSON(w io.Writer) error {
	doc := map[string]any{"format": JSONFormat}
	for _, k := range Kinds {
		rows := r.rows(k)
		if rows == nil {
			rows = []map[string]string{}
		}
		doc[string(k)] = rows
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return qinglang.Wrap(qinglang.EINTERNAL, err, "写入 JSON 失败", "writing JSON failed")
	}
	return nil
}

// ReadJSON imports a document WriteJSON wrote, or one like it: values may
// be strings, numbers, booleans or null, and keys may be column aliases.
// Host ages are judged on the day on. Issues name each bad object by its
// path, e.g. hosts[2].birth_date; the good objects are kept. A document
// that is not JSON at all is one error issue.
func (r *Registry) ReadJSON(file string, src io.Reader, on time.Time) Issues {
	var is Issues
	fail := func(field, zh, en string, args ...any) {
		c := &row{file: file}
		c.issue(SevError, field, zh, en, args...)
		is = append(is, c.issues...)
	}
	var doc map[string]json.RawMessage
	data, err := io.ReadAll(src)
	if err == nil {
		err = json.Unmarshal(data, &doc)
	}
	if err != nil {
		fail("", "JSON 格式错误：%v", "malformed JSON: %v", err)
		return is
	}
	for key := range doc {
		if key != "format" && Columns[Kind(key)] == nil {
			c := &row{file: file}
			c.issue(SevWarning, key, "未知的键，已忽略", "unknown key, ignored")
			is = append(is, c.issues...)
		}
	}
	for _, k := range Kinds {
		raw, ok := doc[string(k)]
		if !ok {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var objs []map[string]any
		if err := dec.Decode(&objs); err != nil {
			fail(string(k), "应为对象列表：%v", "should be a list of objects: %v", err)
			continue
		}
		for i, o := range objs {
			c := &row{file: file, prefix: fmt.Sprintf("%s[%d].", k, i), vals: map[string]string{}}
			for _, key := range slices.Sorted(maps.Keys(o)) {
				col := columnFor(k, key)
				if col == "" {
					c.issue(SevWarning, key, "未知的键，已忽略", "unknown key, ignored")
					continue
				}
				c.vals[col] = strings.TrimSpace(scalar(o[key]))
			}
			r.addRow(k, c, on)
			is = append(is, c.issues...)
		}
	}
	return is
}

// scalar writes a JSON value as a cell; objects and lists are written as
// JSON and will fail the column's check.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool, json.Number:
		return fmt.Sprint(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Rows returns the records of kind k as WriteJSON writes them: one map per
// record, from the kind's export column names to values (dates as
// 2006-01-02, booleans as true or false, a host's ID masked and hashed).
func (r *Registry) Rows(k Kind) []map[string]string {
	rows := r.rows(k)
	if rows == nil {
		rows = []map[string]string{}
	}
	return rows
}
