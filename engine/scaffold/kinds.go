package scaffold

// kindInfo is what a fixture manifest of a kind needs: its apiVersion and
// whether it lives in a namespace.
type kindInfo struct {
	apiVersion string
	namespaced bool
}

// apiVersions are the apiVersions of the kinds a new rule's fixtures know;
// others need Options.APIVersion. Whether a kind is namespaced is in
// policies/kinds.yaml.
var apiVersions = map[string]string{
	"Pod":                     "v1",
	"Service":                 "v1",
	"ConfigMap":               "v1",
	"Secret":                  "v1",
	"ServiceAccount":          "v1",
	"PersistentVolumeClaim":   "v1",
	"ReplicationController":   "v1",
	"Namespace":               "v1",
	"Node":                    "v1",
	"PersistentVolume":        "v1",
	"Deployment":              "apps/v1",
	"StatefulSet":             "apps/v1",
	"DaemonSet":               "apps/v1",
	"ReplicaSet":              "apps/v1",
	"Job":                     "batch/v1",
	"CronJob":                 "batch/v1",
	"Ingress":                 "networking.k8s.io/v1",
	"NetworkPolicy":           "networking.k8s.io/v1",
	"Role":                    "rbac.authorization.k8s.io/v1",
	"RoleBinding":             "rbac.authorization.k8s.io/v1",
	"ClusterRole":             "rbac.authorization.k8s.io/v1",
	"ClusterRoleBinding":      "rbac.authorization.k8s.io/v1",
	"HorizontalPodAutoscaler": "autoscaling/v2",
	"PodDisruptionBudget":     "policy/v1",
	"StorageClass":            "storage.k8s.io/v1",
}
