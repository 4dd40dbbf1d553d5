// Package spotcheck plans product spot checks (抽检), reads their results and
// works out what a failed result means for every listing of the product.
//
// Regulators run product-quality and food-safety spot checks and publish
// them linked to the platform (domain.md, "Duties with numbers"). Qinglang
// helps in three steps, all pure functions without I/O beyond an io.Reader:
//
//   - Plan draws a risk-weighted sample of products without replacement
//     (Efraimidis–Spirakis, seeded: the same seed gives the same plan). Each
//     Pick says why it weighs what it weighs, factor by factor, in Chinese
//     and in English.
//   - Result is one laboratory result; Validate names the bad field and
//     ReadCSV keeps the good rows of a file and reports the bad ones by line
//     and field.
//   - Effects turns a failed Result into one finding draft per affected
//     listing on every platform, one delisting notice per platform and a
//     public record without personal data.
//
// The numbers that are product choices rather than law (category risk,
// factor weights, the delisting deadline, which categories are critical) are
// in Config and Policy, with their defaults in DefaultConfig and
// DefaultPolicy.
package spotcheck
