package bundles

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
)

// anonymous keeps the tests away from the machine's docker config.
type anonymous struct{}

func (anonymous) Resolve(authn.Resource) (authn.Authenticator, error) { return authn.Anonymous, nil }

func minimalBundle(t *testing.T) []byte {
	t.Helper()
	b, err := (&Archive{Files: []ArchiveFile{{Path: ".manifest", Data: []byte(`{"revision":"r"}`)}}}).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// silentRegistry accepts connections on loopback and never answers, as a
// registry behind a broken proxy does. It returns the host:port.
func silentRegistry(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read or written
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// within runs f and fails the test if it has not returned after a generous
// safety limit (the point is that it returns at all).
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("the registry operation did not return")
		return nil
	}
}

func TestPullFromARegistryThatNeverAnswersTimesOut(t *testing.T) {
	ref := "oci://" + silentRegistry(t) + "/policies/acme:v1"
	o := RemoteOptions{Timeout: 300 * time.Millisecond, Keychain: anonymous{}}
	for name, pull := range map[string]func() error{
		"pull":        func() error { _, err := Pull(context.Background(), ref, o); return err },
		"pull cached": func() error { _, err := PullCached(context.Background(), ref, t.TempDir(), o); return err },
		"push": func() error {
			_, err := Push(context.Background(), minimalBundle(t), ref, o)
			return err
		},
	} {
		err := within(t, pull)
		if err == nil || !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), "--registry-timeout") {
			t.Errorf("%s: got %v, want a timeout naming --registry-timeout", name, err)
		}
	}
}

// A cancelled context (Ctrl-C) ends a pull at once, whatever the timeout.
func TestPullStopsWhenCancelled(t *testing.T) {
	ref := "oci://" + silentRegistry(t) + "/policies/acme:v1"
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	err := within(t, func() error {
		_, err := Pull(ctx, ref, RemoteOptions{Timeout: time.Hour, Keychain: anonymous{}})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("got %v, want the cancellation", err)
	}
}
