package notice

import (
	"encoding/json"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qinglang/qinglang"
)

// MaskID masks an identifier for publication: the first 2 and the last
// character of an id of 6 characters or more stay, the middle becomes *;
// an id of 3 to 5 characters keeps only its first; 1 or 2 characters are
// masked whole. At least half of every id is masked.
func MaskID(id string) string {
	r := []rune(id)
	switch n := len(r); {
	case n == 0:
		return ""
	case n <= 2:
		return strings.Repeat("*", n)
	case n <= 5:
		return string(r[0]) + strings.Repeat("*", n-1)
	default:
		return string(r[:2]) + strings.Repeat("*", n-3) + string(r[n-1])
	}
}

// compoundSurnames are the two-character surnames MaskName keeps whole.
var compoundSurnames = []string{
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
	"夏侯", "轩辕", "令狐", "钟离", "闻人", "澹台", "端木", "南宫", "西门", "独孤", "百里", "呼延",
	"司空", "太史", "申屠", "拓跋", "万俟", "赫连", "东郭", "第五", "濮阳", "淳于", "单于", "太叔",
	"公冶", "宗政", "仲孙", "羊舌", "微生", "梁丘", "左丘", "东门", "谷梁", "乐正", "公西", "颛孙",
}

// nameSeparators stay in a masked name (迪丽热巴·迪力木拉提 → 迪***·*****).
const nameSeparators = "·•・ "

// MaskName masks a person's name: the surname stays and every other
// character becomes * (张三 → 张*, 欧阳娜娜 → 欧阳**). A compound surname
// is recognised in names of 3 characters or more; a name in other scripts
// keeps its first character. Separators (·, spaces) stay.
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	r := []rune(name)
	if len(r) == 0 {
		return ""
	}
	if len(r) == 1 {
		return "*"
	}
	keep := 1
	if len(r) >= 3 && slices.Contains(compoundSurnames, string(r[:2])) {
		keep = 2
	}
	var b strings.Builder
	b.WriteString(string(r[:keep]))
	for _, c := range r[keep:] {
		if strings.ContainsRune(nameSeparators, c) {
			b.WriteRune(c)
		} else {
			b.WriteByte('*')
		}
	}
	return b.String()
}

var (
	// A mainland mobile number, with an optional +86 and - or space
	// between its groups (138 1234 5678).
	phoneRE = regexp.MustCompile(`(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}`)
	// An 18-character resident ID (GB 11643): 17 digits and a digit or X.
	residentRE = regexp.MustCompile(`\d{17}[\dXx]`)
	ipv4RE     = regexp.MustCompile(`\d{1,3}(?:\.\d{1,3}){3}`)
	// Candidates for an IPv6 address; netip decides.
	ipv6RE = regexp.MustCompile(`[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*`)
)

// MaskText masks what in s could identify a person: mainland mobile numbers
// (11 digits), IPv4 and IPv6 addresses, 18-character resident ID numbers,
// and every occurrence of a string in deny (account, user, device or event
// ids...; strings under 2 characters are ignored). Each masked span becomes
// MaskID of itself. Masking errs on the side of too much: a deny string
// inside a longer word is masked too.
func MaskText(s string, deny ...string) string {
	type span struct{ from, to int }
	var spans []span
	for _, d := range deny {
		if utf8.RuneCountInString(d) < 2 {
			continue
		}
		for i := 0; ; {
			j := strings.Index(s[i:], d)
			if j < 0 {
				break
			}
			spans = append(spans, span{i + j, i + j + len(d)})
			i += j + len(d)
		}
	}
	// bounded adds the matches of re that no digit (or, with dots, no
	// further dotted number) continues on either side.
	bounded := func(re *regexp.Regexp, letters, dots bool, ok func(m string) bool) {
		stop := func(c byte) bool {
			return '0' <= c && c <= '9' || letters && 'a' <= c|0x20 && c|0x20 <= 'z'
		}
		for _, m := range re.FindAllStringIndex(s, -1) {
			from, to := m[0], m[1]
			if from > 0 && (stop(s[from-1]) || dots && s[from-1] == '.' || !letters && s[from-1] == '+') ||
				to < len(s) && (stop(s[to]) || dots && s[to] == '.' && to+1 < len(s) && stop(s[to+1])) {
				continue
			}
			if ok == nil || ok(s[from:to]) {
				spans = append(spans, span{from, to})
			}
		}
	}
	bounded(phoneRE, false, false, nil)
	bounded(residentRE, true, false, nil)
	bounded(ipv4RE, false, true, octets)
	for _, m := range ipv6RE.FindAllStringIndex(s, -1) {
		from, to := m[0], m[1]
		for to > from && s[to-1] == '.' {
			to--
		}
		if s[from] == ':' && !strings.HasPrefix(s[from:to], "::") {
			from++
		}
		if s[to-1] == ':' && !strings.HasSuffix(s[from:to], "::") {
			to--
		}
		if a, err := netip.ParseAddr(s[from:to]); err == nil && a.Is6() {
			spans = append(spans, span{from, to})
		}
	}
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	var b strings.Builder
	at := 0
	for i := 0; i < len(spans); {
		from, to := spans[i].from, spans[i].to
		for i++; i < len(spans) && spans[i].from < to; i++ {
			to = max(to, spans[i].to)
		}
		b.WriteString(s[at:from])
		b.WriteString(MaskID(s[from:to]))
		at = to
	}
	b.WriteString(s[at:])
	return b.String()
}

