// Package notice writes the notices a case sends its subject and decides
// what of a case may be published.
//
// Order 117 art. 14 (《直播电商监督管理办法》第十四条, [S] in domain.md): a
// platform's notice of a measure states the facts, the reasons, the legal
// basis, the duration and the appeal channel; appeals are reviewed and the
// result notified. The package has four parts, all pure functions without
// I/O:
//
//   - ForMeasure writes a measure's notice from the case, the measure, its
//     findings and the platform's appeal channel. Facts list the first
//     Config.MaxFacts findings (when, in Asia/Shanghai time; where; the
//     rule; the summary) and count the rest; accounts, IP addresses and
//     devices never enter a notice. Check lists the art. 14 elements a
//     notice lacks, and ForMeasure refuses (EINVALID) to write a notice
//     that lacks any.
//   - ForAppealResult writes the notice of an appeal's result: upheld (the
//     measure runs to its end; the further remedies are named, without
//     citing articles domain.md does not support) or overturned (the
//     measure is lifted at once).
//   - Text, TextEN and JSON render a notice: plain text with the headings
//     事实, 理由, 依据, 措施与期限, 申诉渠道 (Facts, Reasons, Legal basis,
//     Measure and duration, Appeal), times with their offset; JSON with
//     stable bytes.
//   - Public keeps what of a case may be published: the subject's kind and
//     platform, masked ids (MaskID), a title made without ids, the decided
//     measures, masked summaries (MaskText, MaskName) and the dates. It
//     never holds accounts, users, IP addresses, devices, event ids,
//     comments or assignees.
//
// The choices that are product choices rather than law (how many findings
// a notice lists, the wording of the further remedies) are in Config, with
// their defaults in DefaultConfig.
package notice
