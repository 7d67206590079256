// Package cluster reads objects from a live cluster through client-go
// (discovery, then the dynamic client, page by page) and loads them the way
// files are loaded: each object is written as YAML and goes through
// load.Parse, so noise (status, managedFields, …) is dropped in one place.
//
// Library: k8s.io/client-go v0.37.2, the release of the k8s.io modules
// kubeward already builds with (one release for all of them).
//
// Objects are named cluster://<context>/<namespace>/<resource>/<name>
// (<namespace> is "_" for cluster-scoped objects): not a file, but a stable,
// readable key that tells objects apart in reports. Their lines are those of
// the object as YAML, which is what `kubectl get -o yaml` shows.
package cluster

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/load"
)

// DefaultPageSize is the `limit` of each list request.
const DefaultPageSize = 500

// DefaultRequestTimeout bounds one list request (one page).
const DefaultRequestTimeout = 60 * time.Second

// Options say which cluster to read, and what.
type Options struct {
	// Kubeconfig is the kubeconfig file (client-go's rules when empty:
	// $KUBECONFIG, then ~/.kube/config).
	Kubeconfig string
	// Context is the kubeconfig context (its current one when empty).
	Context string
	// Namespace is read (the context's namespace, or "default", when empty);
	// AllNamespaces reads every namespace and the cluster-scoped kinds.
	Namespace     string
	AllNamespaces bool
	// Kinds are the kinds to read; every kind the server lists when empty.
	Kinds []string
	// PageSize is the `limit` of each list request (DefaultPageSize when 0).
	PageSize int64
	// RequestTimeout bounds each list request (DefaultRequestTimeout when 0).
	RequestTimeout time.Duration
	// Progress, when set, is called after each kind is read.
	Progress func(done, total int, resource string, objects int)
	// Config, when set, is used instead of a kubeconfig (tests, embedding).
	Config *rest.Config
}

// Result is what was read.
type Result struct {
	Objects []*load.Object
	// Errors are per kind (forbidden, timed out, …); the other kinds are still read.
	Errors []load.Error
	// Context names the cluster in object names.
	Context string
	// Namespace is the namespace read ("" with AllNamespaces).
	Namespace string
	// Kinds is how many kinds were listed.
	Kinds int
}

// Read lists every wanted kind, page by page. A kind that fails is an error
// naming it; the others are still read.
func Read(ctx context.Context, opts Options, limits load.Limits) (*Result, error) {
	cfg, contextName, namespace, err := config(opts)
	if err != nil {
		return nil, err
	}
	if opts.PageSize <= 0 {
		opts.PageSize = DefaultPageSize
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	res := &Result{Context: contextName}
	if !opts.AllNamespaces {
		res.Namespace = namespace
	}
	disc, err := discovery.NewDiscoveryClientForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", contextName, err)
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", contextName, err)
	}
	lists, err := disc.ServerPreferredResources()
	if err != nil {
		var partial *discovery.ErrGroupDiscoveryFailed
		if !errors.As(err, &partial) || len(lists) == 0 {
			return nil, fmt.Errorf("cluster %s: discovery: %w", contextName, err)
		}
		for gv, e := range partial.Groups {
			res.Errors = append(res.Errors, load.Error{File: "cluster://" + contextName, Message: fmt.Sprintf("discovery of %s: %v", gv, e)})
		}
	}
	targets := select_(lists, opts.Kinds, opts.AllNamespaces)
	res.Kinds = len(targets)
	for i, t := range targets {
		if ctx.Err() != nil {
			res.Errors = append(res.Errors, load.Error{File: t.file(contextName, res.Namespace), Message: "not read: " + ctx.Err().Error()})
			continue
		}
		objs, errs := readKind(ctx, dyn, t, res.Namespace, contextName, opts, limits)
		res.Objects = append(res.Objects, objs...)
		res.Errors = append(res.Errors, errs...)
		if opts.Progress != nil {
			opts.Progress(i+1, len(targets), t.String(), len(objs))
		}
	}
	return res, nil
}

func config(opts Options) (*rest.Config, string, string, error) {
	if opts.Config != nil {
		ns := opts.Namespace
		if ns == "" {
			ns = "default"
		}
		name := opts.Context
		if name == "" {
			name = hostOf(opts.Config.Host)
		}
		return rest.CopyConfig(opts.Config), name, ns, nil
	}
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = opts.Kubeconfig
	overrides := &clientcmd.ConfigOverrides{CurrentContext: opts.Context}
	cc := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, overrides)
	raw, err := cc.RawConfig()
	if err != nil {
		return nil, "", "", fmt.Errorf("kubeconfig: %w", err)
	}
	name := opts.Context
	if name == "" {
		name = raw.CurrentContext
	}
	cfg, err := cc.ClientConfig()
	if err != nil {
		return nil, "", "", fmt.Errorf("kubeconfig: %w", err)
	}
	ns := opts.Namespace
	if ns == "" {
		if ns, _, err = cc.Namespace(); err != nil || ns == "" {
			ns = "default"
		}
	}
	cfg.UserAgent = "kubeward"
	return cfg, name, ns, nil
}

