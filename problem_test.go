package qinglang

import (
	"errors"
	"strings"
	"testing"
)

func TestProblemsSayWhereAndWhyAndAreInvalidInput(t *testing.T) {
	ps := Problems{
		{File: "b.yaml", Line: 7, Field: "severity", Reason: "未知的严重程度", ReasonEN: "unknown severity"},
		{File: "a.csv", Line: 3, Reason: "列数不对", ReasonEN: "wrong number of columns"},
		{File: "a.csv", Reason: "文件为空", ReasonEN: "the file is empty"},
		{Reason: "没有文件", ReasonEN: "no file"},
	}
	ps.Sort()
	want := []string{
		"没有文件 / no file",
		"a.csv: 文件为空 / the file is empty",
		"a.csv:3: 列数不对 / wrong number of columns",
		"b.yaml:7: 字段 severity：未知的严重程度 / field severity: unknown severity",
	}
	if got := strings.Split(ps.Error(), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Problems.Error() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var err error = ps
	if Code(err) != EINVALID {
		t.Errorf("Code = %q, want %q", Code(err), EINVALID)
	}
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Error(), "b.yaml:7") || !strings.Contains(e.MessageEN, "4 problems") {
		t.Errorf("as *Error: %v", e)
	}
}
