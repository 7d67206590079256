package kubeward.lib.apis_test

import data.kubeward.lib.apis

test_exact_kind_rows if {
	apis.removal("extensions/v1beta1", "Deployment") == {"removedIn": "1.16", "replacement": "apps/v1"}
	apis.removal("extensions/v1beta1", "Ingress") == {"removedIn": "1.22", "replacement": "networking.k8s.io/v1"}
	apis.removal("batch/v1beta1", "CronJob") == {"removedIn": "1.25", "replacement": "batch/v1"}
	apis.removal("storage.k8s.io/v1beta1", "CSIStorageCapacity") == {"removedIn": "1.27", "replacement": "storage.k8s.io/v1"}
	apis.removal("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema") == {"removedIn": "1.32", "replacement": "flowcontrol.apiserver.k8s.io/v1"}
}

test_no_replacement if {
	apis.removal("policy/v1beta1", "PodSecurityPolicy") == {"removedIn": "1.25", "replacement": ""}
}

test_any_kind_rows if {
	apis.removal("apps/v1beta2", "Deployment") == {"removedIn": "1.16", "replacement": "apps/v1"}
	apis.removal("apps/v1beta1", "Anything") == {"removedIn": "1.16", "replacement": "apps/v1"}
	apis.removal("rbac.authorization.k8s.io/v1beta1", "ClusterRole") == {"removedIn": "1.22", "replacement": "rbac.authorization.k8s.io/v1"}
}

test_current_versions_are_not_removed if {
	not apis.removal("apps/v1", "Deployment")
	not apis.removal("extensions/v1beta1", "Pod")
	not apis.removal("policy/v1beta1", "Eviction")
	not apis.removal("batch/v1", "CronJob")
	not apis.removal("batch/v1beta1", null)
}

test_table_rows_are_well_formed if {
	every _, kinds in apis.removed {
		every kind, row in kinds {
			is_string(kind)
			regex.match(`^1\.[0-9]+$`, row.removedIn)
			is_string(row.replacement)
		}
	}
}
