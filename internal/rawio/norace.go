//go:build !race

package rawio

// raceEnabled: built without the race detector (race.go).
const raceEnabled = false
