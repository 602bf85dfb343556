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

// byLength indexes a list of header names by their length, so that a
// lookup compares a name only with those it could equal.
type byLength [24][]string

// index builds the byLength of names.
func index(names []string) (t byLength) {
	for _, n := range names {
		t[len(n)] = append(t[len(n)], n)
	}
	return t
}

// find returns the name of t that equals name in any case.
func (t *byLength) find(name string) (string, bool) {
	if len(name) >= len(t) {
		return "", false
	}
	for _, h := range t[len(name)] {
		if strings.EqualFold(h, name) {
			return h, true
		}
	}
	return "", false
}

var (
	hiddenIndex    = index(hidden[:])
	canonicalIndex = index(canonical[:])
)

// visible reports whether API Gateway passes a request header with this
// name to integrations.
func visible(name string) bool {
	_, hide := hiddenIndex.find(name)
	return !hide
}

// canonicalName returns the casing under which the proxy event reports a
// request header.
func canonicalName(name string) string {
	if h, ok := canonicalIndex.find(name); ok {
		return h
	}
	return name
}

// sameName reports whether two header names are equal in any case.
func sameName(a, b string) bool {
	return len(a) == len(b) && strings.EqualFold(a, b)
}

// maxGroups is how many distinct header names appendHeaders groups
// without allocating.
const maxGroups = 32

// appendHeaders writes the headers and multiValueHeaders members. Names
// are grouped case-insensitively in order of first appearance; headers
// takes the last value, multiValueHeaders every value.
func appendHeaders(dst []byte, hs []Header) []byte {
	var firstBuf, lastBuf [maxGroups]int
	var nameBuf [maxGroups]string
	// first and last index hs at the first and last header of each
	// distinct visible name; names are their event names.
	first, last, names := firstBuf[:0], lastBuf[:0], nameBuf[:0]
	for i := range hs {
		if !visible(hs[i].Name) {
			continue
		}
		g := -1
		for gi, j := range first {
			if sameName(hs[j].Name, hs[i].Name) {
				g = gi
				break
			}
		}
		if g >= 0 {
			last[g] = i
			continue
		}
		first, last = append(first, i), append(last, i)
		names = append(names, canonicalName(hs[i].Name))
	}
	dst = append(dst, `,"headers":`...)
	if len(first) == 0 {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '{')
		for g := range first {
			if g > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, names[g])
			dst = append(dst, ':')
			dst = appendString(dst, hs[last[g]].Value)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"multiValueHeaders":`...)
	if len(first) == 0 {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	for g, i := range first {
		if g > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, names[g])
		dst = append(dst, ":["...)
		for k := i; k <= last[g]; k++ {
			if k > i && !sameName(hs[k].Name, hs[i].Name) {
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
