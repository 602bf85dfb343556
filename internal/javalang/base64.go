package javalang

import (
	"encoding/base64"
	"strconv"
	"unicode/utf8"
)

// Base64Encode is $util.base64Encode: java.util.Base64's basic encoder
// (with padding) over the UTF-8 bytes of s.
func Base64Encode(s string) string {
	return base64.StdEncoding.EncodeToString([]byte(s))
}

// base64Value maps the basic alphabet to 0..63, '=' to -2, others to -1.
var base64Value = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = int8(i)
	}
	t['='] = -2
	return t
}()

// Base64Decode is $util.base64Decode: java.util.Base64.getDecoder() (strict
// basic alphabet; padding optional but, when present, correct; nothing may
// follow it), then new String(bytes, UTF_8). Bad input is
// IllegalArgumentException with Java's message.
func Base64Decode(s string) (string, error) {
	src := latin1Bytes(s)
	if len(src) == 0 {
		return "", nil
	}
	if len(src) < 2 {
		return "", newException(ClassIllegalArgument, "Input byte[] should at least have 2 bytes for base64 bytes")
	}
	dst := make([]byte, 0, len(src)/4*3+3)
	bits, shift, sp := 0, 18, 0
	for sp < len(src) {
		c := src[sp]
		sp++
		v := base64Value[c]
		if v == -2 {
			// "=" after 2 or 3 sextets ends the input; "xx=" needs a second "=".
			if shift == 6 && (sp == len(src) || src[sp] != '=') || shift == 18 {
				return "", newException(ClassIllegalArgument, "Input byte array has wrong 4-byte ending unit")
			}
			if shift == 6 {
				sp++
			}
			break
		}
		if v < 0 {
			return "", newException(ClassIllegalArgument, "Illegal base64 character "+strconv.FormatInt(int64(int8(c)), 16))
		}
		bits |= int(v) << shift
		shift -= 6
		if shift < 0 {
			dst = append(dst, byte(bits>>16), byte(bits>>8), byte(bits))
			shift, bits = 18, 0
		}
	}
	switch shift {
	case 6:
		dst = append(dst, byte(bits>>16))
	case 0:
		dst = append(dst, byte(bits>>16), byte(bits>>8))
	case 12:
		return "", newException(ClassIllegalArgument, "Last unit does not have enough valid bits")
	}
	if sp < len(src) {
		return "", newException(ClassIllegalArgument, "Input byte array has incorrect ending byte at "+strconv.Itoa(sp))
	}
	return decodeUTF8(dst), nil
}

// latin1Bytes is String.getBytes(ISO_8859_1): characters above U+00FF
// (a surrogate pair counting as one) become '?'.
func latin1Bytes(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r > 0xFF {
			r = '?'
		}
		b = append(b, byte(r))
		i += size
	}
	return b
}
