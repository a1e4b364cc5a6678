package libs

import (
	"net/http"
	"strings"

	gincors "github.com/gin-contrib/cors"
	chicors "github.com/go-chi/cors"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gorilla/handlers"
	"github.com/labstack/echo/v4/middleware"
	"github.com/rs/cors"
	look "lookalike/cors"
)

func rsStar(mux http.Handler) http.Handler {
	return cors.New(cors.Options{ // want `rs/cors Options allows every origin \(AllowedOrigins contains "\*"\) together with AllowCredentials`
		AllowedOrigins:   []string{"https://a.example.com", "*"},
		AllowCredentials: true,
	}).Handler(mux)
}

func rsEmpty() *cors.Cors {
	return cors.New(cors.Options{AllowCredentials: true}) // want `no AllowedOrigins, which means all origins`
}

func rsFunc() *cors.Cors {
	return cors.New(cors.Options{ // want `rs/cors Options accepts every origin \(AllowOriginFunc returns true for every origin\)`
		AllowedOrigins:   []string{"https://a.example.com"},
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
}

func rsRequestFunc() *cors.Cors {
	opts := cors.Options{
		AllowOriginRequestFunc: func(r *http.Request, origin string) bool { return true },
	}
	opts.AllowCredentials = true // want `accepts every origin \(AllowOriginRequestFunc returns true for every origin\)`
	return cors.New(opts)
}

func rsVary() *cors.Cors {
	return cors.New(cors.Options{ // want `AllowOriginVaryRequestFunc returns true for every origin`
		AllowOriginVaryRequestFunc: func(r *http.Request, origin string) (bool, []string) { return true, nil },
		AllowCredentials:           true,
	})
}

func rsPattern() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"https://*"}, AllowCredentials: true}) // want `accepts every origin \(AllowedOrigins pattern "https://\*" matches every host\)`
}

func chiStar() func(http.Handler) http.Handler {
	return chicors.Handler(chicors.Options{ // want `go-chi/cors Options allows every origin \(AllowedOrigins contains "\*"\)`
		AllowedOrigins:   []string{"*"},
		AllowedMethods:   []string{"GET", "POST"},
		AllowCredentials: true,
	})
}

func allowEveryOrigin(r *http.Request, origin string) bool { return true }

func chiFunc() *chicors.Cors {
	return chicors.New(chicors.Options{AllowOriginFunc: allowEveryOrigin, AllowCredentials: true}) // want `go-chi/cors Options accepts every origin \(AllowOriginFunc returns true for every origin\)`
}

func ginAll() {
	_ = gincors.New(gincors.Config{AllowAllOrigins: true, AllowCredentials: true}) // want `gin-contrib/cors Config allows every origin \(AllowAllOrigins is true\)`
}

func ginDefaultConfig() {
	config := gincors.DefaultConfig()
	config.AllowAllOrigins = true
	config.AllowCredentials = true // want `gin-contrib/cors Config allows every origin \(AllowAllOrigins is true\)`
	_ = gincors.New(config)
}

func ginStar() {
	config := gincors.Config{AllowOrigins: []string{"*"}}
	config.AllowCredentials = true // want `AllowOrigins contains "\*"`
	_ = gincors.New(config)
}

