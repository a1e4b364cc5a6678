package logi

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang/glog"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

var (
	logger  = zap.NewExample()
	zlog    zerolog.Logger
	lrus    = logrus.New()
	stdlog  *log.Logger
	slogger *slog.Logger
)

type attempt struct{ User string }

func describe(user string) string {
	return "login failed for " + user
}

func handler(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	log.Printf("login failed for %s", user) // want `log injection: untrusted input reaches the message of: log.Printf`
	log.Printf("login failed for %s", strings.ReplaceAll(user, "\n", ""))
	log.Println("login failed")
	stdlog.Println("user " + user) // want `log injection`
	slog.Info("login failed", "user", user)
	slog.Info("login failed for " + user)          // want `log injection`
	slogger.Warn(fmt.Sprintf("bad user %s", user)) // want `log injection`
	n, _ := strconv.Atoi(r.FormValue("n"))
	log.Printf("attempt %d", n)
	// The error of a call given request data is not followed into a log
	// message: logging errors is not log injection.
	if _, err := os.Open(r.FormValue("file")); err != nil {
		log.Printf("open: %v", err)
		log.Println("open:", err)
	}
	// A body read with io.ReadAll is request data.
	body, _ := io.ReadAll(r.Body)
	log.Printf("body: %s", body) // want `log injection`
}

func ginHandler(c *gin.Context) {
	a := &attempt{User: c.PostForm("user")}
	logger.Info("login failed for " + a.User) // want `log injection`
	logger.Info("login failed", zap.String("user", a.User))
	sugar := logger.Sugar()
	sugar.Infof("login failed for %s", a.User) // want `log injection`
	sugar.Infow("login failed", "user", a.User)
	sugar.Infof("login failed")
	zlog.Info().Str("user", a.User).Msg("login failed")
	zlog.Info().Msg(describe(a.User))               // want `log injection`
	zlog.Info().Msgf("login failed for %s", a.User) // want `log injection`
	lrus.WithField("user", a.User).Info("login failed")
	lrus.WithField("user", a.User).Infof("login failed for %s", a.User) // want `log injection`
	logrus.Info("login failed for ", a.User)                            // want `log injection`
	lrus.Errorf("login failed for %q", strconv.Quote(a.User))
}

func commandLine() {
	glog.Infof("starting with %s", os.Args[1])    // want `log injection`
	glog.V(2).Infof("home %s", os.Getenv("HOME")) // want `log injection`
	klog.InfoS("starting", "arg", os.Args[1])
	klog.InfoS("starting " + os.Args[1])    // want `log injection`
	klog.V(1).Info("starting ", os.Args[1]) // want `log injection`
	glog.Info("starting")
}
