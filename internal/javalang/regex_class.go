package javalang

import (
	"strings"
	"unicode"
)

// class parses a character class starting at '[' (Java's clazz). With
// consume false the closing ']' is left for the caller, as for the right
// operand of "&&".
func (t *translator) class(consume bool) (runeSet, error) {
	var prev, curr, bits runeSet
	prevSet, hasBits, neg := false, false, false
	ch := t.next()
	if ch == '^' && t.at(t.pos-1) == '[' {
		ch = t.next()
		neg = true
	}
	for {
		switch ch {
		case '[':
			c, err := t.class(true)
			if err != nil {
				return nil, err
			}
			curr = c
			prev, prevSet = prev.union(c), true
			ch = t.peek()
			continue
		case '&':
			ch = t.next()
			if ch != '&' {
				t.unread()
				break
			}
			ch = t.next()
			var right runeSet
			rightSet := false
			for ch != ']' && ch != '&' {
				if ch == eof {
					t.pos++
					return nil, t.syntaxError("Unclosed character class")
				}
				var c runeSet
				var err error
				if ch == '[' {
					c, err = t.class(true)
				} else {
					t.unread()
					c, err = t.class(false)
				}
				if err != nil {
					return nil, err
				}
				right, rightSet = right.union(c), true
				ch = t.peek()
			}
			if hasBits {
				if !prevSet {
					prev, curr, prevSet = bits, bits, true
				} else {
					prev = prev.union(bits)
				}
				hasBits = false
			}
			if rightSet {
				curr = right
			}
			if !prevSet {
				if !rightSet {
					return nil, t.syntaxError("Bad class syntax")
				}
				prev, prevSet = right, true
			} else {
				prev = prev.intersect(curr)
			}
			continue
		case eof:
			t.pos++
			return nil, t.syntaxError("Unclosed character class")
		case ']':
			if prevSet || hasBits {
				if consume {
					t.next()
				}
				res := prev
				if !prevSet {
					res = bits
				} else if hasBits {
					res = prev.union(bits)
				}
				if neg {
					res = res.complement()
				}
				return res, nil
			}
		}
		c, isBits, err := t.classRange()
		if err != nil {
			return nil, err
		}
		if isBits {
			bits = bits.union(c)
			hasBits = true
		} else {
			curr = c
			prev, prevSet = prev.union(c), true
		}
		ch = t.peek()
	}
}

// classRange parses one class member: a character, a range, an escape or
// a property (Java's range()). isBits reports a single character that
// Java keeps in its Latin-1 bit set, which matters for "&&" precedence.
func (t *translator) classRange() (set runeSet, isBits bool, err error) {
	ch := t.peek()
	if ch == '\\' {
		ch = t.nextEscaped()
		if ch == 'p' || ch == 'P' {
			comp := ch == 'P'
			one := true
			if t.next() != '{' {
				t.unread()
			} else {
				one = false
			}
			set, err = t.family(one, comp)
			return set, false, err
		}
		isRange := t.at(t.pos+1) == '-'
		t.unread()
		var pred runeSet
		ch, pred, err = t.classEscape(isRange)
		if err != nil {
			return nil, false, err
		}
		if ch < 0 {
			return pred, false, nil
		}
	} else {
		t.next()
	}
	if ch == eof {
		return nil, false, t.syntaxError("Unclosed character class")
	}
	if t.peek() == '-' {
		end := t.at(t.pos + 1)
		if end == '[' {
			return t.bitsOrSingle(ch)
		}
		if end != ']' {
			t.next()
			m := t.peek()
			if m == '\\' {
				m, _, err = t.classEscape(true)
				if err != nil {
					return nil, false, err
				}
			} else {
				t.next()
			}
			if m < ch {
				return nil, false, t.syntaxError("Illegal character range")
			}
			return t.foldRange(ch, m), false, nil
		}
	}
	return t.bitsOrSingle(ch)
}

// bitsOrSingle is a single class character, case-folded. Java keeps
// Latin-1 characters in a bit set (isBits), folding them there with
// toLowerCase/toUpperCase, except the few whose folds leave Latin-1 or
// are irregular, which it matches like a single character.
func (t *translator) bitsOrSingle(ch rune) (runeSet, bool, error) {
	iu := t.has(flagI) && t.has(flagU)
	switch {
	case ch >= 256:
		return t.foldChar(ch), false, nil
	case iu && strings.ContainsRune("\u00ff\u00b5IiSsKk\u00c5\u00e5", ch):
		return t.foldChar(ch), false, nil
	case iu && ch >= 0x80:
		lo, up := unicode.ToLower(ch), unicode.ToUpper(ch)
		return setOf(rng{ch, ch}, rng{lo, lo}, rng{up, up}), true, nil
	}
	return t.foldChar(ch), true, nil
}
