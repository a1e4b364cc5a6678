package fix

import (
	"net/http"
)

func empty() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout`
}

func oneLine(tr http.RoundTripper) *http.Client {
	return &http.Client{Transport: tr} // want `http.Client has no Timeout`
}

func multiLine(tr http.RoundTripper) *http.Client {
	return &http.Client{ // want `http.Client has no Timeout`
		Transport: tr,
		Jar:       nil,
	}
}

func zero() *http.Client {
	return &http.Client{Timeout: 0} // want `Timeout is zero`
}

func value() http.Client {
	return http.Client{} // want `http.Client has no Timeout`
}
