package model

import "crypto/sha256"

const idAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

// StableID derives an AWS-looking identifier of n lower-case letters and
// digits from parts, so that loading the same definition twice gives the
// same ids (AWS ids are random; Archway's are stable across reloads).
func StableID(n int, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	id := make([]byte, n)
	for i := range id {
		id[i] = idAlphabet[int(sum[i%len(sum)])%len(idAlphabet)]
	}
	return string(id)
}
