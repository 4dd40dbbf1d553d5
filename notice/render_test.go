package notice

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./notice -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (review, then go test ./notice -update):\n%s", path, got)
	}
}

func measureNotice(t *testing.T) qinglang.Notice {
	t.Helper()
	n, err := ForMeasure(testCase(), testMeasure(), testFindings(), channel, issued)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGolden(t *testing.T) {
	warning := testMeasure()
	warning.ID, warning.Kind, warning.Duration, warning.StartsAt, warning.EndsAt, warning.Auto, warning.Points =
		"m_1", qinglang.MeasureWarning, 0, time.Time{}, time.Time{}, true, 0
	w, err := ForMeasure(testCase(), warning, testFindings()[1:], channel, issued)
	if err != nil {
		t.Fatal(err)
	}
	upheld, err := ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealUpheld), issued.Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	overturned, err := ForAppealResult(testCase(), testMeasure(), testAppeal(qinglang.AppealOverturned), issued.Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]qinglang.Notice{
		"measure": measureNotice(t), "warning": w, "appeal_upheld": upheld, "appeal_overturned": overturned,
	} {
		golden(t, name+"_zh.txt", []byte(Text(n)))
		golden(t, name+"_en.txt", []byte(TextEN(n)))
		js, err := JSON(n)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name+".json", append(js, '\n'))
	}
}

func TestTextHeadings(t *testing.T) {
	n := measureNotice(t)
	zh, en := Text(n), TextEN(n)
	last := -1
	for _, h := range []string{"处置通知书", "一、事实", "二、理由", "三、依据", "四、措施与期限", "五、申诉渠道", "北京时间（Asia/Shanghai，UTC+08:00）"} {
		i := strings.Index(zh, h)
		if i <= last {
			t.Errorf("%q missing or out of order", h)
		}
		last = i
	}
	last = -1
	for _, h := range []string{"Notice of a measure", "1. Facts", "2. Reasons", "3. Legal basis", "4. Measure and duration", "5. Appeal", "Asia/Shanghai, UTC+08:00"} {
		i := strings.Index(en, h)
		if i <= last {
			t.Errorf("%q missing or out of order", h)
		}
		last = i
	}
	for _, want := range []string{"签发时间：2026-02-11 09:00:00 +08:00", "起止：2026-02-11 09:00:00 +08:00 至 2026-02-18 09:00:00 +08:00", "请于 2026-02-18 09:00:00 +08:00 前提出申诉（自本通知签发起 7 天内）", "致：主播 host_13912345678（平台 douyin）"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese text lacks %q", want)
		}
	}
	if strings.Contains(zh, "Facts") || strings.Contains(en, "事实") {
		t.Error("the languages are mixed")
	}
}

func TestTextNotStated(t *testing.T) {
	n := qinglang.Notice{ID: "ntc_x", Kind: qinglang.NoticeMeasure}
	if zh := Text(n); strings.Count(zh, "（未载明）") < 6 {
		t.Errorf("empty elements are not marked:\n%s", zh)
	}
	if en := TextEN(n); strings.Count(en, "(not stated)") < 6 {
		t.Errorf("empty elements are not marked:\n%s", en)
	}
}

func TestJSONStable(t *testing.T) {
	n := measureNotice(t)
	a, _ := JSON(n)
	n.IssuedAt, n.StartsAt = n.IssuedAt.UTC(), n.StartsAt.UTC()
	b, _ := JSON(n)
	if !bytes.Equal(a, b) {
		t.Errorf("the same notice gives other bytes in another zone:\n%s\n%s", a, b)
	}
	if !bytes.Contains(a, []byte(`"issued_at": "2026-02-11T09:00:00+08:00"`)) {
		t.Errorf("times not in Asia/Shanghai:\n%s", a)
	}
	var back qinglang.Notice
	if err := json.Unmarshal(a, &back); err != nil || back.ID != n.ID || !back.AppealBy.Equal(n.AppealBy) || back.Facts != n.Facts {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

func TestDurationWords(t *testing.T) {
	for _, tt := range []struct {
		d      time.Duration
		zh, en string
	}{
		{0, "", ""},
		{-time.Hour, "", ""},
		{time.Hour, "1 小时", "1 hour"},
		{23 * time.Hour, "23 小时", "23 hours"},
		{7 * 24 * time.Hour, "7 天", "7 days"},
		{30*24*time.Hour + time.Minute, "30 天 1 分钟", "30 days 1 minute"},
		{45 * time.Second, "45 秒", "45 seconds"},
	} {
		if zh, en := durationWords(tt.d); zh != tt.zh || en != tt.en {
			t.Errorf("%v: %q %q, want %q %q", tt.d, zh, en, tt.zh, tt.en)
		}
	}
}
