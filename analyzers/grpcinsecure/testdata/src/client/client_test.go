package client

import (
	"testing"

	"google.golang.org/grpc"
)

func TestDial(t *testing.T) {
	grpc.NewClient("api.example.com:443", grpc.WithInsecure())
	grpc.NewServer()
}
