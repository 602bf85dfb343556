package javalang

import "strings"

// Replace is String.replace(target, replacement) for CharSequence
// arguments: every occurrence of target, left to right, is replaced
// literally. An empty target inserts replacement before every UTF-16 code
// unit and at the end, so a supplementary character is split into two "?".
func Replace(s, target, replacement string) string {
	if target != "" {
		return strings.ReplaceAll(s, target, replacement)
	}
	var sb strings.Builder
	sb.Grow(len(s) + (len(s)+1)*len(replacement))
	sb.WriteString(replacement)
	for _, r := range s {
		if r >= 0x10000 {
			sb.WriteString(loneSurrogate)
			sb.WriteString(replacement)
			sb.WriteString(loneSurrogate)
		} else {
			sb.WriteRune(r)
		}
		sb.WriteString(replacement)
	}
	return sb.String()
}
