package libs

import (
	"github.com/go-logr/logr"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

type Creds struct {
	User   string
	Secret string
}

func zapLogs(logger *zap.Logger, sugar *zap.SugaredLogger, token, user, apiKey string, c Creds) {
	logger.Info("login", zap.String("token", token))                          // want `secret logged by zap Logger.Info: value logged under the key "token"`
	logger.Info("login", zap.String("user", user), zap.String("key", apiKey)) // want `apiKey is named like a secret`
	logger.Error("creds", zap.Any("creds", c))                                // want `key "creds"`
	logger.Debug("user", zap.Reflect("user", c))                              // want `c has the field Secret`
	logger.With(zap.String("password", user)).Info("x")                       // want `zap Logger.With`
	fields := []zap.Field{zap.String("access_token", user)}                   // want `key "access_token"`
	logger.Info("x", fields...)
	sugar.Infof("token %s", token)         // want `secret logged by zap SugaredLogger.Infof`
	sugar.Infow("login", "password", user) // want `zap SugaredLogger.Infow: value logged under the key "password"`
	sugar.Info("key ", apiKey)             // want `zap SugaredLogger.Info`
	sugar.With("secret", user).Info("x")   // want `zap SugaredLogger.With`
	logger.Info("login", zap.String("user", user), zap.Int("token_count", 3), zap.Bool("has_token", true))
	logger.Info("login", zap.String("token", "redacted"), zap.Error(nil))
}

func logrusLogs(l *logrus.Logger, e *logrus.Entry, password, token string) {
	logrus.WithField("password", password).Info("login")                    // want `secret logged by logrus.WithField: value logged under the key "password"`
	logrus.WithFields(logrus.Fields{"user": "x", "token": token}).Info("x") // want `logrus.WithFields: value logged under the key "token"`
	logrus.Infof("token=%s", token)                                         // want `logrus.Infof`
	l.WithField("pwd", password).Info("x")                                  // want `logrus.Logger.WithField`
	e.Info("password: ", password)                                          // want `logrus.Entry.Info`
	f := logrus.Fields{"api_key": token}                                    // want `key "api_key"`
	e.WithFields(f).Info("x")
	logrus.WithField("user", "bob").Info("login")
	logrus.WithError(nil).Error("failed")
}

func zerologLogs(token, user string) {
	zlog.Info().Str("token", token).Msg("login")          // want `secret logged by zerolog Event.Str`
	zlog.Info().Str("user", user).Msgf("token %s", token) // want `zerolog Event.Msgf`
	zlog.Info().Str("user", user).Int("token_count", 1).Msg("ok")
}

func logrLogs(l logr.Logger, secret, user string) {
	l.Info("login", "secret", secret)                      // want `logr Logger.Info`
	l.Error(nil, "failed", "user", user, "password", user) // want `logr Logger.Error`
	l.WithValues("user", user).Info("ok")
}
