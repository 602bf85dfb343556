// Command helloworld is the baseline of bench/mock.sh: the smallest Go
// HTTP server, answering every request with a short JSON body.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:18080", "address to listen on")
	flag.Parse()
	body := []byte(`{"id": 1, "name": "Rex"}`)
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})))
}
