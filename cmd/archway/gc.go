package main

import (
	"os"
	"runtime/debug"
)

// servingGCPercent is the garbage collector's target while serving: a
// server's live heap is small (plans, pools, requests in flight), so
// letting it grow to five times that before collecting costs little
// memory and saves the CPU of collecting four times as often (a fifth
// more MOCK requests per second in bench/mock.sh).
const servingGCPercent = 400

// tuneGC sets the collector's target for serving, unless GOGC says
// otherwise.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(servingGCPercent)
	}
}
