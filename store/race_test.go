//go:build race

package store

// raceEnabled is set under the race detector, which slows SQLite tenfold:
// tests that measure size their work to it.
const raceEnabled = true
