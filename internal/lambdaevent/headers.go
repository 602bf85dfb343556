package lambdaevent

import "strings"

// hidden lists the request headers API Gateway does not pass to
// integrations (recorded in header-remap-aws-proxy-no-param and the
// $input.params vectors), plus the remaining hop-by-hop headers, which no
// recording covers and which a proxy never forwards.
var hidden = [...]string{
	"Connection", "Content-Length", "Content-MD5", "Expect", "Max-Forwards",
	"Proxy-Authenticate", "Server", "TE", "Transfer-Encoding", "Trailer",
	"Upgrade", "WWW-Authenticate", "Keep-Alive", "Proxy-Connection",
}

// canonical lists the header names AWS reports in its own casing whatever
// the client wrote: recorded for Authorization ("authorization") and
// User-Agent ("user-Agent"); assumed for the other standard headers of the
// visible set. Other names keep the client's casing ("tEsT-HEADeR").
var canonical = [...]string{
	"Accept", "Accept-Charset", "Accept-Encoding", "Age", "Authorization",
	"Content-Encoding", "Content-Type", "Date", "Host", "Pragma", "Range",
	"Referer", "User-Agent", "Via", "Warn", "X-Amzn-Trace-Id",
	"X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto",
}

// Visible reports whether API Gateway passes a request header with this
// name to integrations (proxy events and $input.params alike).
func Visible(name string) bool {
	for _, h := range hidden {
		if strings.EqualFold(h, name) {
			return false
		}
	}
	return true
}

// CanonicalName returns the casing under which the proxy event reports a
// request header.
func CanonicalName(name string) string {
	for _, h := range canonical {
		if strings.EqualFold(h, name) {
			return h
		}
	}
	return name
}

// appendHeaders writes the headers and multiValueHeaders members. Names
// are grouped case-insensitively in order of first appearance; headers
// takes the last value, multiValueHeaders every value.
func appendHeaders(dst []byte, hs []Header) []byte {
	var firstBuf [32]int
	first := firstBuf[:0] // index into hs of each distinct visible name
	for i := range hs {
		if !Visible(hs[i].Name) {
			continue
		}
		seen := false
		for _, j := range first {
			if strings.EqualFold(hs[j].Name, hs[i].Name) {
				seen = true
				break
			}
		}
		if !seen {
			first = append(first, i)
		}
	}
	dst = append(dst, `,"headers":`...)
	if len(first) == 0 {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '{')
		for n, i := range first {
			if n > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, CanonicalName(hs[i].Name))
			dst = append(dst, ':')
			last := i
			for k := i + 1; k < len(hs); k++ {
				if strings.EqualFold(hs[k].Name, hs[i].Name) {
					last = k
				}
			}
			dst = appendString(dst, hs[last].Value)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"multiValueHeaders":`...)
	if len(first) == 0 {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	for n, i := range first {
		if n > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, CanonicalName(hs[i].Name))
		dst = append(dst, ":["...)
		for k := i; k < len(hs); k++ {
			if k > i && !strings.EqualFold(hs[k].Name, hs[i].Name) {
				continue
			}
			if k > i {
				dst = append(dst, ',')
			}
			dst = appendString(dst, hs[k].Value)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}
