package lambdaevent

import "strings"

// queryPair holds the decoded key and value of one query parameter as
// offsets into a shared scratch buffer.
type queryPair struct {
	k0, k1, v0, v1 int
}

// appendQuery writes the queryStringParameters and
// multiValueQueryStringParameters members. Keys and values are
// form-decoded ("+" is a space, %2B a plus: aws-proxy-event-with-params-
// encoding); a key without "=" has the value ""; empty pieces are skipped;
// a malformed escape is kept literally (not recorded; AWS's Java decoder
// most plausibly rejects it, but dropping the request would be worse).
func appendQuery(dst []byte, raw string) []byte {
	var pairBuf [16]queryPair
	pairs := pairBuf[:0]
	var scratchBuf [256]byte
	scratch := scratchBuf[:0]
	for raw != "" {
		piece := raw
		if i := strings.IndexByte(raw, '&'); i >= 0 {
			piece, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		if piece == "" {
			continue
		}
		key, value := piece, ""
		if i := strings.IndexByte(piece, '='); i >= 0 {
			key, value = piece[:i], piece[i+1:]
		}
		var p queryPair
		p.k0 = len(scratch)
		scratch = formDecode(scratch, key)
		p.k1 = len(scratch)
		p.v0 = p.k1
		scratch = formDecode(scratch, value)
		p.v1 = len(scratch)
		pairs = append(pairs, p)
	}
	dst = append(dst, `,"queryStringParameters":`...)
	if len(pairs) == 0 {
		return append(dst, `null,"multiValueQueryStringParameters":null`...)
	}
	key := func(p queryPair) []byte { return scratch[p.k0:p.k1] }
	isFirst := func(i int) bool {
		for j := 0; j < i; j++ {
			if string(key(pairs[j])) == string(key(pairs[i])) {
				return false
			}
		}
		return true
	}
	dst = append(dst, '{')
	n := 0
	for i, p := range pairs {
		if !isFirst(i) {
			continue
		}
		last := p
		for _, q := range pairs[i+1:] {
			if string(key(q)) == string(key(p)) {
				last = q
			}
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = appendStringBytes(dst, key(p))
		dst = append(dst, ':')
		dst = appendStringBytes(dst, scratch[last.v0:last.v1])
	}
	dst = append(dst, `},"multiValueQueryStringParameters":{`...)
	n = 0
	for i, p := range pairs {
		if !isFirst(i) {
			continue
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = appendStringBytes(dst, key(p))
		dst = append(dst, ":["...)
		for j, q := range pairs[i:] {
			if j > 0 && string(key(q)) != string(key(p)) {
				continue
			}
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = appendStringBytes(dst, scratch[q.v0:q.v1])
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// formDecode appends the application/x-www-form-urlencoded decoding of s.
func formDecode(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			dst = append(dst, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			dst = append(dst, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
