package vtl

// parseRef parses a reference at off ('$'). ok is false when the text
// there is not a reference (for example "$5" or "${}"), in which case
// nothing is consumed; an error means a reference was started but is
// malformed (an unclosed "${" or method call), as Velocity reports it.
func (p *parser) parseRef(off int) (*refExpr, bool, error) {
	i := off + 1
	ref := &refExpr{off: off}
	if i < len(p.src) && p.src[i] == '!' {
		ref.silent = true
		i++
	}
	braced := i < len(p.src) && p.src[i] == '{'
	if braced {
		i++
	}
	if i >= len(p.src) || !isIdentStart(p.src[i]) {
		return nil, false, nil
	}
	j := i + 1
	for j < len(p.src) && isIdentChar(p.src[j]) {
		j++
	}
	ref.root = p.src[i:j]
	if p.roots != nil {
		p.roots[ref.root] = true
	}
	save := p.pos
	p.pos = j
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '.' && p.pos+1 < len(p.src) && isIdentStart(p.src[p.pos+1]) {
			k := p.pos + 2
			for k < len(p.src) && isIdentChar(p.src[k]) {
				k++
			}
			part := refPart{kind: partProperty, name: p.src[p.pos+1 : k], off: p.pos + 1}
			p.pos = k
			if p.pos < len(p.src) && p.src[p.pos] == '(' {
				args, err := p.parseMethodArgs()
				if err != nil {
					p.pos = save
					return nil, false, err
				}
				part.kind, part.args = partMethod, args
				if mutatingMethods[part.name] {
					p.mutates = true
				}
			}
			ref.parts = append(ref.parts, part)
			continue
		}
		if c == '[' {
			idxOff := p.pos
			p.pos++
			p.skipSpace()
			arg, err := p.parseParam()
			if err != nil {
				p.pos = save
				return nil, false, err
			}
			p.skipSpace()
			if p.pos >= len(p.src) || p.src[p.pos] != ']' {
				err := p.errAt(p.pos, "expected ']' to close the index started at %s", p.lineCol(idxOff))
				p.pos = save
				return nil, false, err
			}
			p.pos++
			ref.parts = append(ref.parts, refPart{kind: partIndex, args: []expr{arg}, off: idxOff})
			continue
		}
		break
	}
	if braced {
		if p.pos >= len(p.src) || p.src[p.pos] != '}' {
			err := p.errAt(p.pos, "expected '}' to close the reference started at %s", p.lineCol(off))
			p.pos = save
			return nil, false, err
		}
		p.pos++
	}
	ref.src = p.src[off:p.pos]
	return ref, true, nil
}

// parseMethodArgs parses "(p1, p2)" after a method name. Arguments are
// Velocity 1.7 parameters: literals, references, lists, maps and ranges,
// not operator expressions.
func (p *parser) parseMethodArgs() ([]expr, error) {
	open := p.pos
	p.pos++ // (
	if p.pos < len(p.src) && p.src[p.pos] == ')' {
		p.pos++
		return nil, nil
	}
	var args []expr
	for {
		p.skipSpace()
		a, err := p.parseParam()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errAt(p.pos, "method call opened at %s is not closed", p.lineCol(open))
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ')':
			p.pos++
			return args, nil
		default:
			return nil, p.errAt(p.pos, "expected ',' or ')' in the method call opened at %s", p.lineCol(open))
		}
	}
}
