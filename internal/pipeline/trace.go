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
		var buf [64]byte
		id := append(buf[:0], "Root=1-"...)
		id = strconv.AppendInt(id, x.h.now().Unix(), 16)
		id = append(id, '-')
		id = appendRandomHex(id, 12)
		id = append(id, ";Parent="...)
		id = appendRandomHex(id, 8)
		id = append(id, ";Sampled=0"...)
		return string(id)
	case !strings.Contains(client, "Parent="):
		root, rest, _ := strings.Cut(client, ";")
		var buf [128]byte
		id := append(buf[:0], root...)
		id = append(id, ";Parent="...)
		id = appendRandomHex(id, 8)
		if rest != "" {
			id = append(id, ';')
			id = append(id, rest...)
		}
		return string(id)
	}
	return client
}

// appendRandomHex appends n (at most 16) random bytes in lower-case hex
// to dst.
func appendRandomHex(dst []byte, n int) []byte {
	var buf [16]byte
	b := buf[:n]
	randomBytes(b)
	return hex.AppendEncode(dst, b)
}