// octets reports whether a dotted quad has four octets of at most 255.
func octets(m string) bool {
	for o := range strings.SplitSeq(m, ".") {
		if len(o) == 3 && o > "255" {
			return false
		}
	}
	return true
}

// Keys of a finding's evidence whose values identify other people than the
// subject: never in a notice nor on the public record.
var peopleKeys = []string{
	"user", "users", "account", "accounts", "buyer", "buyers", "author", "authors",
	"ip", "ips", "device", "devices", "phone", "phones", "mobile",
}

// Keys whose values identify the subject, its rooms or its events: kept in
// the subject's notice, masked on the public record.
var idKeys = []string{
	"host", "hosts", "operator", "agency", "merchant", "merchants", "speaker", "room", "rooms",
	"id", "ids", "resident_id_masked",
}

// Top-level evidence keys that hold a person's name.
var nameKeys = []string{"name", "host_name", "merchant_name", "user_name", "nickname", "real_name", "guardian_name"}

// personal returns the strings in f that name or identify people: its
// accounts and the values of personal keys in its evidence. With public,
// also the ids of the subject, its rooms and events, and names (ids and
// names separately, for masking names with MaskName).
func personal(f qinglang.Finding, public bool) (ids, names []string) {
	ids = slices.Clone(f.Accounts)
	if public {
		ids = append(ids, f.ID, f.Room)
		ids = append(ids, f.EventIDs...)
	}
	var ev any
	if len(f.Evidence) == 0 || json.Unmarshal(f.Evidence, &ev) != nil {
		return ids, nil
	}
	if top, ok := ev.(map[string]any); ok && public {
		for _, k := range nameKeys {
			if s, ok := top[k].(string); ok && s != "" {
				names = append(names, s)
			}
		}
	}
	var walk func(v any, take bool)
	walk = func(v any, take bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, take || isPersonalKey(strings.ToLower(k), public))
			}
		case []any:
			for _, x := range v {
				walk(x, take)
			}
		case string:
			if take && v != "" {
				ids = append(ids, v)
			}
		case float64:
			if take {
				ids = append(ids, strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
	}
	walk(ev, false)
	return ids, names
}

func isPersonalKey(k string, public bool) bool {
	if slices.Contains(peopleKeys, k) {
		return true
	}
	return public && (slices.Contains(idKeys, k) || strings.HasSuffix(k, "_id") || strings.HasSuffix(k, "_ids"))
}

// maskNames replaces each name in s with MaskName of it, longest first.
func maskNames(s string, names []string) string {
	names = slices.Clone(names)
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, n := range names {
		if n = strings.TrimSpace(n); utf8.RuneCountInString(n) >= 2 && strings.IndexFunc(n, unicode.IsLetter) >= 0 {
			s = strings.ReplaceAll(s, n, MaskName(n))
		}
	}
	return s
}
