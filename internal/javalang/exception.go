package javalang

import "strconv"

// Java exception class names returned in Exception.Class.
const (
	ClassStringIndexOutOfBounds  = "java.lang.StringIndexOutOfBoundsException"
	ClassIndexOutOfBounds        = "java.lang.IndexOutOfBoundsException"
	ClassIllegalArgument         = "java.lang.IllegalArgumentException"
	ClassNumberFormat            = "java.lang.NumberFormatException"
	ClassPatternSyntax           = "java.util.regex.PatternSyntaxException"
	ClassOutOfMemory             = "java.lang.OutOfMemoryError"
	ClassUnknownFormatConversion = "java.util.UnknownFormatConversionException"
	ClassMissingFormatArgument   = "java.util.MissingFormatArgumentException"
	ClassIllegalFormatConversion = "java.util.IllegalFormatConversionException"
	ClassFormatFlagsMismatch     = "java.util.FormatFlagsConversionMismatchException"
	ClassMissingFormatWidth      = "java.util.MissingFormatWidthException"
	ClassIllegalFormatPrecision  = "java.util.IllegalFormatPrecisionException"
	ClassIllegalFormatFlags      = "java.util.IllegalFormatFlagsException"
	ClassDuplicateFormatFlags    = "java.util.DuplicateFormatFlagsException"
	ClassIllegalFormatWidth      = "java.util.IllegalFormatWidthException"
	ClassIllegalFormatCodePoint  = "java.util.IllegalFormatCodePointException"
	ClassUnsupportedOperation    = "java.lang.UnsupportedOperationException"
	ClassRegexTimeout            = "archway.RegexTimeoutException"
)

// Exception is a Java exception: the fully qualified class name and the
// message Java would give it. Classes that Java itself never throws (such
// as ClassRegexTimeout, or ClassUnsupportedOperation for Java features this
// package does not implement) say so in their message.
type Exception struct {
	Class   string
	Message string
}

// Error returns "class: message", or the class alone when there is no
// message, as Throwable.toString does.
func (e *Exception) Error() string {
	if e.Message == "" {
		return e.Class
	}
	return e.Class + ": " + e.Message
}

func newException(class, msg string) *Exception {
	return &Exception{Class: class, Message: msg}
}

// forInputString is NumberFormatException.forInputString.
func forInputString(s string) *Exception {
	return newException(ClassNumberFormat, `For input string: "`+s+`"`)
}

// beginEndError is the message of String.checkBoundsBeginEnd.
func beginEndError(begin, end, length int) *Exception {
	return newException(ClassStringIndexOutOfBounds,
		"begin "+strconv.Itoa(begin)+", end "+strconv.Itoa(end)+", length "+strconv.Itoa(length))
}
