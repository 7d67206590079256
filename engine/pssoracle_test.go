//go:build !race

// The oracle compares verdicts on 18,000 objects: the race detector adds
// nothing to that and makes it minutes long, so `make test` runs it in a
// separate pass without -race.

package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// The oracle: the upstream Pod Security Admission evaluator
// (k8s.io/pod-security-admission, the version matching our k8s.io/api) decides
// which checks a pod fails; kubeward's pss-baseline and pss-restricted profiles
// must report exactly those checks, for every kind that carries a pod.

// pssID maps upstream check IDs to kubeward rule ids (catalogue section 2).
var pssID = map[string]string{
	"appArmorProfile": "KW-PSS-001", "capabilities_baseline": "KW-PSS-002", "hostNamespaces": "KW-PSS-003",
	"hostPathVolumes": "KW-PSS-004", "hostPorts": "KW-PSS-005", "hostProbesAndHostLifecycle": "KW-PSS-006",
	"privileged": "KW-PSS-007", "procMount": "KW-PSS-008", "seLinuxOptions": "KW-PSS-009",
	"seccompProfile_baseline": "KW-PSS-010", "sysctls": "KW-PSS-011", "windowsHostProcess": "KW-PSS-012",
	"allowPrivilegeEscalation": "KW-PSS-013", "capabilities_restricted": "KW-PSS-014",
	"procMount_restricted": "KW-PSS-015", "restrictedVolumes": "KW-PSS-016", "runAsNonRoot": "KW-PSS-017",
	"runAsUser": "KW-PSS-018", "seccompProfile_restricted": "KW-PSS-019",
}

