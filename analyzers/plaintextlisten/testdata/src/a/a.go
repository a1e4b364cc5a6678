package a

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"net"
	"net/http"
	nethttp "net/http"
	"net/http/httptest"
	"os"
	"strconv"

	"golang.org/x/crypto/acme/autocert"
	fake "lookalike/http"
)

const listenAddr = ":8080"

var defaultAddr = "0.0.0.0:9090" // never reassigned: effectively a constant

var mux = http.NewServeMux()

// --- http.ListenAndServe ---

func constantAddresses() {
	http.ListenAndServe(":8080", nil)                    // want `http.ListenAndServe serves plaintext HTTP on every interface \(":8080"\)`
	http.ListenAndServe("", mux)                         // want `plaintext HTTP on every interface \(""\)`
	http.ListenAndServe("0.0.0.0:80", mux)               // want `plaintext HTTP on every interface \("0.0.0.0:80"\)`
	http.ListenAndServe("[::]:80", mux)                  // want `plaintext HTTP on every interface`
	http.ListenAndServe("10.1.2.3:80", mux)              // want `plaintext HTTP on "10.1.2.3:80"`
	http.ListenAndServe("example.com:80", mux)           // want `plaintext HTTP on "example.com:80"`
	nethttp.ListenAndServe(listenAddr, mux)              // want `plaintext HTTP on every interface \(":8080"\)`
	http.ListenAndServe(defaultAddr, mux)                // want `plaintext HTTP on every interface \("0.0.0.0:9090"\)`
	go http.ListenAndServe(":"+"9000", nil)              // want `plaintext HTTP`
	_ = fmt.Errorf("%w", http.ListenAndServe(":1", nil)) // want `plaintext HTTP`
}

func concatenatedAddresses(port int) {
	p := strconv.Itoa(port)
	addr := ":" + p
	http.ListenAndServe(addr, mux) // want `plaintext HTTP on every interface \(":"\+…\)`

	http.ListenAndServe("0.0.0.0:"+os.Getenv("PORT"), mux)           // want `plaintext HTTP on every interface \("0.0.0.0:"\+…\)`
	http.ListenAndServe(fmt.Sprintf(":%d", port), mux)               // want `plaintext HTTP on every interface`
	http.ListenAndServe(net.JoinHostPort("", p), mux)                // want `plaintext HTTP on every interface`
	http.ListenAndServe(net.JoinHostPort("api.internal", p), mux)    // want `plaintext HTTP on "api.internal:"\+…`
	http.ListenAndServe(fmt.Sprintf("%s:%d", "10.0.0.1", port), mux) // want `plaintext HTTP on "10.0.0.1:"\+…`
}

func envWithDefault() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	http.ListenAndServe(addr, mux) // want `plaintext HTTP on every interface \(":8080"\)`
}

func flags() {
	addr := flag.String("addr", ":8080", "listen address")
	var other string
	flag.StringVar(&other, "other", "0.0.0.0:8081", "other address")
	flag.Parse()
	http.ListenAndServe(*addr, mux) // want `plaintext HTTP on every interface \(":8080"\)`
	http.ListenAndServe(other, mux) // want `plaintext HTTP on every interface \("0.0.0.0:8081"\)`
}

func methodValueOfFunc() {
	serve := http.ListenAndServe
	serve(":80", mux) // want `plaintext HTTP on every interface \(":80"\)`
}

// --- (*http.Server).ListenAndServe ---

func serverLiteral() error {
	srv := &http.Server{Addr: ":8080", Handler: mux}
	return srv.ListenAndServe() // want `http.Server.ListenAndServe serves plaintext HTTP on every interface \(":8080"\)`
}

func serverNoAddr() error {
	srv := &http.Server{Handler: mux}
	return srv.ListenAndServe() // want `http.Server.ListenAndServe serves plaintext HTTP on every interface \(""\)`
}

func serverValueAddrLater(port string) error {
	var srv http.Server
	srv.Handler = mux
	srv.Addr = "0.0.0.0:" + port
	return srv.ListenAndServe() // want `every interface \("0.0.0.0:"\+…\)`
}

func serverNew() error {
	srv := new(http.Server)
	return srv.ListenAndServe() // want `http.Server.ListenAndServe serves plaintext HTTP on every interface`
}

