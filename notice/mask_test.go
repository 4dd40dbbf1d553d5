package notice

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestMaskID(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"a":                "*",
		"r1":               "**",
		"abc":              "a**",
		"h_001":            "h****",
		"room_8":           "ro***8",
		"host_13912345678": "ho*************8",
		"主播小王001":          "主播****1",
	} {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{
		"":           "",
		"张":          "*",
		"张三":         "张*",
		"王小明":        "王**",
		"欧阳娜娜":       "欧阳**",
		"司马光":        "司马*",
		"欧阳":         "欧*",
		" 诸葛亮 ":      "诸葛*",
		"迪丽热巴·迪力木拉提": "迪***·*****",
		"Zhang San":  "Z**** ***",
	} {
		if got := MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskText(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		deny     []string
	}{
		{"手机 13812345678。", "手机 13********8。", nil},
		{"电话+86 138 1234 5678 联系", "电话+8**************8 联系", nil},
		{"电话 138-1234-5678", "电话 13**********8", nil},
		{"订单 138123456789 不是手机号", "订单 138123456789 不是手机号", nil},
		{"座机 12812345678 不是手机号", "座机 12812345678 不是手机号", nil},
		{"身份证 11010519491231002X 已登记", "身份证 11***************X 已登记", nil},
		{"身份证110105194912310021", "身份证11***************1", nil},
		{"IP 192.168.10.23，", "IP 19**********3，", nil},
		{"版本 1.2.3.4.5 不是地址", "版本 1.2.3.4.5 不是地址", nil},
		{"From IP 10.0.0.1.", "From IP 10*****1.", nil},
		{"(+8613812345678)", "(+8***********8)", nil},
		{"地址 999.1.1.1 不是地址", "地址 999.1.1.1 不是地址", nil},
		{"IPv6 2001:db8::8a2e:370:7334 同网段", "IPv6 20********************4 同网段", nil},
		{"ip:fe80::1 与 ::1", "ip:fe****1 与 :**", nil},
		{"开播 20:00:00，aa:bb:cc:dd:ee:ff", "开播 20:00:00，aa:bb:cc:dd:ee:ff", nil},
		{"账号 u_7788 与 u_7788x 发布", "账号 u_***8 与 u_***8x 发布", []string{"u_7788"}},
		{"设备 dev_9 评论 1 条", "设备 d**** 评论 1 条", []string{"dev_9", "1", ""}},
		{"用户 abc13812345678", "用户 ab***********8", []string{"abc13812345678"}},
		{"重叠 user_13812345678 号", "重叠 us*************8 号", []string{"user_138"}},
		{"无个人信息", "无个人信息", []string{"张三"}},
	} {
		if got := MaskText(tt.in, tt.deny...); got != tt.want {
			t.Errorf("MaskText(%q, %q) = %q, want %q", tt.in, tt.deny, got, tt.want)
		}
	}
}

func TestPersonal(t *testing.T) {
	f := qinglang.Finding{
		ID: "f_1", Room: "room_1", EventIDs: []string{"evt_1"}, Accounts: []string{"acc_1"},
		Evidence: json.RawMessage(`{"name":"李四","host":"host_9","resident_id_masked":"110***********002X",
			"order":{"user":"buyer_5","event_id":"evt_2","room":"room_2","qty":3},"ips":["1.2.3.4"],"device":"d-77",
			"users":[{"id":12345}],"held":[{"name":"食品经营许可证","number":"JY11234567890123"}],"product":"p_1"}`),
	}
	ids, names := personal(f, false)
	slices.Sort(ids)
	if want := []string{"1.2.3.4", "12345", "acc_1", "buyer_5", "d-77"}; !slices.Equal(ids, want) || names != nil {
		t.Errorf("for a notice: %q %q, want %q and no names", ids, names, want)
	}
	ids, names = personal(f, true)
	for _, want := range []string{"f_1", "room_1", "evt_1", "acc_1", "host_9", "110***********002X", "buyer_5", "evt_2", "room_2", "1.2.3.4", "d-77", "12345"} {
		if !slices.Contains(ids, want) {
			t.Errorf("public: %q not found in %q", want, ids)
		}
	}
	for _, never := range []string{"食品经营许可证", "JY11234567890123", "p_1", "3"} {
		if slices.Contains(ids, never) {
			t.Errorf("public: %q is not personal", never)
		}
	}
	if !slices.Equal(names, []string{"李四"}) {
		t.Errorf("names %q", names)
	}
	if ids, names := personal(qinglang.Finding{Evidence: json.RawMessage(`not json`)}, true); len(ids) != 2 || names != nil {
		t.Errorf("bad evidence: %q %q", ids, names)
	}
}

func TestMaskNames(t *testing.T) {
	got := maskNames("主播欧阳娜娜（欧阳娜）与张三", []string{"欧阳娜", "欧阳娜娜", "张三", "王"})
	if got != "主播欧阳**（欧阳*）与张*" || strings.Contains(maskNames("王老吉", []string{"王"}), "*") {
		t.Errorf("maskNames: %q", got)
	}
}
