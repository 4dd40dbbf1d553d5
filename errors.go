package qinglang

import (
	"errors"
	"fmt"
)

// ErrorCode classifies an error so that the HTTP layer and the CLI map it to a
// status and an exit code in one place each.
type ErrorCode string

// Error codes. Append only.
const (
	EINVALID     ErrorCode = "invalid"     // bad input from the caller
	ENOTFOUND    ErrorCode = "not_found"   // no such thing (or not the caller's)
	ETOOLARGE    ErrorCode = "too_large"   // over a size limit
	EUNAVAILABLE ErrorCode = "unavailable" // a dependency is down; try again
	EINTERNAL    ErrorCode = "internal"    // a bug or an unexpected failure
	// ECONFLICT: the request does not fit the current state (a case
	// transition not allowed from where the case stands).
	ECONFLICT ErrorCode = "conflict"
	// EUNAUTHENTICATED: no valid token.
	EUNAUTHENTICATED ErrorCode = "unauthenticated"
	// EFORBIDDEN: the token's role may not do this (on a resource it may
	// see; one it may not see is ENOTFOUND).
	EFORBIDDEN ErrorCode = "forbidden"
	// ERATELIMITED: the token sent too many requests; try again later.
	ERATELIMITED ErrorCode = "rate_limited"
)

// Error is Qinglang's one error type: a code, a message in Chinese and in
// English, and the underlying error when there is one.
type Error struct {
	Code      ErrorCode
	Message   string // Chinese, for users
	MessageEN string // English
	Err       error
}

// Errorf returns an *Error with both messages formatted from the same args.
func Errorf(code ErrorCode, zh, en string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(zh, args...), MessageEN: fmt.Sprintf(en, args...)}
}

// Wrap returns an internal or unavailable error that keeps err.
func Wrap(code ErrorCode, err error, zh, en string, args ...any) *Error {
	e := Errorf(code, zh, en, args...)
	e.Err = err
	return e
}

func (e *Error) Error() string {
	s := e.Message + " / " + e.MessageEN
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Code returns the code of the first *Error in err's chain, EINTERNAL for any
// other non-nil error, and "" for nil.
func Code(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
