package lambdaevent

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner is a minimal JSON reader for the proxy response: it reads the
// few shapes the response allows and reports anything else as malformed.
type scanner struct {
	data []byte
	pos  int
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.space()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// consume skips c if it comes next.
func (s *scanner) consume(c byte) bool {
	if s.peek() == c {
		s.pos++
		return true
	}
	return false
}

func (s *scanner) expect(c byte) error {
	if !s.consume(c) {
		return s.fail("expected '" + string(c) + "'")
	}
	return nil
}

func (s *scanner) fail(what string) error {
	return malformed("%s at offset %d", what, s.pos)
}

// kind classifies the next value.
type kind uint8

const (
	kindInvalid kind = iota
	kindNull
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

func (s *scanner) next() kind {
	switch c := s.peek(); {
	case c == 'n':
		return kindNull
	case c == 't' || c == 'f':
		return kindBool
	case c == '"':
		return kindString
	case c == '{':
		return kindObject
	case c == '[':
		return kindArray
	case c == '-' || c >= '0' && c <= '9':
		return kindNumber
	}
	return kindInvalid
}

func (s *scanner) literal(word string) error {
	if len(s.data)-s.pos < len(word) || string(s.data[s.pos:s.pos+len(word)]) != word {
		return s.fail("invalid literal")
	}
	s.pos += len(word)
	return nil
}

func (s *scanner) null() error { return s.literal("null") }

func (s *scanner) boolean() (bool, error) {
	if s.data[s.pos] == 't' {
		return true, s.literal("true")
	}
	return false, s.literal("false")
}

// number returns the lexeme of a JSON number.
func (s *scanner) number() (string, error) {
	start := s.pos
	if s.data[s.pos] == '-' {
		s.pos++
	}
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	if s.pos < len(s.data) && s.data[s.pos] == '0' {
		s.pos++
	} else if digits() == 0 {
		return "", s.fail("invalid number")
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return "", s.fail("invalid number")
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return "", s.fail("invalid number")
		}
	}
	return string(s.data[start:s.pos]), nil
}

// str reads a JSON string; invalid UTF-8 becomes U+FFFD as with
// encoding/json. The result aliases nothing.
func (s *scanner) str() (string, error) {
	b, err := s.appendStr(nil)
	return string(b), err
}

// appendStr reads a JSON string and appends its text to dst.
func (s *scanner) appendStr(dst []byte) ([]byte, error) {
	s.pos++ // opening quote
	start := s.pos
	for {
		if s.pos >= len(s.data) {
			return nil, s.fail("unterminated string")
		}
		c := s.data[s.pos]
		switch {
		case c == '"':
			dst = append(dst, s.data[start:s.pos]...)
			s.pos++
			return dst, nil
		case c < 0x20:
			return nil, s.fail("control character in string")
		case c == '\\':
			dst = append(dst, s.data[start:s.pos]...)
			var err error
			if dst, err = s.escape(dst); err != nil {
				return nil, err
			}
			start = s.pos
		case c < utf8.RuneSelf:
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s.data[start:s.pos]...)
				dst = append(dst, "\ufffd"...)
				s.pos++
				start = s.pos
				continue
			}
			s.pos += size
		}
	}
}

// escape decodes the escape sequence at s.pos (a backslash).
func (s *scanner) escape(dst []byte) ([]byte, error) {
	s.pos++
	if s.pos >= len(s.data) {
		return nil, s.fail("unterminated escape")
	}
	c := s.data[s.pos]
	s.pos++
	switch c {
	case '"', '\\', '/':
		return append(dst, c), nil
	case 'b':
		return append(dst, '\b'), nil
	case 'f':
		return append(dst, '\f'), nil
	case 'n':
		return append(dst, '\n'), nil
	case 'r':
		return append(dst, '\r'), nil
	case 't':
		return append(dst, '\t'), nil
	case 'u':
		r, ok := s.hex4()
		if !ok {
			return nil, s.fail("invalid \\u escape")
		}
		if utf16.IsSurrogate(r) {
			save := s.pos
			if s.pos+1 < len(s.data) && s.data[s.pos] == '\\' && s.data[s.pos+1] == 'u' {
				s.pos += 2
				if r2, ok := s.hex4(); ok {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						return utf8.AppendRune(dst, d), nil
					}
				}
			}
			s.pos = save
			r = utf8.RuneError
		}
		return utf8.AppendRune(dst, r), nil
	}
	return nil, s.fail("invalid escape")
}

func (s *scanner) hex4() (rune, bool) {
	if s.pos+4 > len(s.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(s.data[s.pos:s.pos+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	s.pos += 4
	return rune(n), true
}
