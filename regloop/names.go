package regloop

import "github.com/qinglang/qinglang"

// DirectiveKinds lists every kind of directive.
var DirectiveKinds = []qinglang.DirectiveKind{qinglang.DirectiveClueTransfer, qinglang.DirectiveRequestToAct}

// DirectiveStates lists every directive state, in the order a directive
// goes through them (escalated last: it is the exception).
var DirectiveStates = []qinglang.DirectiveState{qinglang.DirectiveSent, qinglang.DirectiveAcknowledged,
	qinglang.DirectiveActed, qinglang.DirectiveReported, qinglang.DirectiveEscalated}

// ActionKinds lists every regulatory action kind.
var ActionKinds = []qinglang.RegulatoryActionKind{qinglang.ActionGuidance, qinglang.ActionInterview,
	qinglang.ActionPenalty, qinglang.ActionExposure, qinglang.ActionEscalate, qinglang.ActionSupervise,
	qinglang.ActionShare}

// KindName returns a directive kind's name in Chinese and English; an
// unknown kind is returned as it is.
func KindName(k qinglang.DirectiveKind) (zh, en string) {
	switch k {
	case qinglang.DirectiveClueTransfer:
		return "线索移交", "clue transfer"
	case qinglang.DirectiveRequestToAct:
		return "要求处置（责令处置）", "request to act"
	}
	return string(k), string(k)
}

// StateName returns a directive state's name in Chinese and English; an
// unknown state is returned as it is.
func StateName(s qinglang.DirectiveState) (zh, en string) {
	switch s {
	case qinglang.DirectiveSent:
		return "已发送", "sent"
	case qinglang.DirectiveAcknowledged:
		return "已签收", "acknowledged"
	case qinglang.DirectiveActed:
		return "已处置", "acted on"
	case qinglang.DirectiveReported:
		return "已报告办结", "reported (closed)"
	case qinglang.DirectiveEscalated:
		return "逾期已升级", "overdue and escalated"
	case "":
		return "未发送", "not sent"
	}
	return string(s), string(s)
}

// ActionName returns a regulatory action kind's name in Chinese and
// English; an unknown kind is returned as it is.
func ActionName(k qinglang.RegulatoryActionKind) (zh, en string) {
	switch k {
	case qinglang.ActionGuidance:
		return "行政指导", "compliance guidance"
	case qinglang.ActionInterview:
		return "行政约谈", "administrative interview"
	case qinglang.ActionPenalty:
		return "行政处罚决定", "administrative penalty decision"
	case qinglang.ActionExposure:
		return "曝光", "public exposure"
	case qinglang.ActionEscalate:
		return "提级管辖", "escalation to a higher jurisdiction"
	case qinglang.ActionSupervise:
		return "挂牌督办", "supervised listing"
	case qinglang.ActionShare:
		return "跨区域信息共享", "cross-region sharing"
	}
	return string(k), string(k)
}
