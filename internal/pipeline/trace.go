package pipeline

import (
	"encoding/hex"
	"strconv"
	"strings"
)

// traceID returns the X-Amzn-Trace-Id of the request: the client's header
// kept as sent, with a Parent segment added when it has only a Root
// (trace-id-with-client-trace-small-req-headers-aws-proxy); a new trace
// (Root=1-{epoch seconds, hex}-{96 random bits};Parent=...;Sampled=0) when
// the client sent none.
func (x *exchange) traceID() string {
	client := strings.TrimSpace(x.r.Header.Get("X-Amzn-Trace-Id"))
	switch {
	case client == "":
		epoch := strconv.FormatInt(x.h.now().Unix(), 16)
		return "Root=1-" + epoch + "-" + randomHex(12) + ";Parent=" + randomHex(8) + ";Sampled=0"
	case !strings.Contains(client, "Parent="):
		root, rest, _ := strings.Cut(client, ";")
		s := root + ";Parent=" + randomHex(8)
		if rest != "" {
			s += ";" + rest
		}
		return s
	}
	return client
}

// randomHex returns n (at most 16) random bytes in lower-case hex.
func randomHex(n int) string {
	var buf [16]byte
	b := buf[:n]
	randomBytes(b)
	return hex.EncodeToString(b)
}
