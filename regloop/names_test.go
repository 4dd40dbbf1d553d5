package regloop

import (
	"testing"

	"github.com/qinglang/qinglang"
)

func TestNamesAreBilingualAndDistinct(t *testing.T) {
	check := func(kind string, names [][2]string) {
		t.Helper()
		seenZH, seenEN := map[string]bool{}, map[string]bool{}
		for _, n := range names {
			zh, en := n[0], n[1]
			if zh == "" || en == "" || zh == en {
				t.Errorf("%s: names %q / %q are not bilingual", kind, zh, en)
			}
			if seenZH[zh] || seenEN[en] {
				t.Errorf("%s: %q / %q named twice", kind, zh, en)
			}
			seenZH[zh], seenEN[en] = true, true
		}
	}
	var kinds, states, actions [][2]string
	for _, k := range DirectiveKinds {
		zh, en := KindName(k)
		kinds = append(kinds, [2]string{zh, en})
	}
	for _, s := range DirectiveStates {
		zh, en := StateName(s)
		states = append(states, [2]string{zh, en})
	}
	for _, a := range ActionKinds {
		zh, en := ActionName(a)
		actions = append(actions, [2]string{zh, en})
	}
	check("directive kinds", kinds)
	check("directive states", states)
	check("actions", actions)
	if len(actions) != 7 || len(states) != 5 || len(kinds) != 2 {
		t.Fatalf("lists incomplete: %d kinds, %d states, %d actions", len(kinds), len(states), len(actions))
	}
}

func TestNamesOfKnownValues(t *testing.T) {
	if zh, en := ActionName(qinglang.ActionInterview); zh != "行政约谈" || en != "administrative interview" {
		t.Errorf("interview named %q %q", zh, en)
	}
	if zh, _ := ActionName(qinglang.ActionEscalate); zh != "提级管辖" {
		t.Errorf("escalate named %q", zh)
	}
	if zh, _ := ActionName(qinglang.ActionSupervise); zh != "挂牌督办" {
		t.Errorf("supervise named %q", zh)
	}
	if zh, en := KindName(qinglang.DirectiveClueTransfer); zh != "线索移交" || en != "clue transfer" {
		t.Errorf("clue transfer named %q %q", zh, en)
	}
	if zh, en := StateName("bogus"); zh != "bogus" || en != "bogus" {
		t.Errorf("an unknown state is named %q %q", zh, en)
	}
	if zh, en := ActionName("bogus"); zh != "bogus" || en != "bogus" {
		t.Errorf("an unknown action is named %q %q", zh, en)
	}
	if zh, en := KindName("bogus"); zh != "bogus" || en != "bogus" {
		t.Errorf("an unknown kind is named %q %q", zh, en)
	}
}