func ginFunc() {
	_ = gincors.New(gincors.Config{ // want `gin-contrib/cors Config accepts every origin \(AllowOriginFunc returns true for every origin\)`
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
}

func ginWildcard() {
	_ = gincors.New(gincors.Config{AllowOrigins: []string{"http://*"}, AllowWildcard: true, AllowCredentials: true}) // want `AllowOrigins pattern "http://\*" matches every host`
}

func echoEmpty() {
	_ = middleware.CORSWithConfig(middleware.CORSConfig{AllowCredentials: true}) // want `echo CORSConfig allows every origin \(no AllowOrigins`
}

func echoUnsafe() {
	_ = middleware.CORSWithConfig(middleware.CORSConfig{ // want `echo CORSConfig accepts every origin \(AllowOrigins contains "\*" and UnsafeWildcardOriginWithAllowCredentials is true\)`
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true,
	})
}

func echoFunc() {
	_ = middleware.CORSWithConfig(middleware.CORSConfig{ // want `echo CORSConfig accepts every origin \(AllowOriginFunc returns true`
		AllowOriginFunc:  func(origin string) (bool, error) { return true, nil },
		AllowCredentials: true,
	})
}

func echoDefault() {
	cfg := middleware.DefaultCORSConfig
	cfg.AllowCredentials = true // want `echo CORSConfig allows every origin \(AllowOrigins contains "\*"\)`
	_ = middleware.CORSWithConfig(cfg)
}

func fiberStar() {
	_ = fibercors.New(fibercors.Config{AllowOrigins: "https://a.example.com, *", AllowCredentials: true}) // want `fiber cors Config allows every origin \(AllowOrigins contains "\*"\)`
}

func fiberFunc() {
	_ = fibercors.New(fibercors.Config{ // want `fiber cors Config accepts every origin \(AllowOriginsFunc returns true`
		AllowOriginsFunc: func(origin string) bool { return true },
		AllowCredentials: true,
	})
}

func gorillaStar(h http.Handler) http.Handler {
	return handlers.CORS( // want `gorilla/handlers CORS allows every origin \(AllowedOrigins contains "\*"\)`
		handlers.AllowedOrigins([]string{"*"}),
		handlers.AllowCredentials(),
	)(h)
}

func gorillaVariables(h http.Handler) http.Handler {
	originsOk := handlers.AllowedOrigins([]string{"*"})
	credentialsOk := handlers.AllowCredentials()
	methodsOk := handlers.AllowedMethods([]string{"GET", "POST"})
	return handlers.CORS(originsOk, credentialsOk, methodsOk)(h) // want `gorilla/handlers CORS allows every origin`
}

func gorillaValidator(h http.Handler) http.Handler {
	opts := []handlers.CORSOption{
		handlers.AllowedOriginValidator(func(origin string) bool { return true }),
		handlers.AllowCredentials(),
	}
	return handlers.CORS(opts...)(h) // want `gorilla/handlers CORS accepts every origin \(AllowedOriginValidator returns true`
}

func gorillaNoOrigins(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowCredentials())(h) // want `gorilla/handlers CORS allows every origin \(no AllowedOrigins\)`
}

// Safe forms.

func rsAllowAll() *cors.Cors { return cors.AllowAll() }

func rsDefault() *cors.Cors { return cors.Default() }

func rsList() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"https://a.example.com", "https://*.example.com"}, AllowCredentials: true})
}

func rsStarNoCredentials() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}})
}

func rsStarCredentialsFalse() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: false})
}

func rsCheckedFunc() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   []string{"*"}, // ignored: the callback decides
		AllowOriginFunc:  func(origin string) bool { return strings.HasSuffix(origin, ".example.com") },
		AllowCredentials: true,
	})
}

func rsFromConfig(origins []string) *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: origins, AllowCredentials: true})
}

func rsCredentialsFromConfig(creds bool) *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: creds})
}

func rsCredentialsTurnedOff() *cors.Cors {
	opts := cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}
	opts.AllowCredentials = false
	return cors.New(opts)
}

func ginDefault() { _ = gincors.Default() }

func ginDefaultConfigList() {
	config := gincors.DefaultConfig()
	config.AllowOrigins = []string{"https://a.example.com"}
	config.AllowCredentials = true
	_ = gincors.New(config)
}

func ginPatternWithoutWildcard() {
	_ = gincors.New(gincors.Config{AllowOrigins: []string{"https://a.example.com", "http://*"}, AllowCredentials: true})
}

func ginFuncChecked() {
	_ = gincors.New(gincors.Config{
		AllowOriginFunc:  func(origin string) bool { return origin == "https://a.example.com" },
		AllowCredentials: true,
	})
}

func echoDefaultNoCredentials() {
	_ = middleware.CORS()
	_ = middleware.CORSWithConfig(middleware.DefaultCORSConfig)
	_ = middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"https://a.example.com"}, AllowCredentials: true})
}

func gorillaList(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowedOrigins([]string{"https://a.example.com"}), handlers.AllowCredentials())(h)
}

func gorillaStarNoCredentials(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowedOrigins([]string{"*"}))(h)
}

func lookalike() {
	_ = look.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}
	look.CORS("*")
}
