package scaffold

// kindInfo is what a fixture manifest of a kind needs: its apiVersion and
// whether it lives in a namespace.
type kindInfo struct {
	apiVersion string
	namespaced bool
}

// kinds are the kinds a new rule's fixtures know the apiVersion of; others
// need Options.APIVersion.
var kinds = map[string]kindInfo{
	"Pod":                     {"v1", true},
	"Service":                 {"v1", true},
	"ConfigMap":               {"v1", true},
	"Secret":                  {"v1", true},
	"ServiceAccount":          {"v1", true},
	"PersistentVolumeClaim":   {"v1", true},
	"ReplicationController":   {"v1", true},
	"Namespace":               {"v1", false},
	"Node":                    {"v1", false},
	"PersistentVolume":        {"v1", false},
	"Deployment":              {"apps/v1", true},
	"StatefulSet":             {"apps/v1", true},
	"DaemonSet":               {"apps/v1", true},
	"ReplicaSet":              {"apps/v1", true},
	"Job":                     {"batch/v1", true},
	"CronJob":                 {"batch/v1", true},
	"Ingress":                 {"networking.k8s.io/v1", true},
	"NetworkPolicy":           {"networking.k8s.io/v1", true},
	"Role":                    {"rbac.authorization.k8s.io/v1", true},
	"RoleBinding":             {"rbac.authorization.k8s.io/v1", true},
	"ClusterRole":             {"rbac.authorization.k8s.io/v1", false},
	"ClusterRoleBinding":      {"rbac.authorization.k8s.io/v1", false},
	"HorizontalPodAutoscaler": {"autoscaling/v2", true},
	"PodDisruptionBudget":     {"policy/v1", true},
	"StorageClass":            {"storage.k8s.io/v1", false},
}
