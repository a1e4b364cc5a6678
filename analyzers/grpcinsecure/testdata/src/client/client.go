package client

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	ins "google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/local"
	"google.golang.org/grpc/test/bufconn"

	fake "example.com/fakegrpc"
	fakeins "example.com/fakegrpc/credentials/insecure"
)

const ordersAddr = "orders.internal:443"

func dialInsecure() {
	grpc.Dial("api.example.com:443", grpc.WithInsecure())                                       // want `grpc.WithInsecure disables transport security: the gRPC connection to "api.example.com:443" is plaintext`
	grpc.NewClient(ordersAddr, grpc.WithTransportCredentials(ins.NewCredentials()))             // want `insecure.NewCredentials disables transport security: the gRPC connection to "orders.internal:443"`
	grpc.DialContext(context.Background(), "10.0.0.1:50051", grpc.WithInsecure())               // want `grpc.WithInsecure disables transport security`
	grpc.NewClient("dns:///orders.internal:50051", grpc.WithCredentialsBundle(ins.NewBundle())) // want `insecure.NewBundle disables transport security`
	grpc.NewClient(os.Getenv("TARGET"), grpc.WithInsecure())                                    // want `grpc.WithInsecure disables transport security: gRPC calls are sent in plaintext`
	grpc.NewClient(":50051", grpc.WithInsecure())                                               // want `grpc.WithInsecure disables transport security`
}

func optionSlice(target string) {
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(ins.NewCredentials()), // want `insecure.NewCredentials disables transport security`
		grpc.WithBlock(),
	}
	grpc.NewClient(target, opts...)
}

func appended(target string) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithInsecure()) // want `grpc.WithInsecure disables transport security`
	grpc.NewClient(target, opts...)
}

func viaVariables() {
	creds := ins.NewCredentials() // want `insecure.NewCredentials disables transport security: the gRPC connection to "payments:9000"`
	opt := grpc.WithTransportCredentials(creds)
	grpc.NewClient("payments:9000", opt)
}

func functionValue() {
	mk := ins.NewCredentials // want `insecure.NewCredentials disables transport security`
	grpc.NewClient("payments:9000", grpc.WithTransportCredentials(mk()))
}

// A helper returning the options: where they are used is not known.
func dialOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithInsecure()} // want `grpc.WithInsecure disables transport security`
}

type Config struct {
	Target string
	Opts   []grpc.DialOption
}

func fromConfig() {
	cfg := Config{Target: "users.internal:80", Opts: []grpc.DialOption{grpc.WithInsecure()}} // want `grpc.WithInsecure disables transport security: the gRPC connection to "users.internal:80"`
	grpc.NewClient(cfg.Target, cfg.Opts...)
}

func mixedTargets(local bool) {
	opts := []grpc.DialOption{grpc.WithInsecure()} // want `grpc.WithInsecure disables transport security`
	if local {
		grpc.NewClient("localhost:1", opts...)
	}
	grpc.NewClient("remote.example.com:1", opts...)
}

// --- Not reported ---

func loopback(port int, p string) {
	grpc.Dial("localhost:50051", grpc.WithTransportCredentials(ins.NewCredentials()))
	grpc.NewClient("127.0.0.1:9000", grpc.WithInsecure())
	grpc.NewClient("[::1]:9000", grpc.WithInsecure())
	grpc.NewClient("dns:///localhost:9000", grpc.WithInsecure())
	grpc.NewClient("passthrough:///127.0.0.1:9000", grpc.WithInsecure())
	grpc.NewClient("localhost:"+p, grpc.WithInsecure())
	grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", port), grpc.WithInsecure())
	grpc.NewClient(net.JoinHostPort("localhost", p), grpc.WithInsecure())
	grpc.NewClient("unix:///run/agent.sock", grpc.WithInsecure())
	grpc.NewClient("unix:agent.sock", grpc.WithInsecure())
	grpc.DialContext(context.Background(), "unix-abstract:agent", grpc.WithInsecure())
	target := "localhost:7000"
	opts := []grpc.DialOption{grpc.WithTransportCredentials(ins.NewCredentials())}
	grpc.NewClient(target, opts...)
}

func localListenerAddr() {
	lis, _ := net.Listen("tcp", "localhost:0")
	grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(ins.NewCredentials()))
	remote, _ := net.Listen("tcp", ":0")
	grpc.NewClient(remote.Addr().String(), grpc.WithInsecure()) // want `grpc.WithInsecure disables transport security`
}

func bufnet() {
	lis := bufconn.Listen(1 << 20)
	grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(ins.NewCredentials()))
}

func registerHandlerFromEndpoint(ctx context.Context, mux any, endpoint string, opts []grpc.DialOption) error {
	return nil
}

func gateway(ctx context.Context) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(ins.NewCredentials())}
	registerHandlerFromEndpoint(ctx, nil, "localhost:9090", opts)
}

func secure(cfg *tls.Config) {
	grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	c, _ := credentials.NewClientTLSFromFile("ca.pem", "")
	grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(c))
	grpc.NewClient("localhost:1", grpc.WithTransportCredentials(local.NewCredentials()))
}

func lookalikes() {
	fake.Dial("api.example.com:443", fake.WithInsecure())
	_ = fakeins.NewCredentials()
	fake.NewServer()
}

// A flag default can be overridden with any host.
func flagTarget() {
	addr := flag.String("addr", "localhost:50051", "the address to connect to")
	grpc.NewClient(*addr, grpc.WithTransportCredentials(ins.NewCredentials())) // want `insecure.NewCredentials disables transport security`
}
