//go:build !race

package contract

// raceEnabled is set when the race detector runs, which changes
// allocation counts (sync.Pool drops items at random).
const raceEnabled = false
