// Package brands is Qinglang's brand registry and its counterfeit checks:
// pure domain, no I/O beyond the io.Reader the loaders read.
//
// # Registry
//
// A Brand has names (Chinese, English, pinyin and variant spellings such
// as 耐克, NIKE, Naike), optional weak names that are also common words
// (苹果), a category, a reference price floor for the brand and for each
// product Line, and the Sellers (merchant ids) authorised to sell it with
// their validity dates (whole days, China time, inclusive). LoadYAML reads
// a registry and reports every problem with file, line and field;
// LoadCSV keeps the good rows and reports the bad ones by line. Default
// is a small example registry of fictitious brands and merchants.
//
// # Matching
//
// Names are matched on text normalised by textnorm (width, case,
// traditional → simplified, noise, repeats, numerals), so ＮＩＫＥ,
// 香奈兒 and "N I K E" all match, and spans map back to the original.
// Because normalisation removes spaces, Latin word boundaries are judged
// in the original: a name whose edge is a Latin letter must not touch
// another letter there (NIKE does not match inside SNIKERS), a digit edge
// must not touch a digit (AJ1 is not AJ11). A normalised name must have
// at least two runes; weak names count only in a listing of the brand's
// own category or in the listing's brand field. Where names overlap the
// longest wins.
//
// A brand named next to a compatibility cue (适用于, 兼容, for, 可替换,
// 同款配件 … see cuesBefore and cuesAfter in match.go) says what a product
// fits, not what it is, and is no brand claim.
//
// # Checks
//
// Checker.CheckListing and Checker.CheckSpeech return Results, findings
// to be, with the rule id, severity, the span in the original text, the
// brand, the authorisation looked up, a bilingual message and the basis:
//
//   - brand.unauthorised (medium): the title or brand field names a brand
//     and the merchant holds no grant covering the listing's date. Medium,
//     not high: reselling genuine goods without the brand's authorisation
//     is not by itself infringement, so the message asks for the
//     authorisation or the purchase records.
//   - counterfeit.slang_with_brand (critical): counterfeit slang (Slang:
//     高仿, A货, 1:1, 莆田, 纯原 …) within six runes of a brand name in the
//     title or in speech. Slang alone is the claims rule pack's business.
//   - price.below_brand_floor (medium; high when the merchant is not
//     authorised): the price is below FloorRatio (default 30%, a
//     heuristic, see DefaultFloorRatio) of the line's or the brand's floor.
//
// # Basis
//
// Checked with the search tool against public pages (2025 text): 《商标法》
// 第五十七条 lists selling goods that infringe a registered trademark as
// infringement; 《产品质量法》第三十九条 forbids sellers to pass fakes off as
// genuine (以假充真); 《电子商务法》第三十八条 makes a platform that knew or
// should have known answer with the seller. Not verified word for word:
// 《电子商务法》第十三条 (goods sold must be lawful; cited as the rule packs
// cite it), and 第四十五条 (platform duties on IP infringement), which may
// fit brand.unauthorised better than 第三十八条 and is not cited yet.
package brands
