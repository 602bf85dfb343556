package javalang

import (
	"math"
	"strconv"
)

// maxReps is Java's MAX_REPS, the bound of an unbounded quantifier.
const maxReps = math.MaxInt32

// treeInfo is java.util.regex.Pattern.TreeInfo: the length bounds Java
// computes for a look-behind body, in 32-bit arithmetic that can wrap.
type treeInfo struct {
	min, max int32
	valid    bool // maxValid
	det      bool // deterministic
}

func (t *treeInfo) reset() { *t = treeInfo{valid: true, det: true} }

// studyFn adds a node's contribution to a treeInfo, as the node's study()
// method does; nil means a zero-width node.
type studyFn func(*treeInfo)

func (f studyFn) run(t *treeInfo) {
	if f != nil {
		f(t)
	}
}

// fragKind tells how Java quantifies a fragment.
type fragKind int

const (
	kindNode     fragKind = iota // anchors, back-references, look-arounds, atomic groups ...
	kindCharProp                 // one character or class: CharProperty
	kindGroup                    // a capturing or non-capturing group
)

// charStudy is CharProperty.study.
func charStudy(t *treeInfo) {
	t.min++
	t.max++
}

// seqStudy runs studies in order.
func seqStudy(fs []studyFn) studyFn {
	var nonNil []studyFn
	for _, f := range fs {
		if f != nil {
			nonNil = append(nonNil, f)
		}
	}
	if len(nonNil) == 0 {
		return nil
	}
	return func(t *treeInfo) {
		for _, f := range nonNil {
			f(t)
		}
	}
}

// branchStudy is Branch.study over alternatives (nil for an empty one).
func branchStudy(alts []studyFn) studyFn {
	return func(t *treeInfo) {
		minL2, maxL2 := int32(math.MaxInt32), int32(-1)
		maxV := t.valid
		for _, a := range alts {
			var s treeInfo
			s.reset()
			a.run(&s)
			minL2 = min(minL2, s.min)
			maxL2 = max(maxL2, s.max)
			maxV = maxV && s.valid
		}
		t.min += minL2
		t.max += maxL2
		t.valid = t.valid && maxV
		t.det = false
	}
}

// quesStudy is Ques.study for ?, ?? and ?+.
func quesStudy(atom studyFn) studyFn {
	return func(t *treeInfo) {
		minL := t.min
		atom.run(t)
		t.min = minL
		t.det = false
	}
}

// greedyCharStudy is CharPropertyGreedy.study (x*, x+, x{n,} on one
// character): no overflow check.
func greedyCharStudy(cmin int32) studyFn {
	return func(t *treeInfo) {
		t.min += cmin
		if t.valid {
			t.max += maxReps
		}
		t.det = false
	}
}

// curlyStudy is Curly.study (and GroupCurly's): the bounds multiply, and
// an overflowing maximum makes the length unbounded.
func curlyStudy(atom studyFn, cmin, cmax int32) studyFn {
	return func(t *treeInfo) {
		minL, maxL, maxV, detm := t.min, t.max, t.valid, t.det
		t.reset()
		atom.run(t)
		temp := t.min*cmin + minL
		if temp < minL {
			temp = 0xFFFFFFF
		}
		t.min = temp
		if maxV && t.valid {
			temp = t.max*cmax + maxL
			t.max = temp
			if temp < maxL {
				t.valid = false
			}
		} else {
			t.valid = false
		}
		if t.det && cmin == cmax {
			t.det = detm
		} else {
			t.det = false
		}
	}
}

// loopStudy is Loop.study: a non-deterministic repeated group has no
// maximum.
func loopStudy(t *treeInfo) {
	t.valid = false
	t.det = false
}

// deterministic reports whether Java studies a group body as
// deterministic (and so repeats it with GroupCurly rather than Loop).
func deterministic(body studyFn) bool {
	var t treeInfo
	t.reset()
	body.run(&t)
	return t.det
}

// quantifiedStudy is the study of f under a quantifier, following the
// node Java's closure() and group0() build for it.
func quantifiedStudy(f frag, cmin, cmax int32, greedyOpen, possessive bool) studyFn {
	isQues := cmin == 0 && cmax == 1
	switch f.kind {
	case kindCharProp:
		if isQues {
			return quesStudy(f.study)
		}
		if greedyOpen {
			return greedyCharStudy(cmin)
		}
		return curlyStudy(f.study, cmin, cmax)
	case kindGroup:
		if isQues {
			if possessive {
				return quesStudy(f.study)
			}
			return branchStudy([]studyFn{f.study, nil})
		}
		if possessive || deterministic(f.study) {
			return curlyStudy(f.study, cmin, cmax)
		}
		return loopStudy
	}
	if isQues {
		return quesStudy(f.study)
	}
	return curlyStudy(f.study, cmin, cmax)
}

// lookbehindLimit is the longest input, in characters, for which the
// wrapped-bound emulation below is written out; beyond it a look-behind
// whose Java window is empty is treated as never matching.
const lookbehindLimit = 1 << 20

// lookbehind emits a look-behind with Java's window semantics. Java only
// tries start positions from i-max to i-min; when 32-bit wrapping made max
// negative, positions below 2^31+max see an empty window.
func lookbehind(neg bool, body frag, t treeInfo) string {
	open := "(?<="
	if neg {
		open = "(?<!"
	}
	plain := open + body.text + ")"
	never := emitSet(nil)
	if neg {
		never = ""
	}
	if t.min < 0 || t.min > lookbehindLimit {
		return "(?:" + never + ")"
	}
	if t.max >= 0 {
		return plain
	}
	threshold := int64(t.max) + 1<<31
	switch {
	case threshold > lookbehindLimit:
		return "(?:" + never + ")"
	case neg:
		return "(?:(?<!" + emitSet(anySet) + "{" + strconv.FormatInt(threshold, 10) + "})|" + plain + ")"
	}
	return "(?:(?<=" + emitSet(anySet) + "{" + strconv.FormatInt(threshold, 10) + "})" + plain + ")"
}
