package policy

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
)

// MaxNameBytes bounds a policy's name.
const MaxNameBytes = 64

var (
	nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	// ruleKeyRE is a rule id, or a prefix of one ending in *.
	ruleKeyRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*\*?$`)
)

// Validate checks the policy: every field present and well-formed, known
// subjects, severities and measures, thresholds strictly increasing,
// measures never milder as the thresholds rise, every lasting measure with
// a duration within its caps (no open-ended measure, a blacklist
// included), no negative points. It returns nil or qinglang.Problems
// listing every problem; for a loaded policy each names the file's line.
func (p *Policy) Validate() error {
	if probs := p.problems(); len(probs) > 0 {
		return probs
	}
	return nil
}

// checker collects the problems of one policy.
type checker struct {
	p     *Policy
	probs qinglang.Problems
}

// add records a problem about field with both messages formatted from the
// same args, unless the parser has reported the field already.
func (c *checker) add(field, zh, en string, args ...any) {
	c.put(field, fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...))
}

// put records a problem with its messages as given.
func (c *checker) put(field, zh, en string) {
	if c.p.unread(field) {
		return
	}
	c.probs = append(c.probs, qinglang.Problem{File: c.p.File, Line: c.p.line(field), Field: field, Reason: zh, ReasonEN: en})
}

// where names a field with its line, when known, for a message about
// another field.
func (c *checker) where(field string) (zh, en string) {
	if l := c.p.line(field); l > 0 && c.p.lines != nil {
		return fmt.Sprintf("%s（第 %d 行）", field, l), fmt.Sprintf("%s (line %d)", field, l)
	}
	return field, field
}

// text checks that a required text is present.
func (c *checker) text(field, s string) {
	if strings.TrimSpace(s) == "" {
		c.add(field, "缺少该字段或为空", "missing or empty")
	}
}

func (p *Policy) problems() qinglang.Problems {
	c := &checker{p: p}
	c.text("name", p.Name)
	switch {
	case len(p.Name) > MaxNameBytes:
		c.add("name", "策略名最长 %d 字节，%q 有 %d 字节", "the policy name is at most %d bytes; %q has %d", MaxNameBytes, p.Name, len(p.Name))
	case p.Name != "" && !nameRE.MatchString(p.Name):
		c.add("name", "策略名 %q 只能含小写字母、数字与 . _ -，且须以字母或数字开头",
			"the policy name %q may hold only a-z, 0-9, '.', '_' and '-', and must start with a letter or digit", p.Name)
	}
	c.text("version", p.Version)
	c.subjects()
	c.points()
	if p.Expiry <= 0 {
		c.add("expiry", "须给出大于 0 的扣分有效期（如 365d）", "needs a positive expiry of points (e.g. 365d)")
	}
	c.caps()
	c.ladder()
	c.text("basis", p.Basis)
	c.text("basis_en", p.BasisEN)
	c.text("appeal.channel", p.Appeal.Channel)
	c.text("appeal.channel_en", p.Appeal.ChannelEN)
	if p.Appeal.Within <= 0 {
		c.add("appeal.within", "须给出大于 0 的申诉期限（如 7d）", "needs a positive time limit to appeal (e.g. 7d)")
	}
	c.probs.Sort()
	return c.probs
}

func (c *checker) subjects() {
	if len(c.p.Subjects) == 0 {
		c.add("subjects", "至少需要一类主体（可用：%s）", "needs at least one kind of subject (known: %s)", listOf(qinglang.SubjectKinds))
	}
	first := map[qinglang.SubjectKind]string{}
	for i, k := range c.p.Subjects {
		f := index("subjects", i)
		if !k.Known() {
			c.add(f, "未知的主体 %q（可用：%s）", "unknown subject %q (known: %s)", k, listOf(qinglang.SubjectKinds))
			continue
		}
		if g, dup := first[k]; dup {
			zh, en := c.where(g)
			c.put(f, fmt.Sprintf("主体 %s 重复（已见于 %s）", k, zh), fmt.Sprintf("subject %s is repeated (already %s)", k, en))
			continue
		}
		first[k] = f
	}
}

var severities = []qinglang.Severity{qinglang.SeverityLow, qinglang.SeverityMedium, qinglang.SeverityHigh, qinglang.SeverityCritical}

func (c *checker) points() {
	sev := c.p.Points.Severity
	var prev qinglang.Severity
	for _, s := range severities {
		f := "points.severity." + string(s)
		v, ok := sev[s]
		switch {
		case !ok:
			c.add(f, "缺少 %s 的扣分", "missing: the points for %s", s)
			continue
		case v < 0:
			c.add(f, "扣分不得为负：%s", "points must not be negative: %s", num(v))
		case prev != "" && v < sev[prev]:
			c.add(f, "%s 的扣分（%s）不得低于 %s 的（%s）", "the points for %s (%s) must not be below those for %s (%s)",
				s, num(v), prev, num(sev[prev]))
		}
		prev = s
	}
	for _, s := range slices.Sorted(maps.Keys(sev)) {
		if s.Rank() == 0 {
			c.add("points.severity."+string(s), "未知的严重程度 %q（可用：low、medium、high、critical）",
				"unknown severity %q (known: low, medium, high, critical)", s)
		}
	}
	for _, r := range slices.Sorted(maps.Keys(c.p.Points.Rules)) {
		f := ruleField(r)
		switch v := c.p.Points.Rules[r]; {
		case r == "*":
			c.add(f, "单独的 * 会覆盖所有严重程度的扣分，请用 points.severity",
				"a bare * would override the points of every severity; use points.severity")
		case len(r) > MaxNameBytes || !ruleKeyRE.MatchString(r):
			c.add(f, "%q 不是规则 id，也不是以 * 结尾的前缀（只能含小写字母、数字与 . _ -）",
				"%q is neither a rule id nor a prefix ending in * (only a-z, 0-9, '.', '_' and '-')", r)
		case v < 0:
			c.add(f, "扣分不得为负：%s", "points must not be negative: %s", num(v))
		}
	}
}

func (c *checker) caps() {
	caps := c.p.Caps
	if caps.Overall <= 0 {
		c.add("caps.overall", "须给出大于 0 的总期限上限（不得有无限期措施）",
			"needs a positive overall cap on durations (no measure may be open-ended)")
	}
	for _, k := range slices.SortedFunc(maps.Keys(caps.Measures), byStrictness) {
		f := "caps.measures." + string(k)
		d := caps.Measures[k]
		switch {
		case !k.Known():
			c.add(f, "未知的措施 %q（可用：%s）", "unknown measure %q (known: %s)", k, listOf(qinglang.MeasureKinds))
		case !k.Lasts():
			zh, en := k.Name()
			c.add(f, "%[1]s没有期限，无需上限", "a %[2]s has no duration and needs no cap", zh, en)
		case d <= 0:
			c.add(f, "上限须大于 0", "the cap must be positive")
		case caps.Overall > 0 && d > caps.Overall:
			c.add(f, "上限 %[1]s 超过总上限 caps.overall（%[2]s）", "the cap %[3]s is over the overall cap caps.overall (%[4]s)",
				days(d), days(caps.Overall), daysEN(d), daysEN(caps.Overall))
		}
	}
}

// byStrictness orders measure kinds mildest first, unknown kinds by name
// after the known ones.
func byStrictness(a, b qinglang.MeasureKind) int {
	sa, sb := a.Strictness(), b.Strictness()
	if sa < 0 {
		sa = len(qinglang.MeasureKinds)
	}
	if sb < 0 {
		sb = len(qinglang.MeasureKinds)
	}
	return cmp.Or(cmp.Compare(sa, sb), cmp.Compare(a, b))
}

func (c *checker) ladder() {
	if len(c.p.Ladder) == 0 {
		c.add("ladder", "至少需要一级措施", "needs at least one step")
		return
	}
	caps := c.p.Caps
	lastAt, lastMeasure := -1, -1 // indices of the last steps whose at and measure could be read
	for i, s := range c.p.Ladder {
		f := index("ladder", i)
		at := f + ".at"
		switch {
		case c.p.unread(at):
		case s.At <= 0:
			c.add(at, "分数节点须大于 0，而不是 %s", "the points threshold must be positive, not %s", num(s.At))
		case lastAt >= 0 && s.At == c.p.Ladder[lastAt].At:
			zh, en := c.where(index("ladder", lastAt))
			c.put(at, fmt.Sprintf("分数节点 %s 重复（已见于 %s）", num(s.At), zh),
				fmt.Sprintf("the threshold %s is repeated (already %s)", num(s.At), en))
		case lastAt >= 0 && s.At < c.p.Ladder[lastAt].At:
			zh, en := c.where(index("ladder", lastAt))
			c.put(at, fmt.Sprintf("分数节点须逐级递增：%s 不大于上一级（%s）的 %s", num(s.At), zh, num(c.p.Ladder[lastAt].At)),
				fmt.Sprintf("thresholds must increase: %s is not above %s, the threshold of the step before (%s)", num(s.At), num(c.p.Ladder[lastAt].At), en))
		}
		if !c.p.unread(at) && s.At > 0 && (lastAt < 0 || s.At > c.p.Ladder[lastAt].At) {
			lastAt = i
		}

		m := f + ".measure"
		if c.p.unread(m) {
			continue
		}
		if !s.Measure.Known() {
			if s.Measure == "" {
				c.add(m, "缺少措施（可用：%s）", "missing: the measure (known: %s)", listOf(qinglang.MeasureKinds))
			} else {
				c.add(m, "未知的措施 %q（可用：%s）", "unknown measure %q (known: %s)", s.Measure, listOf(qinglang.MeasureKinds))
			}
			continue
		}
		c.duration(f, s, caps)
		if lastMeasure >= 0 {
			prev := c.p.Ladder[lastMeasure]
			zh, en := c.where(index("ladder", lastMeasure))
			switch {
			case s.Measure.Strictness() < prev.Measure.Strictness():
				c.put(m, fmt.Sprintf("措施不得比上一级（%s：%s）更轻", zh, prev.Measure),
					fmt.Sprintf("a step's measure must not be milder than the one before (%s: %s)", en, prev.Measure))
			case s.Measure == prev.Measure && s.Duration < prev.Duration && !c.p.unread(f+".duration"):
				c.put(f+".duration", fmt.Sprintf("同一措施的期限不得短于上一级（%s：%s）", zh, days(prev.Duration)),
					fmt.Sprintf("the same measure must not last less than in the step before (%s: %s)", en, daysEN(prev.Duration)))
			}
		}
		lastMeasure = i
		if (s.Basis == "") != (s.BasisEN == "") {
			field := f + ".basis"
			if s.BasisEN == "" {
				field = f + ".basis_en"
			}
			c.add(field, "依据须同时给出中文（basis）与英文（basis_en）", "the basis needs both Chinese (basis) and English (basis_en)")
		}
	}
}

// duration checks step f's duration against its measure and the caps.
func (c *checker) duration(f string, s Step, caps Caps) {
	df := f + ".duration"
	zh, en := s.Measure.Name()
	switch {
	case !s.Measure.Lasts():
		if s.Duration != 0 {
			c.add(df, "%[1]s没有期限，不应给出 duration", "a %[2]s has no duration; remove it", zh, en)
		}
	case s.Duration <= 0:
		c.add(df, "措施“%[1]s”须有大于 0 的期限（不得无限期）", "the measure %[2]q needs a positive duration (no open-ended measures)", zh, en)
	case caps.Measures[s.Measure] > 0 && s.Duration > caps.Measures[s.Measure]:
		capDur := caps.Measures[s.Measure]
		c.add(df, "期限 %[1]s 超过上限 caps.measures.%[3]s（%[2]s）", "the duration %[4]s is over the cap caps.measures.%[3]s (%[5]s)",
			days(s.Duration), days(capDur), s.Measure, daysEN(s.Duration), daysEN(capDur))
	case caps.Overall > 0 && s.Duration > caps.Overall:
		c.add(df, "期限 %[1]s 超过总上限 caps.overall（%[2]s）", "the duration %[3]s is over the overall cap caps.overall (%[4]s)",
			days(s.Duration), days(caps.Overall), daysEN(s.Duration), daysEN(caps.Overall))
	}
}

func days(d time.Duration) string   { zh, _ := FormatDuration(d); return zh }
func daysEN(d time.Duration) string { _, en := FormatDuration(d); return en }

// num writes points as people do: 3, 0.5, 12.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func listOf[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
