package rules

import "github.com/qinglang/qinglang"

// Problem is one thing wrong in a pack: where it is (file, line, field) and
// why, in Chinese and in English. Field is the YAML key the problem is
// about, relative to the rule for rule fields ("severity", "terms[2]",
// "examples.match[0].text") and to the file for pack fields ("pack",
// "version", "rules"); "" when the problem is about the file or the YAML
// itself.
type Problem = qinglang.Problem

// Problems are every problem found in one or more packs. As an error it
// lists all of them, one per line, and its code (qinglang.Code) is
// qinglang.EINVALID.
type Problems = qinglang.Problems
