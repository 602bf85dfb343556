// Package conformance reads the API Gateway conformance vectors
// (format apigw-conformance/1, see ../shared/conformance/FORMAT.md) and
// compares what a gateway produced with what AWS was recorded doing.
//
// It knows nothing about the gateway: a runner loads vectors with Load,
// substitutes input placeholders with Vector.Substitute, executes the vector
// its own way, fills an Actual and asks Compare (or a Comparer, when setup
// calls share token bindings with the main request) for the mismatches.
package conformance
