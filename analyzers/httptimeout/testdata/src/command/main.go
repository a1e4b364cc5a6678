// Command cmd may use the default client.
package main

import "net/http"

func main() {
	http.Get("https://example.com")
	http.DefaultClient.Get("https://example.com")
	_ = &http.Client{} // want `http.Client has no Timeout`
}
