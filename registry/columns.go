package registry

import (
	"fmt"
	"strings"

	"github.com/qinglang/qinglang"
)

// Column is a column of a kind's CSV file (and a key of its JSON objects).
// Headers are matched without regard to case or surrounding space, by Name
// or by any alias; the export writes Name.
type Column struct {
	Name       string
	Aliases    []string // Chinese headers accepted on import
	Required   bool     // the header must be present
	ImportOnly bool     // read, never written (a full resident ID)
	Doc        string
}

// Dates are written as 2006-01-02; 2006/1/2 is accepted too. Booleans are
// true/false; 1/0, yes/no, y/n and 是/否 are accepted too.
var (
	colID           = Column{Name: "id", Aliases: []string{"编号", "ID"}, Required: true, Doc: "the record's id, unique within its kind"}
	colName         = Column{Name: "name", Aliases: []string{"名称", "姓名"}, Required: true, Doc: "name (a person's real name for hosts)"}
	colUSCC         = Column{Name: "uscc", Aliases: []string{"统一社会信用代码", "信用代码"}, Doc: "Unified Social Credit Code; optional except for merchants"}
	colLastVerified = Column{Name: "last_verified", Aliases: []string{"最近核验日期", "核验日期"}, Doc: "the day identity was last verified; empty: never"}
	colPlatformID   = Column{Name: "platform_id", Aliases: []string{"平台编号"}, Doc: "optional: the platform's id"}
	colMerchantID   = Column{Name: "merchant_id", Aliases: []string{"商家编号"}, Required: true, Doc: "the merchant's id"}
	colValidFrom    = Column{Name: "valid_from", Aliases: []string{"有效期起", "生效日期"}, Doc: "first valid day; empty: open"}
	colValidTo      = Column{Name: "valid_to", Aliases: []string{"有效期止", "截止日期"}, Doc: "last valid day; empty: open"}
)

// Columns lists the columns of each kind.
var Columns = map[Kind][]Column{
	KindPlatform: {colID, colName, colUSCC, colLastVerified},
	KindMerchant: {colID, colPlatformID, {Name: "uscc", Aliases: colUSCC.Aliases, Required: true, Doc: "Unified Social Credit Code (required)"},
		{Name: "name", Aliases: []string{"名称", "企业名称", "商家名称"}, Required: true, Doc: "registered name"}, colLastVerified},
	KindLicence: {colMerchantID,
		{Name: "kind", Aliases: []string{"种类", "许可种类"}, Doc: "a qualify.LicenceKind (food_business, ccc, ...); empty: recognised from the number"},
		{Name: "number", Aliases: []string{"编号", "许可证编号"}, Required: true, Doc: "the licence number"},
		colValidFrom, colValidTo},
	KindOperator: {colID, colName, colUSCC, colLastVerified},
	KindAgency:   {colID, colName, colUSCC, colLastVerified},
	KindHost: {colID, colName,
		{Name: "resident_id", Aliases: []string{"身份证号", "居民身份证号码"}, ImportOnly: true,
			Doc: "the full resident ID, import only: replaced by its mask, hash and birth date"},
		{Name: "resident_id_masked", Aliases: []string{"身份证号（遮盖）", "遮盖身份证号"}, Doc: "the ID's mask (first 3 and last 2 characters)"},
		{Name: "resident_id_hash", Aliases: []string{"身份证号哈希"}, Doc: "hex HMAC-SHA256 of the ID under the registry's salt"},
		{Name: "birth_date", Aliases: []string{"出生日期"}, Doc: "birth date; required without resident_id, must agree with it otherwise"},
		{Name: "guardian_consent", Aliases: []string{"监护人同意"}, Doc: "a guardian consented (needed from 16 to 18)"},
		colLastVerified},
	KindRoom: {colID, colPlatformID, {Name: "name", Aliases: []string{"名称", "直播间名称"}, Required: true, Doc: "the room's name"}},
	KindHostAgency: {{Name: "host_id", Aliases: []string{"主播编号"}, Required: true, Doc: "the host's id"},
		{Name: "agency_id", Aliases: []string{"机构编号", "MCN编号"}, Required: true, Doc: "the agency's id"},
		colValidFrom, colValidTo},
	KindRoomLink: {{Name: "room_id", Aliases: []string{"直播间编号"}, Required: true, Doc: "the room's id"},
		{Name: "operator_id", Aliases: []string{"运营者编号"}, Required: true, Doc: "the operator's id"},
		colMerchantID, colValidFrom, colValidTo},
}

// exportColumns are the names of the columns written for a kind.
func exportColumns(k Kind) []string {
	var names []string
	for _, c := range Columns[k] {
		if !c.ImportOnly {
			names = append(names, c.Name)
		}
	}
	return names
}

// columnFor finds the column a header names ("" when none).
func columnFor(k Kind, header string) string {
	h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header, "\ufeff")))
	for _, c := range Columns[k] {
		if h == c.Name {
			return c.Name
		}
		for _, a := range c.Aliases {
			if h == strings.ToLower(a) {
				return c.Name
			}
		}
	}
	return ""
}

// Severity grades an Issue.
type Severity string

// Severities. Only an error drops the row.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning" // kept; a person should look (a USCC to verify by hand)
	SevNote    Severity = "note"    // kept; worth knowing (a minor with a guardian's consent)
)

// Issue is a problem with one row (or the whole file when Line is 0 and
// Field empty) of an import. Messages never hold a full resident ID.
type Issue struct {
	File      string
	Line      int    // CSV line, 1-based; 0 for JSON or a whole file
	Field     string // column name, or JSON path such as hosts[2].birth_date
	Severity  Severity
	Message   string // Chinese
	MessageEN string
}

// String formats the issue in both languages.
func (i Issue) String() string {
	zh, en := i.texts()
	return zh + " / " + en
}

// texts returns the issue's full text in Chinese and in English.
func (i Issue) texts() (zh, en string) {
	where, whereEN := i.File, i.File
	if i.Line > 0 {
		where += fmt.Sprintf(" 第 %d 行", i.Line)
		whereEN += fmt.Sprintf(", line %d", i.Line)
	}
	if i.Field != "" {
		where += " " + i.Field
		whereEN += ", " + i.Field
	}
	sev := map[Severity]string{SevError: "错误", SevWarning: "警告", SevNote: "提示"}[i.Severity]
	return fmt.Sprintf("%s %s：%s", sev, where, i.Message), fmt.Sprintf("%s %s: %s", i.Severity, whereEN, i.MessageEN)
}

// Issues are the problems of an import, in the order found.
type Issues []Issue

// Errors returns the issues of severity error.
func (is Issues) Errors() Issues {
	var out Issues
	for _, i := range is {
		if i.Severity == SevError {
			out = append(out, i)
		}
	}
	return out
}

// Err returns the errors as one EINVALID error, nil when there are none.
func (is Issues) Err() error {
	var errs []*qinglang.Error
	for _, i := range is.Errors() {
		zh, en := i.texts()
		errs = append(errs, &qinglang.Error{Code: qinglang.EINVALID, Message: zh, MessageEN: en})
	}
	return joinErrors(errs)
}
