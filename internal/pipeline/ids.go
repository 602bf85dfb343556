package pipeline

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// Request ids, API Gateway ids and trace ids identify requests; nothing
// relies on their being unpredictable, so they come from the runtime's
// per-thread generator (ChaCha8, seeded by the OS) rather than from a
// system call per id.

// randomBytes fills b with random bytes.
func randomBytes(b []byte) {
	for len(b) >= 8 {
		binary.LittleEndian.PutUint64(b, rand.Uint64())
		b = b[8:]
	}
	if len(b) > 0 {
		var last [8]byte
		binary.LittleEndian.PutUint64(last[:], rand.Uint64())
		copy(b, last[:])
	}
}

// newUUID returns a random version-4 UUID in canonical lower-case form, the
// shape of x-amzn-RequestId and $context.requestId.
func newUUID() string {
	var b [16]byte
	randomBytes(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// newAPIGWID returns an x-amz-apigw-id: 16 characters of base64, like
// "Nq8mCFfUoAMEdPQ=" on AWS.
func newAPIGWID() string {
	var b [10]byte
	randomBytes(b[:])
	return base64.StdEncoding.EncodeToString(b[:]) // 16 characters
}
