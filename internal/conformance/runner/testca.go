package runner

import (
	"crypto/tls"
	"sync"

	"archway/internal/integration/httpbackend/testca"
)

// runTLS is the run's test CA and the certificate it issued for the
// fixtures served over HTTPS (backend_tls): 127.0.0.1 and localhost. The
// gateway trusts the CA.
type runTLS struct {
	authority *testca.CA
	leaf      tls.Certificate
}

// runCA returns the run's test CA, made on first use.
var runCA = sync.OnceValues(func() (*runTLS, error) {
	ca, err := testca.New()
	if err != nil {
		return nil, err
	}
	leaf, err := ca.Issue("127.0.0.1", "::1", "localhost")
	if err != nil {
		return nil, err
	}
	return &runTLS{authority: ca, leaf: leaf}, nil
})