func serverTLSConfigIgnored() error {
	srv := &http.Server{Addr: "10.0.0.5:8080", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	return srv.ListenAndServe() // want `plaintext HTTP on "10.0.0.5:8080"`
}

type group struct{}

func (group) Go(f func() error) {}

func serverMethodValue() {
	srv := &http.Server{Addr: ":8080"}
	var g group
	g.Go(srv.ListenAndServe) // want `http.Server.ListenAndServe serves plaintext HTTP`
	ls := srv.ListenAndServe // want `http.Server.ListenAndServe serves plaintext HTTP`
	ls()
}

func serverMethodExpression() {
	srv := &http.Server{Addr: ":8080"}
	(*http.Server).ListenAndServe(srv) // want `http.Server.ListenAndServe serves plaintext HTTP`
}

func newServer() *http.Server {
	return &http.Server{Addr: listenAddr, Handler: mux}
}

func serverFromConstructor() error {
	srv := newServer()
	return srv.ListenAndServe() // want `every interface \(":8080"\)`
}

type app struct {
	srv *http.Server
}

func newApp() *app {
	return &app{srv: &http.Server{Addr: ":7070"}}
}

func (a *app) run() error {
	return a.srv.ListenAndServe() // want `every interface \(":7070"\)`
}

func directLiteral() error {
	return (&http.Server{Addr: "192.168.1.10:80"}).ListenAndServe() // want `plaintext HTTP on "192.168.1.10:80"`
}

// --- net.Listen served as plaintext HTTP ---

func listenServe() {
	ln, err := net.Listen("tcp", ":8080") // want `net.Listen listens on every interface \(":8080"\) and the listener is served as plaintext HTTP`
	if err != nil {
		return
	}
	defer ln.Close()
	http.Serve(ln, mux)
}

func listenServerServe() {
	srv := &http.Server{Handler: mux}
	ln, _ := net.Listen("tcp4", "0.0.0.0:8080") // want `served as plaintext HTTP`
	srv.Serve(ln)
}

func listenConfig(ctx context.Context) {
	var lc net.ListenConfig
	ln, _ := lc.Listen(ctx, "tcp", ":8080") // want `net.ListenConfig.Listen listens on every interface`
	http.Serve(ln, mux)
}

func listenTCP() {
	ln, _ := net.ListenTCP("tcp", &net.TCPAddr{Port: 8080}) // want `net.ListenTCP listens on every interface \(":"\+…\)`
	http.Serve(ln, mux)
}

func listenHelper() {
	ln, _ := net.Listen("tcp", ":8081") // want `served as plaintext HTTP`
	serveHTTP(ln)
}

func serveHTTP(l net.Listener) {
	http.Serve(l, nil)
}

// --- Not reported ---

func loopback(port string, p int) {
	http.ListenAndServe("127.0.0.1:8080", mux)
	http.ListenAndServe("localhost:80", mux)
	http.ListenAndServe("[::1]:80", mux)
	http.ListenAndServe("127.0.0.1:"+port, mux)
	http.ListenAndServe(net.JoinHostPort("localhost", port), mux)
	http.ListenAndServe(fmt.Sprintf("127.0.0.1:%d", p), mux)
	srv := &http.Server{Addr: "localhost:8080"}
	srv.ListenAndServe()
}

func unknownAddresses(addr string, cfg struct{ Addr string }) {
	http.ListenAndServe(addr, mux)
	http.ListenAndServe(os.Getenv("ADDR"), mux)
	http.ListenAndServe(cfg.Addr, mux)
	http.ListenAndServe(os.Getenv("HOST")+":8080", mux)
	srv := &http.Server{Addr: addr}
	srv.ListenAndServe()
}

func unknownServer(srv *http.Server) error {
	return srv.ListenAndServe()
}

func addrReassigned() error {
	srv := &http.Server{Addr: ":8080"}
	srv.Addr = "127.0.0.1:8080"
	return srv.ListenAndServe()
}

func tlsServers() {
	http.ListenAndServeTLS(":443", "cert.pem", "key.pem", mux)
	srv := &http.Server{Addr: ":443"}
	srv.ListenAndServeTLS("cert.pem", "key.pem")
	both := &http.Server{Addr: ":8443"}
	go both.ListenAndServeTLS("cert.pem", "key.pem")
	both.ListenAndServe() // the same server also serves TLS
}

func redirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://"+r.Host+r.URL.RequestURI(), http.StatusMovedPermanently)
}

func redirectors(m *autocert.Manager) {
	http.ListenAndServe(":80", http.RedirectHandler("https://example.com", http.StatusMovedPermanently))
	http.ListenAndServe(":80", http.HandlerFunc(redirectToHTTPS))
	http.ListenAndServe(":80", m.HTTPHandler(nil))
	srv := &http.Server{Addr: ":80", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := *r.URL
		u.Scheme = "https"
		u.Host = r.Host
		http.Redirect(w, r, u.String(), http.StatusPermanentRedirect)
	})}
	srv.ListenAndServe()
}

func notARedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", http.StatusFound)
}

func redirectWithinSite() {
	http.ListenAndServe(":80", http.HandlerFunc(notARedirect)) // want `plaintext HTTP`
}

func wrappedListeners(cfg *tls.Config) {
	ln, _ := net.Listen("tcp", ":8443")
	http.Serve(tls.NewListener(ln, cfg), mux)

	ln2, _ := net.Listen("tcp", ":8444")
	ln2 = tls.NewListener(ln2, cfg)
	http.Serve(ln2, mux)

	ln3, _ := net.Listen("tcp", ":8445")
	srv := &http.Server{Handler: mux}
	srv.ServeTLS(ln3, "cert.pem", "key.pem")

	ln4, _ := tls.Listen("tcp", ":8446", cfg)
	http.Serve(ln4, mux)
}

func otherListeners() {
	ln, _ := net.Listen("unix", "/run/app.sock")
	http.Serve(ln, mux)

	lo, _ := net.Listen("tcp", "127.0.0.1:0")
	http.Serve(lo, mux)

	free, _ := net.Listen("tcp", ":0")
	port := free.Addr().(*net.TCPAddr).Port
	free.Close()
	_ = port

	lt, _ := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	http.Serve(lt, mux)
}

func unknownNetwork(network string) {
	ln, _ := net.Listen(network, ":8080")
	http.Serve(ln, mux)
}

func lookalikes() {
	fake.ListenAndServe(":80", nil)
	s := &fake.Server{Addr: ":80"}
	s.ListenAndServe()
	fake.Listen("tcp", ":80")
}

func testServer() {
	ts := httptest.NewServer(mux)
	defer ts.Close()
}
