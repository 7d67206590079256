package kubeward.rules.workload.non_rolling_update_test

import data.kubeward.rules.workload.non_rolling_update

test_recreate_deployment if {
	got := non_rolling_update.deny with input as {"kind": "Deployment", "metadata": {"name": "web"}, "spec": {"strategy": {"type": "Recreate"}}}
	got == {{
		"msg": "Deployment \"web\" sets spec.strategy.type=\"Recreate\", which stops every pod before starting new ones; use RollingUpdate.",
		"path": ["spec", "strategy", "type"],
	}}
}

test_on_delete_statefulset_and_daemonset if {
	got := non_rolling_update.deny with input as {"kind": "DaemonSet", "metadata": {"name": "agent"}, "spec": {"updateStrategy": {"type": "OnDelete"}}}
	got == {{
		"msg": "DaemonSet \"agent\" sets spec.updateStrategy.type=\"OnDelete\", which updates a pod only when it is deleted by hand; use RollingUpdate.",
		"path": ["spec", "updateStrategy", "type"],
	}}
	count(non_rolling_update.deny) == 1 with input as {"kind": "StatefulSet", "spec": {"updateStrategy": {"type": "OnDelete"}}}
}

test_rolling_or_unset_passes if {
	count(non_rolling_update.deny) == 0 with input as {"kind": "Deployment", "spec": {}}
	count(non_rolling_update.deny) == 0 with input as {"kind": "Deployment", "spec": {"strategy": {"type": "RollingUpdate"}}}
	count(non_rolling_update.deny) == 0 with input as {"kind": "StatefulSet", "spec": {"updateStrategy": {"type": "RollingUpdate"}}}
	count(non_rolling_update.deny) == 0 with input as {"kind": "DaemonSet", "spec": {"updateStrategy": "bad"}}
}

test_field_of_another_kind_passes if {
	count(non_rolling_update.deny) == 0 with input as {"kind": "Deployment", "spec": {"updateStrategy": {"type": "OnDelete"}}}
	count(non_rolling_update.deny) == 0 with input as {"kind": "StatefulSet", "spec": {"strategy": {"type": "Recreate"}}}
}
