package apigw

import (
	"archway/internal/javalang"
	"archway/internal/jsonvalue"
)

// util is the $util variable. Every function takes any value (Java's
// String.valueOf) and gives null for null.
type util struct{}

// Property: $util has no properties.
func (util) Property(string) (any, bool) { return nil, false }

// JavaString is what printing $util shows.
func (util) JavaString() string { return "" }

// CallMethod answers the $util functions.
func (util) CallMethod(name string, args []any) (any, bool, error) {
	if len(args) != 1 {
		return nil, false, nil
	}
	if args[0] == nil {
		switch name {
		case "escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode":
			return nil, true, nil
		}
		return nil, false, nil
	}
	s := jsonvalue.ToString(args[0])
	switch name {
	case "escapeJavaScript":
		return javalang.EscapeJavaScript(s), true, nil
	case "parseJson":
		v, err := jsonvalue.Parse([]byte(s))
		return v, true, err
	case "urlEncode":
		return javalang.URLEncode(s), true, nil
	case "urlDecode":
		v, err := javalang.URLDecode(s)
		return v, true, err
	case "base64Encode":
		return javalang.Base64Encode(s), true, nil
	case "base64Decode":
		v, err := javalang.Base64Decode(s)
		return v, true, err
	}
	return nil, false, nil
}
