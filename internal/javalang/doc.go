// Package javalang reproduces the Java library behaviour that API Gateway
// mapping templates observe: java.lang.String methods, java.util.regex,
// String.format, Integer/Long/Double parsing, and the commons-lang 2.6 and
// java.net functions behind $util.
//
// Go strings are UTF-8; Java strings are sequences of UTF-16 code units.
// Every index and length here is in UTF-16 code units, so "Zürich😀" has
// length 8. Invalid UTF-8 bytes count as one U+FFFD each (what Java would
// have decoded them to). A result that would hold half of a surrogate pair
// in Java holds '?' instead: that is the byte Java's UTF-8 encoder writes for
// a lone surrogate, so the rendered output matches Java's bytes.
//
// Java regular expressions (String.matches, replaceAll, replaceFirst,
// split, and Compile for callers that keep a Pattern) are translated to
// github.com/dlclark/regexp2 syntax by a parser that follows
// java.util.regex.Pattern's own: classes become explicit code point sets,
// ASCII-only (?i), Java's line terminators for . ^ $, \b over letters and
// digits, possessive quantifiers as atomic groups, numbered named groups,
// and look-behinds checked and bounded with Java's 32-bit arithmetic.
// Replacement strings use Java's $n, ${name} and \ rules. Compiled
// patterns are cached, and every operation is bounded by MatchTimeout.
//
// Where Java throws, the functions return a *Exception naming the Java
// exception class. The behaviour followed is OpenJDK 17's (the oracle's
// JVM); String.strip, isBlank and repeat do not exist before Java 11.
package javalang
