// Package vtl is a Velocity Template Language 1.7 engine with the
// configuration API Gateway runs: a template is parsed once into a tree
// (Parse) and rendered many times (Template.Render), concurrently.
//
// Semantics follow Apache Velocity 1.7 as API Gateway configures it
// (see shared/oracle/README.md): a reference that evaluates to null
// evaluates to "" everywhere — in output, in expressions and in #set —
// which is the only configuration that reproduces the AWS recordings.
// Numbers follow Java: int64 stands for Integer and Long, *big.Int for
// BigInteger and float64 for Double; lists and maps are the
// jsonvalue types; methods on strings, lists, maps and numbers behave
// like their java.lang and java.util counterparts (package javalang).
//
// Host objects such as API Gateway's $input and $util implement Object.
package vtl
