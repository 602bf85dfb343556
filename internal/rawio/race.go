//go:build race

package rawio

// raceEnabled: built with the race detector, whose model of data passing
// through descriptors lives in the standard library's reads and writes.
const raceEnabled = true
