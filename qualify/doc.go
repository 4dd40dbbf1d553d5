// Package qualify checks the identifiers and licences that a live-commerce
// platform collects about its actors: the Unified Social Credit Code of a
// merchant, the resident ID of a host, the numbers of food, health-food,
// cosmetics and medical-device licences, their periods of validity, and
// which licences a seller of each contract category needs. It is the first
// building block of the "actors, qualifications, counterfeits" capability.
//
// Every function is pure: no I/O, no clock (the caller passes the day a
// check is made on). Each [R] or [U] number lives in one place, with the
// rule it comes from: HostAgeRule, MinDeviceYear, and requirements.yaml
// (embedded; DefaultRequirements returns a copy, ParseRequirements reads
// another matrix).
//
// # What is checked, and how sure we are
//
// The facts come from shared/domain.md, whose confidence marks are kept in
// the comments beside each number: [S] seen in a source text, [R] reported
// by secondary summaries, [U] unverified, from general knowledge.
//
//   - CheckUSCC: the Unified Social Credit Code of GB 32100-2015 [S]: 18
//     characters over 0-9 and the capital letters without I, O, S, V, Z;
//     a MOD 31 check character. A checksum failure is not a rejection:
//     some real codes fail it, so the verdict is "verify by hand".
//   - CheckResidentID: the 18-character resident ID of GB 11643, with the
//     ISO 7064 MOD 11-2 check digit and the birth date; HostAge applies the
//     host age gate (at least 16, 16 to 18 with a guardian's consent [R]).
//     Full ID numbers never appear in an error, a reason or a String
//     result: MaskID keeps the first 3 and the last 2 characters.
//   - ParseLicence: the formats of the food business (JY) and food
//     production (SC, obsolete QS) licences [S], health-food registration
//     and filing, special cosmetics and medical-device registration [U].
//     Only the format is checked: the check digits of JY and SC are not
//     public, and nothing here asks a register whether a number exists.
//   - Validity: whether a licence is valid, expired, not yet valid or
//     expiring soon on a given day.
//   - Requirements: which licences each category needs (domain.md,
//     "Categories and what they need" [U]), loadable from YAML, and
//     Missing, which lists the gaps of a seller.
package qualify
