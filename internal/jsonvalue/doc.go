// Package jsonvalue holds the values that mapping templates and JSONPath
// share: an insertion-ordered map (Java's LinkedHashMap), a list that is
// either a Java ArrayList or a json-smart JSONArray, and the Java-style
// string forms API Gateway prints for them.
//
// Scalars are plain Go values: nil (Java null), string, bool, int64
// (Integer and Long), *big.Int (BigInteger) and float64 (Double).
package jsonvalue