var (
	latest     = api.MajorMinorVersion(1, 37)
	levels     = []api.Level{api.LevelBaseline, api.LevelRestricted}
	podKinds   = []string{"Pod", "PodTemplate", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"}
	evaluator  policy.Evaluator
	allChecks  = policy.DefaultChecks()
	evalErr    error
	oracleKind = map[string]func() any{
		"Pod": func() any { return &corev1.Pod{} }, "PodTemplate": func() any { return &corev1.PodTemplate{} },
		"Deployment": func() any { return &appsv1.Deployment{} }, "ReplicaSet": func() any { return &appsv1.ReplicaSet{} },
		"StatefulSet": func() any { return &appsv1.StatefulSet{} }, "DaemonSet": func() any { return &appsv1.DaemonSet{} },
		"Job": func() any { return &batchv1.Job{} }, "CronJob": func() any { return &batchv1.CronJob{} },
		"ReplicationController": func() any { return &corev1.ReplicationController{} },
	}
)

func init() { evaluator, evalErr = policy.NewEvaluator(allChecks, nil) }

// upstream returns the kubeward ids of the checks PSA fails at level, with the
// restricted checks' overrides applied, and PSA's own allowed verdict.
func upstream(t *testing.T, meta *metav1.ObjectMeta, spec *corev1.PodSpec, level api.Level) (map[string]bool, bool) {
	failed := map[string]bool{}
	overridden := map[string]bool{}
	for _, c := range allChecks {
		if level == api.LevelBaseline && c.Level != api.LevelBaseline {
			continue
		}
		var vc *policy.VersionedCheck
		for i := range c.Versions {
			if c.Versions[i].MinimumVersion.Older(latest) || c.Versions[i].MinimumVersion == latest {
				vc = &c.Versions[i]
			}
		}
		if vc == nil {
			continue
		}
		if c.Level == api.LevelRestricted && level == api.LevelRestricted {
			for _, o := range vc.OverrideCheckIDs {
				overridden[string(o)] = true
			}
		}
		if !vc.CheckPod(meta, spec).Allowed {
			id, ok := pssID[string(c.ID)]
			require.True(t, ok, "upstream check %s has no kubeward rule", c.ID)
			failed[string(c.ID)] = true
			_ = id
		}
	}
	out := map[string]bool{}
	for id := range failed {
		if !overridden[id] {
			out[pssID[id]] = true
		}
	}
	verdict := policy.AggregateCheckResults(evaluator.EvaluatePod(api.LevelVersion{Level: level, Version: latest}, meta, spec))
	return out, verdict.Allowed
}

// defaultVolumes does what the API server does before admission: a volume
// with no source becomes an emptyDir (SetDefaults_Volume). Upstream's own
// fixture restrictedvolumes0 relies on it.
func defaultVolumes(spec *corev1.PodSpec) {
	for i := range spec.Volumes {
		vs := reflect.ValueOf(&spec.Volumes[i].VolumeSource).Elem()
		empty := true
		for f := 0; f < vs.NumField(); f++ {
			if !vs.Field(f).IsNil() {
				empty = false
			}
		}
		if empty {
			spec.Volumes[i].EmptyDir = &corev1.EmptyDirVolumeSource{}
		}
	}
}

// extract decodes a wrapped object into its typed form and returns its pod
// metadata and spec, as PSA's DefaultPodSpecExtractor does.
func extract(t *testing.T, kind string, js []byte) (*metav1.ObjectMeta, *corev1.PodSpec) {
	obj := oracleKind[kind]()
	require.NoError(t, json.Unmarshal(js, obj))
	switch o := obj.(type) {
	case *corev1.Pod:
		return &o.ObjectMeta, &o.Spec
	case *corev1.PodTemplate:
		return &o.Template.ObjectMeta, &o.Template.Spec
	case *appsv1.Deployment:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.ReplicaSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.StatefulSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *appsv1.DaemonSet:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *batchv1.Job:
		return &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	case *batchv1.CronJob:
		return &o.Spec.JobTemplate.Spec.Template.ObjectMeta, &o.Spec.JobTemplate.Spec.Template.Spec
	case *corev1.ReplicationController:
		return &o.Spec.Template.ObjectMeta, o.Spec.Template.Spec.DeepCopy()
	}
	t.Fatalf("no extractor for %s", kind)
	return nil, nil
}

// wrap puts a pod's metadata and spec where kind keeps them.
func wrap(kind, name string, podMeta, spec map[string]any) map[string]any {
	tmpl := map[string]any{"metadata": podMeta, "spec": spec}
	obj := map[string]any{"kind": kind, "metadata": map[string]any{"name": name, "namespace": "oracle"}}
	switch kind {
	case "Pod":
		obj["apiVersion"] = "v1"
		meta := map[string]any{"name": name, "namespace": "oracle"}
		for k, v := range podMeta {
			meta[k] = v
		}
		obj["metadata"], obj["spec"] = meta, spec
	case "PodTemplate":
		obj["apiVersion"], obj["template"] = "v1", tmpl
	case "ReplicationController":
		obj["apiVersion"], obj["spec"] = "v1", map[string]any{"template": tmpl}
	case "Job":
		obj["apiVersion"], obj["spec"] = "batch/v1", map[string]any{"template": tmpl}
	case "CronJob":
		obj["apiVersion"] = "batch/v1"
		obj["spec"] = map[string]any{"schedule": "* * * * *", "jobTemplate": map[string]any{"spec": map[string]any{"template": tmpl}}}
	default:
		obj["apiVersion"], obj["spec"] = "apps/v1", map[string]any{"template": tmpl}
	}
	return obj
}

type oracleCase struct {
	label   string // where the pod came from, for messages
	podMeta map[string]any
	spec    map[string]any
}

// agree evaluates every case wrapped in every pod kind with kubeward and the
// upstream evaluator at both levels and fails on any difference.
func agree(t *testing.T, cases []oracleCase) (objects int, denied map[api.Level]int, reported map[string]map[string]bool) {
	denied = map[api.Level]int{}
	reported = map[string]map[string]bool{} // level/label/kind -> rule ids
	var objs []*load.Object
	type key struct{ kind, name string }
	js := map[key][]byte{}
	label := map[key]string{}
	for i, c := range cases {
		for _, kind := range podKinds {
			name := fmt.Sprintf("c%d", i)
			b, err := json.Marshal(wrap(kind, name, c.podMeta, c.spec))
			require.NoError(t, err)
			parsed, errs := load.Parse(name+".json", b, load.DefaultLimits())
			require.Empty(t, errs, "%s as %s", c.label, kind)
			objs = append(objs, parsed...)
			js[key{kind, name}] = b
			label[key{kind, name}] = c.label
		}
	}
	for _, level := range levels {
		l, err := engine.New(engine.Options{Profile: "pss-" + string(level)})
		require.NoError(t, err)
		res := l.LintObjects(context.Background(), objs)
		require.Empty(t, res.Errors)
		got := map[key]map[string]bool{}
		for _, f := range res.Findings {
			k := key{f.Object.Kind, f.Object.Name}
			if got[k] == nil {
				got[k] = map[string]bool{}
			}
			got[k][f.Rule.ID] = true
		}
		mismatches := 0
		for k, b := range js {
			meta, spec := extract(t, k.kind, b)
			defaultVolumes(spec)
			want, allowed := upstream(t, meta, spec, level)
			if allowed != (len(want) == 0) {
				t.Fatalf("oracle inconsistent for %s: allowed=%v but failed checks %v", label[k], allowed, want)
			}
			if !allowed {
				denied[level]++
			}
			reported[string(level)+"|"+label[k]+"|"+k.kind] = got[k]
			if !reflect.DeepEqual(sorted(want), sorted(got[k])) {
				mismatches++
				if mismatches <= 10 {
					t.Errorf("%s level, %s wrapped in %s:\n  upstream: %v (allowed=%v)\n  kubeward: %v\n  object: %s",
						level, label[k], k.kind, sorted(want), allowed, sorted(got[k]), b)
				}
			}
		}
		if mismatches > 0 {
			t.Errorf("%s: %d of %d objects disagree with the upstream evaluator", level, mismatches, len(js))
		}
	}
	return len(js), denied, reported
}

func sorted(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// psaFixtures finds the upstream module's own test fixtures in the module
// cache (the module is a test dependency, so it is there whenever this runs).
func psaFixtures(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "k8s.io/pod-security-admission").Output()
	require.NoError(t, err, "go list -m k8s.io/pod-security-admission")
	dir := filepath.Join(strings.TrimSpace(string(out)), "test", "testdata")
	_, err = os.Stat(dir)
	require.NoError(t, err, "upstream fixtures not found; run go mod download k8s.io/pod-security-admission")
	return dir
}

// TestPSSOracleUpstreamFixtures runs every upstream fixture of policy version
// 1.37. Besides agreeing with the evaluator, a pass/ file gives no finding and
// a fail/ file gives the finding of the check its name names (or the one that
// overrides it at restricted).
func TestPSSOracleUpstreamFixtures(t *testing.T) {
	require.NoError(t, evalErr)
	root := psaFixtures(t)
	var cases []oracleCase
	for _, level := range levels {
		for _, verdict := range []string{"pass", "fail"} {
			files, err := filepath.Glob(filepath.Join(root, string(level), "v1.37", verdict, "*.yaml"))
			require.NoError(t, err)
			require.NotEmpty(t, files)
			for _, f := range files {
				b, err := os.ReadFile(f)
				require.NoError(t, err)
				var pod map[string]any
				require.NoError(t, yaml.Unmarshal(b, &pod))
				meta, _ := pod["metadata"].(map[string]any)
				podMeta := map[string]any{}
				if a, ok := meta["annotations"]; ok {
					podMeta["annotations"] = a
				}
				spec, _ := pod["spec"].(map[string]any)
				cases = append(cases, oracleCase{label: string(level) + "/" + verdict + "/" + filepath.Base(f), podMeta: podMeta, spec: spec})
			}
		}
	}
	objects, _, reported := agree(t, cases)
	overriding := map[string]string{"KW-PSS-002": "KW-PSS-014", "KW-PSS-004": "KW-PSS-016", "KW-PSS-008": "KW-PSS-015", "KW-PSS-010": "KW-PSS-019"}
	byFile := map[string]string{}
	for id, kw := range pssID {
		byFile[strings.ToLower(id)] = kw
	}
	for _, c := range cases {
		parts := strings.Split(c.label, "/") // level/verdict/file
		for _, kind := range podKinds {
			got := reported[parts[0]+"|"+c.label+"|"+kind]
			if parts[1] == "pass" {
				require.Empty(t, got, "%s as %s", c.label, kind)
				continue
			}
			check := strings.TrimRight(strings.TrimSuffix(parts[2], ".yaml"), "0123456789")
			want, ok := byFile[check]
			require.True(t, ok, "fixture %s names no known check", c.label)
			if o, ok := overriding[want]; ok && parts[0] == "restricted" {
				want = o
			}
			require.True(t, got[want], "%s as %s: want %s, got %v", c.label, kind, want, sorted(got))
		}
	}
	t.Logf("%d upstream fixtures, %d objects, both levels: all agree", len(cases), objects)
}

// TestPSSOracleGeneratedPods compares 2,000 random pods (fixed seed) over
// every field the checks read, each wrapped in every pod kind.
func TestPSSOracleGeneratedPods(t *testing.T) {
	require.NoError(t, evalErr)
	rng := rand.New(rand.NewPCG(20261123, 37))
	cases := make([]oracleCase, 2000)
	for i := range cases {
		meta, spec := randomPod(rng)
		cases[i] = oracleCase{label: fmt.Sprintf("generated pod %d", i), podMeta: meta, spec: spec}
	}
	objects, denied, _ := agree(t, cases)
	t.Logf("%d generated pods, %d objects; denied by upstream: baseline %d, restricted %d",
		len(cases), objects, denied[api.LevelBaseline], denied[api.LevelRestricted])
	// The generator must exercise both verdicts at both levels.
	require.Positive(t, denied[api.LevelBaseline])
	require.Less(t, denied[api.LevelRestricted], objects)
}
