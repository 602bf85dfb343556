package vtl

import (
	"archway/internal/javalang"
)

// stringMethod calls a java.lang.String method. Indexes and lengths are
// UTF-16 code units, as in Java.
func stringMethod(s, name string, args []any) (any, bool, error) {
	if name == "format" && len(args) >= 1 {
		// String.format(String, Object...) called through an instance.
		if f, ok := args[0].(string); ok {
			out, err := javalang.Format(f, args[1:]...)
			return out, true, err
		}
		return nil, false, nil
	}
	switch len(args) {
	case 0:
		switch name {
		case "length":
			return int64(javalang.Length(s)), true, nil
		case "isEmpty":
			return s == "", true, nil
		case "isBlank":
			return javalang.IsBlank(s), true, nil
		case "toUpperCase":
			return javalang.ToUpperCase(s), true, nil
		case "toLowerCase":
			return javalang.ToLowerCase(s), true, nil
		case "trim":
			return javalang.Trim(s), true, nil
		case "strip":
			return javalang.Strip(s), true, nil
		case "toString", "intern":
			return s, true, nil
		case "hashCode":
			return int64(javalang.HashCode(s)), true, nil
		}
	case 1:
		return stringMethod1(s, name, args[0])
	case 2:
		return stringMethod2(s, name, args[0], args[1])
	}
	return nil, false, nil
}

func stringMethod1(s, name string, a any) (any, bool, error) {
	str, isStr := a.(string)
	n, isInt := intArg(a)
	switch name {
	case "equals":
		return isStr && s == str, true, nil
	case "charAt":
		if isInt {
			c, err := javalang.CharAt(s, n)
			return c, true, err
		}
	case "substring":
		if isInt {
			out, err := javalang.Substring(s, n)
			return out, true, err
		}
	case "repeat":
		if isInt {
			out, err := javalang.Repeat(s, n)
			return out, true, err
		}
	}
	if isInt && (name == "indexOf" || name == "lastIndexOf") {
		if str, isStr = codePoint(n); !isStr {
			return int64(-1), true, nil
		}
	}
	if !isStr {
		if name == "compareTo" {
			return nil, true, classCast(a, "java.lang.String")
		}
		return nil, false, nil
	}
	switch name {
	case "indexOf":
		return int64(javalang.IndexOf(s, str)), true, nil
	case "lastIndexOf":
		return int64(javalang.LastIndexOf(s, str)), true, nil
	case "startsWith":
		return javalang.StartsWith(s, str), true, nil
	case "endsWith":
		return javalang.EndsWith(s, str), true, nil
	case "contains":
		return javalang.Contains(s, str), true, nil
	case "equalsIgnoreCase":
		return javalang.EqualsIgnoreCase(s, str), true, nil
	case "compareTo":
		return int64(javalang.CompareTo(s, str)), true, nil
	case "compareToIgnoreCase":
		return int64(javalang.CompareToIgnoreCase(s, str)), true, nil
	case "concat":
		return s + str, true, nil
	case "matches":
		ok, err := javalang.Matches(s, str)
		return ok, true, err
	case "split":
		parts, err := javalang.Split(s, str)
		if err != nil {
			return nil, true, err
		}
		return &stringArray{items: parts}, true, nil
	case "contentEquals":
		return s == str, true, nil
	}
	return nil, false, nil
}

func stringMethod2(s, name string, a, b any) (any, bool, error) {
	sa, aStr := a.(string)
	sb, bStr := b.(string)
	na, aInt := intArg(a)
	nb, bInt := intArg(b)
	switch {
	case name == "substring" && aInt && bInt:
		out, err := javalang.Substring2(s, na, nb)
		return out, true, err
	case name == "replace" && aStr && bStr:
		return javalang.Replace(s, sa, sb), true, nil
	case name == "replaceAll" && aStr && bStr:
		out, err := javalang.ReplaceAll(s, sa, sb)
		return out, true, err
	case name == "replaceFirst" && aStr && bStr:
		out, err := javalang.ReplaceFirst(s, sa, sb)
		return out, true, err
	case name == "split" && aStr && bInt:
		parts, err := javalang.SplitLimit(s, sa, nb)
		if err != nil {
			return nil, true, err
		}
		return &stringArray{items: parts}, true, nil
	case name == "startsWith" && aStr && bInt:
		return javalang.StartsWithFrom(s, sa, nb), true, nil
	case (name == "indexOf" || name == "lastIndexOf") && bInt && (aStr || aInt):
		if aInt {
			if sa, aInt = codePoint(na); !aInt {
				return int64(-1), true, nil
			}
		}
		if name == "indexOf" {
			return int64(javalang.IndexOfFrom(s, sa, nb)), true, nil
		}
		return int64(javalang.LastIndexOfFrom(s, sa, nb)), true, nil
	}
	return nil, false, nil
}

// codePoint is the character indexOf(int ch) looks for; ok is false for
// a value that is no Unicode scalar value (it matches nothing).
func codePoint(n int) (string, bool) {
	if n < 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) {
		return "", false
	}
	return string(rune(n)), true
}
