package frameworks

import (
	"crypto/tls"
	"net"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/valyala/fasthttp"
)

func ginRun() {
	r := gin.Default()
	r.Run()                 // want `gin.Engine.Run serves plaintext HTTP on every interface \(":8080"\)`
	r.Run(":9090")          // want `gin.Engine.Run serves plaintext HTTP on every interface \(":9090"\)`
	r.Run("127.0.0.1:9090") // loopback
	r.RunTLS(":443", "cert.pem", "key.pem")
	r.RunUnix("/tmp/gin.sock")
	http.ListenAndServe(":8081", r) // want `http.ListenAndServe serves plaintext HTTP`
}

func ginListener() {
	ln, _ := net.Listen("tcp", ":8082") // want `served as plaintext HTTP`
	gin.New().RunListener(ln)
}

func echoStart(cfg *tls.Config) {
	e := echo.New()
	e.Start(":1323")               // want `echo.Echo.Start serves plaintext HTTP on every interface \(":1323"\)`
	e.StartH2CServer(":1324", nil) // want `echo.Echo.StartH2CServer serves plaintext HTTP`
	e.StartTLS(":443", "cert.pem", "key.pem")
	e.StartAutoTLS(":443")
	e.Start("localhost:1323")

	e.StartServer(&http.Server{Addr: ":1325"})                 // want `echo.Echo.StartServer serves plaintext HTTP on every interface \(":1325"\)`
	e.StartServer(&http.Server{Addr: ":1326", TLSConfig: cfg}) // TLS
	s := &http.Server{Addr: ":1327"}
	s.TLSConfig = cfg
	e.StartServer(s) // TLS
}

func fiberListen() {
	app := fiber.New()
	app.Listen(":3000") // want `fiber.App.Listen serves plaintext HTTP on every interface \(":3000"\)`
	app.ListenTLS(":443", "cert.pem", "key.pem")
	app.Listen("127.0.0.1:3000")
	ln, _ := net.Listen("tcp", ":3001") // want `served as plaintext HTTP`
	app.Listener(ln)
}

func fasthttpServe(h fasthttp.RequestHandler) {
	fasthttp.ListenAndServe(":8080", h) // want `fasthttp.ListenAndServe serves plaintext HTTP on every interface`
	s := &fasthttp.Server{Handler: h}
	s.ListenAndServe("0.0.0.0:8081") // want `fasthttp.Server.ListenAndServe serves plaintext HTTP`
	s.ListenAndServeTLS(":443", "c", "k")
	fasthttp.ListenAndServeTLS(":443", "c", "k", h)
	fasthttp.ListenAndServe("localhost:8080", h)
	ln, _ := net.Listen("tcp", ":8082") // want `served as plaintext HTTP`
	fasthttp.Serve(ln, h)
}
