package pipeline

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
)

// newUUID returns a random version-4 UUID in canonical lower-case form, the
// shape of x-amzn-RequestId and $context.requestId.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
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
	_, _ = rand.Read(b[:])
	return base64.StdEncoding.EncodeToString(b[:]) // 16 characters
}
