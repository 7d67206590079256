// Package clustertest is an in-process fake API server for tests: it serves
// legacy discovery and paged lists from fixed objects, and can make a
// resource forbidden, time out on the server side, or hang until the client
// gives up.
package clustertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Resource is one kind the fake serves.
type Resource struct {
	GroupVersion string // "v1", "apps/v1"
	Name         string // plural: "pods"
	Kind         string
	Namespaced   bool
	Objects      []map[string]any
	// Forbidden answers 403; Timeout answers 504 (the server's own timeout);
	// Hang answers nothing until the client gives up.
	Forbidden, Timeout, Hang bool
}

// Server is a running fake.
type Server struct {
	*httptest.Server
	mu sync.Mutex
	// Requests are the list requests served ("GET path?query").
	Requests  []string
	resources []*Resource
}

// New starts a fake serving resources; it stops when the test ends.
func New(t testing.TB, resources ...*Resource) *Server {
	s := &Server{resources: resources}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Kubeconfig writes a kubeconfig for the fake (context "fake", namespace ns)
// and returns its path.
func (s *Server) Kubeconfig(t testing.TB, ns string) string {
	p := filepath.Join(t.TempDir(), "kubeconfig")
	cfg := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: %q}}]
users: [{name: fake, user: {token: test}}]
contexts: [{name: fake, context: {cluster: fake, user: fake, namespace: %q}}]
current-context: fake
`, s.URL, ns)
	if err := os.WriteFile(p, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func write(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func status(code int, reason, msg string) map[string]any {
	return map[string]any{"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": msg, "reason": reason, "code": code}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/api":
		write(w, 200, map[string]any{"kind": "APIVersions", "versions": []string{"v1"}})
		return
	case p == "/apis":
		groups := map[string][]string{}
		var order []string
		for _, res := range s.resources {
			if g, v, ok := strings.Cut(res.GroupVersion, "/"); ok {
				if _, seen := groups[g]; !seen {
					order = append(order, g)
				}
				groups[g] = append(groups[g], v)
			}
		}
		var list []map[string]any
		for _, g := range order {
			gv := g + "/" + groups[g][0]
			list = append(list, map[string]any{"name": g, "versions": []map[string]any{{"groupVersion": gv, "version": groups[g][0]}},
				"preferredVersion": map[string]any{"groupVersion": gv, "version": groups[g][0]}})
		}
		write(w, 200, map[string]any{"kind": "APIGroupList", "apiVersion": "v1", "groups": list})
		return
	}
	gv := strings.TrimPrefix(strings.TrimPrefix(p, "/apis/"), "/api/")
	var rs []map[string]any
	for _, res := range s.resources {
		if res.GroupVersion == gv {
			rs = append(rs, map[string]any{"name": res.Name, "kind": res.Kind, "namespaced": res.Namespaced, "verbs": []string{"get", "list"}})
		}
	}
	if rs != nil {
		write(w, 200, map[string]any{"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": rs})
		return
	}
	s.list(w, r)
}

// list serves GET <prefix>/<gv>[/namespaces/<ns>]/<resource>, paged by
// limit, the continue token being the offset.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.Requests = append(s.Requests, r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery)
	s.mu.Unlock()
	for _, res := range s.resources {
		prefix := "/apis/" + res.GroupVersion
		if res.GroupVersion == "v1" {
			prefix = "/api/v1"
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix+"/")
		if !ok {
			continue
		}
		ns := ""
		if after, ok := strings.CutPrefix(rest, "namespaces/"); ok {
			ns, rest, _ = strings.Cut(after, "/")
		}
		if rest != res.Name {
			continue
		}
		switch {
		case res.Forbidden:
			write(w, 403, status(403, "Forbidden", fmt.Sprintf("%s is forbidden: User \"test\" cannot list resource %q in API group %q", res.Name, res.Name, strings.TrimSuffix(res.GroupVersion, "/v1"))))
			return
		case res.Timeout:
			write(w, 504, status(504, "Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"))
			return
		case res.Hang:
			<-r.Context().Done()
			return
		}
		var items []map[string]any
		for _, o := range res.Objects {
			meta, _ := o["metadata"].(map[string]any)
			if ns == "" || meta["namespace"] == ns {
				items = append(items, o)
			}
		}
		q := r.URL.Query()
		from, _ := strconv.Atoi(q.Get("continue"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		to := len(items)
		next := ""
		if limit > 0 && from+limit < len(items) {
			to = from + limit
			next = strconv.Itoa(to)
		}
		kind := res.Kind + "List"
		write(w, 200, map[string]any{"kind": kind, "apiVersion": res.GroupVersion,
			"metadata": map[string]any{"continue": next, "resourceVersion": "1"}, "items": items[min(from, len(items)):to]})
		return
	}
	write(w, 404, status(404, "NotFound", "the server could not find the requested resource"))
}
