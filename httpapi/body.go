package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// MaxJSONBodyBytes is the largest body the enforcement routes (cases,
// measures, appeals, directives, disputes, tokens, webhooks) read.
const MaxJSONBodyBytes = 1 << 20

// readJSON reads the body of an enforcement route into v: one JSON object
// (Content-Type application/json, or none), strictly — an unknown key, a
// value of the wrong type or anything after the object is EINVALID naming
// the field — under MaxJSONBodyBytes (ETOOLARGE over it). An empty body is
// EINVALID too: every such route takes an object, {} at least.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return qinglang.Errorf(qinglang.EINVALID, "不支持的 Content-Type %q：请用 application/json",
				"unsupported Content-Type %q: use application/json", clip(ct))
		}
	}
	body, err := readLimited(w, r, MaxJSONBodyBytes, errJSONTooLarge)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return qinglang.Errorf(qinglang.EINVALID, "请求体为空：请发送 JSON 对象", "the request body is empty: send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return qinglang.Errorf(qinglang.EINVALID, "JSON 对象之后还有内容", "unexpected data after the JSON object")
	}
	return nil
}

// bodyError says what is wrong with a JSON body, naming the field when the
// decoder tells which.
func bodyError(err error) error {
	var (
		te *json.UnmarshalTypeError
		se *json.SyntaxError
	)
	switch {
	case errors.As(err, &te) && te.Field != "":
		return qinglang.Errorf(qinglang.EINVALID, "字段 %s 的类型错误：应为 %s", "field %s has the wrong type: want %s",
			te.Field, jsonTypeName(te.Type.Kind().String()))
	case errors.As(err, &te):
		return qinglang.Errorf(qinglang.EINVALID, "请求体应为 JSON 对象", "the request body must be a JSON object")
	case errors.As(err, &se):
		return qinglang.Errorf(qinglang.EINVALID, "请求体不是有效的 JSON（第 %d 字节附近）", "the request body is not valid JSON (near byte %d)",
			se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return qinglang.Errorf(qinglang.EINVALID, "请求体的 JSON 不完整", "the request body is incomplete JSON")
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return qinglang.Errorf(qinglang.EINVALID, "未知字段 %s", "unknown field %s", clip(name))
	}
	return qinglang.Errorf(qinglang.EINVALID, "请求体不是有效的 JSON 对象：%v", "the request body is not a valid JSON object: %v", err)
}

// jsonTypeName names a Go kind as the JSON type that decodes into it.
func jsonTypeName(kind string) string {
	switch {
	case kind == "string":
		return "string"
	case kind == "bool":
		return "boolean"
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "number"
	case kind == "slice", kind == "array":
		return "array"
	}
	return "object"
}

// bodyTime reads an RFC 3339 time given in field of a body; the zero time
// when v is empty.
func bodyTime(field, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, qinglang.Errorf(qinglang.EINVALID,
			"字段 %s=%q 不是带时区的 RFC 3339 时间（例如 2026-03-01T18:00:00+08:00）",
			"field %s=%q is not an RFC 3339 time with offset (for example 2026-03-01T18:00:00+08:00)", field, clip(v))
	}
	return t, nil
}

// fieldError says field of a body is invalid: zh and en say why.
func fieldError(field, zh, en string) error {
	return qinglang.Errorf(qinglang.EINVALID, "字段 %[1]s 无效：%[2]s", "field %[1]s is invalid: %[3]s", field, zh, en)
}

func errJSONTooLarge() error {
	return qinglang.Errorf(qinglang.ETOOLARGE, "请求体超过上限 %d 字节（%s）", "the request body is over the limit of %d bytes (%s)",
		MaxJSONBodyBytes, byteSize(MaxJSONBodyBytes))
}

// oneOf joins allowed values for messages: Chinese with 、, English with
// commas.
func oneOf[T ~string](allowed []T) (zh, en string) {
	s := make([]string, len(allowed))
	for i, a := range allowed {
		s[i] = string(a)
	}
	return strings.Join(s, "、"), strings.Join(s, ", ")
}

// mustBeOneOf is the error for field holding v, which is not one of
// allowed.
func mustBeOneOf[T ~string](field string, v T, allowed []T) error {
	zh, en := oneOf(allowed)
	return qinglang.Errorf(qinglang.EINVALID, "字段 %[1]s=%[2]q 无效：必须是 %[3]s 之一", "field %[1]s=%[2]q is invalid: must be one of %[4]s",
		field, clip(string(v)), zh, en)
}

// missingOneOf is the error for field left out, which must be one of
// allowed.
func missingOneOf[T ~string](field string, allowed []T) error {
	zh, en := oneOf(allowed)
	return qinglang.Errorf(qinglang.EINVALID, "缺少字段 %[1]s（%[2]s 之一）", "missing field %[1]s (one of %[3]s)", field, zh, en)
}
