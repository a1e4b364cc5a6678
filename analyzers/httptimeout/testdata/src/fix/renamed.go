package fix

import (
	"net/http"
	tm "time"
)

var renamed = &http.Client{Transport: nil} // want `http.Client has no Timeout`

var _ = tm.Second
