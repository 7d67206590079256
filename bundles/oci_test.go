package bundles

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

type failTransport struct{ t *testing.T }

func (f failTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("request to %s reached the network", r.URL)
	return nil, errors.New("no network in tests")
}

type okTransport struct{ called *int }

func (o okTransport) RoundTrip(*http.Request) (*http.Response, error) {
	*o.called++
	return nil, errors.New("stop here")
}

// TestPlainHTTPOnlyToLoopback: go-containerregistry falls back to http for
// private addresses too; the guard allows it only for loopback hosts or
// with --plain-http, and refuses before anything is sent.
func TestPlainHTTPOnlyToLoopback(t *testing.T) {
	for _, u := range []string{"http://10.0.0.1:5000/v2/", "http://192.168.1.10/v2/", "http://registry.example.com/v2/"} {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		_, err := httpGuard{base: failTransport{t}}.RoundTrip(req)
		if err == nil || !strings.Contains(err.Error(), "refusing plain http") {
			t.Errorf("%s: got %v, want a refusal", u, err)
		}
	}
	n := 0
	for _, u := range []string{"http://127.0.0.1:5000/v2/", "http://localhost:5000/v2/", "http://[::1]:5000/v2/", "https://10.0.0.1/v2/"} {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		_, _ = httpGuard{base: okTransport{&n}}.RoundTrip(req)
	}
	req, _ := http.NewRequest(http.MethodGet, "http://10.0.0.1:5000/v2/", nil)
	_, _ = httpGuard{base: okTransport{&n}, plain: true}.RoundTrip(req)
	if n != 5 {
		t.Errorf("%d of 5 allowed requests went through", n)
	}
}