func hostOf(h string) string {
	if u, err := url.Parse(h); err == nil && u.Host != "" {
		return u.Host
	}
	return h
}

// target is one resource to list.
type target struct {
	gvr        schema.GroupVersionResource
	kind       string
	namespaced bool
}

func (t target) String() string {
	if t.gvr.Group == "" {
		return t.gvr.Resource
	}
	return t.gvr.Resource + "." + t.gvr.Group
}

// file names the kind in errors: cluster://<context>/<namespace>/<resource>.
func (t target) file(contextName, namespace string) string {
	if !t.namespaced || namespace == "" {
		namespace = "_"
	}
	return "cluster://" + contextName + "/" + namespace + "/" + t.String()
}

// select_ keeps the listable resources of the wanted kinds (all when
// kinds is empty); a namespace scan keeps only namespaced ones.
func select_(lists []*metav1.APIResourceList, kinds []string, all bool) []target {
	want := map[string]bool{}
	for _, k := range kinds {
		want[strings.ToLower(k)] = true
	}
	seen := map[string]bool{}
	var out []target
	for _, l := range lists {
		gv, err := schema.ParseGroupVersion(l.GroupVersion)
		if err != nil {
			continue
		}
		for _, r := range l.APIResources {
			if strings.Contains(r.Name, "/") || !hasVerb(r.Verbs, "list") {
				continue
			}
			if len(want) > 0 && !want[strings.ToLower(r.Kind)] && !want[r.Name] {
				continue
			}
			if !r.Namespaced && !all {
				continue
			}
			// The same kind served by two groups (events, events.k8s.io) is read once.
			key := gv.Group + "/" + r.Kind
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, target{gvr: gv.WithResource(r.Name), kind: r.Kind, namespaced: r.Namespaced})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func hasVerb(verbs []string, v string) bool {
	for _, x := range verbs {
		if x == v {
			return true
		}
	}
	return false
}

func readKind(ctx context.Context, dyn dynamic.Interface, t target, namespace, contextName string, opts Options, limits load.Limits) ([]*load.Object, []load.Error) {
	var ri dynamic.ResourceInterface = dyn.Resource(t.gvr)
	if t.namespaced && namespace != "" {
		ri = dyn.Resource(t.gvr).Namespace(namespace)
	}
	var objs []*load.Object
	var errs []load.Error
	cont := ""
	for page := 1; ; page++ {
		pctx, cancel := context.WithTimeout(ctx, opts.RequestTimeout)
		list, err := ri.List(pctx, metav1.ListOptions{Limit: opts.PageSize, Continue: cont})
		cancel()
		if err != nil {
			errs = append(errs, load.Error{File: t.file(contextName, namespace), Message: fmt.Sprintf("listing %s (page %d): %s", t, page, describe(err, opts.RequestTimeout))})
			return objs, errs
		}
		for i := range list.Items {
			o, e := toObjects(&list.Items[i], t, contextName, limits)
			objs = append(objs, o...)
			errs = append(errs, e...)
		}
		cont = list.GetContinue()
		if cont == "" {
			return objs, errs
		}
	}
}

func describe(err error, timeout time.Duration) string {
	switch {
	case apierrors.IsForbidden(err):
		return "forbidden: " + err.Error()
	case errors.Is(err, context.DeadlineExceeded) || apierrors.IsTimeout(err) || apierrors.IsServerTimeout(err):
		return fmt.Sprintf("timed out (limit %s): %v", timeout, err)
	}
	return err.Error()
}

// toObjects writes one listed object as YAML, without the fields only the
// API server writes, and loads it.
func toObjects(u *unstructured.Unstructured, t target, contextName string, limits load.Limits) ([]*load.Object, []load.Error) {
	content := u.UnstructuredContent()
	delete(content, "status")
	if meta, ok := content["metadata"].(map[string]any); ok {
		delete(meta, "managedFields")
	}
	if u.GetKind() == "" { // list items may come without their type
		u.SetKind(t.kind)
		u.SetAPIVersion(t.gvr.GroupVersion().String())
	}
	ns := u.GetNamespace()
	if ns == "" {
		ns = "_"
	}
	name := "cluster://" + contextName + "/" + ns + "/" + t.String() + "/" + u.GetName()
	data, err := sigsyaml.Marshal(content)
	if err != nil {
		return nil, []load.Error{{File: name, Message: err.Error()}}
	}
	return load.Parse(name, data, limits)
}
