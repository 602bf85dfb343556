//go:build !linux

package main

import "errors"

// serveEpoll is the epoll mode, which needs Linux.
func serveEpoll(string, string) error {
	return errors.New("proxyharness: -mode epoll needs Linux")
}
