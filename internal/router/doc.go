// Package router matches API Gateway REST request paths against resource
// paths the way AWS does.
//
// A resource path is a sequence of path parts: literals (`pets`), path
// variables (`{petId}`) and, as the last part only, a greedy variable
// (`{proxy+}`) that matches one or more segments. Matching prefers, at every
// level, a literal part over a variable over a greedy variable, and falls back
// to the next alternative when a branch fails deeper down or when the resource
// it reaches has neither the request method nor ANY (recorded against AWS in
// the routing-* conformance vectors). No match means API Gateway answers
// 403 Missing Authentication Token; that answer belongs to the caller.
//
// Request paths are matched and reported as received: nothing is
// percent-decoded (AWS reports `test%2Balias@gmail.com` undecoded in
// pathParameters). Leading and trailing slashes are ignored, so `//x` and
// `/x/` both reach the resource `/x`, and a greedy value never carries a
// trailing slash (aws-proxy-event-with-prepended-slash,
// aws-proxy-event-with-trailing-slash).
package router
