package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/qinglang/qinglang"
)

func TestParsePattern(t *testing.T) {
	lit := func(s string) PatternPart { return PatternPart{Kind: Literal, Text: s} }
	num := PatternPart{Kind: Number}
	gap := func(k int) PatternPart { return PatternPart{Kind: Gap, Max: k} }
	tests := []struct {
		in   string
		want []PatternPart
	}{
		{"最好", []PatternPart{lit("最好")}},
		{"{N}天瘦{N}斤", []PatternPart{num, lit("天瘦"), num, lit("斤")}},
		{"有效率{N}%", []PatternPart{lit("有效率"), num, lit("%")}},
		{"已售{N}万单", []PatternPart{lit("已售"), num, lit("万单")}},
		{"瘦{GAP:5}斤", []PatternPart{lit("瘦"), gap(5), lit("斤")}},
		{"瘦{GAP:1}斤", []PatternPart{lit("瘦"), gap(1), lit("斤")}},
		{"瘦{GAP:20}斤", []PatternPart{lit("瘦"), gap(20), lit("斤")}},
		{"top {N}", []PatternPart{lit("top "), num}},
		{"{N} kg off", []PatternPart{num, lit(" kg off")}},
	}
	for _, tt := range tests {
		got, err := ParsePattern(tt.in)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParsePattern(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParsePatternErrors(t *testing.T) {
	tests := []struct {
		in, want string // want: a part of the English message
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"{N}", "at least one letter"},
		{"{N}%", "at least one letter"},
		{"{N}.{N}", "at least one letter"},
		{"123", "at least one letter"},
		{"瘦{N", "unbalanced {"},
		{"瘦{N{N}}斤", "unbalanced {"},
		{"瘦N}斤", "unbalanced }"},
		{"瘦}{N}斤", "unbalanced }"},
		{"瘦{X}斤", "unknown placeholder {X}"},
		{"瘦{n}斤", "unknown placeholder {n}"},
		{"瘦{ N }斤", "unknown placeholder { N }"},
		{"瘦{}斤", "unknown placeholder {}"},
		{"瘦{GAP}斤", "unknown placeholder {GAP}"},
		{"瘦{GAP:0}斤", "{GAP:0}"},
		{"瘦{GAP:21}斤", "{GAP:21}"},
		{"瘦{GAP:-1}斤", "{GAP:-1}"},
		{"瘦{GAP:+3}斤", "{GAP:+3}"},
		{"瘦{GAP:}斤", "{GAP:}"},
		{"瘦{GAP:x}斤", "{GAP:x}"},
		{"{N}{N}斤", "follows another placeholder"},
		{"{N}{GAP:2}斤", "follows another placeholder"},
		{"瘦{GAP:2}{GAP:3}斤", "follows another placeholder"},
		{"{GAP:3}瘦", "begin or end"},
		{"瘦{GAP:3}", "begin or end"},
	}
	for _, tt := range tests {
		parts, err := ParsePattern(tt.in)
		if err == nil {
			t.Errorf("ParsePattern(%q) = %+v, want an error", tt.in, parts)
			continue
		}
		e, ok := err.(*qinglang.Error)
		if !ok || e.Code != qinglang.EINVALID || e.Message == "" {
			t.Errorf("ParsePattern(%q): error %#v, want an EINVALID *qinglang.Error", tt.in, err)
			continue
		}
		if !strings.Contains(e.MessageEN, tt.want) {
			t.Errorf("ParsePattern(%q): %q, want it to mention %q", tt.in, e.MessageEN, tt.want)
		}
	}
}
