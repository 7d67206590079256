package kubeward.rules.workload.job_no_ttl_test

import data.kubeward.rules.workload.job_no_ttl

test_job_without_ttl if {
	got := job_no_ttl.deny with input as {"kind": "Job", "metadata": {"name": "migrate"}, "spec": {"template": {}}}
	got == {{
		"msg": "Job \"migrate\" does not set spec.ttlSecondsAfterFinished (default: the finished Job and its pods are kept until deleted); set it.",
		"path": ["spec", "ttlSecondsAfterFinished"],
	}}
	count(job_no_ttl.deny) == 1 with input as {"kind": "Job", "metadata": {"ownerReferences": []}, "spec": {"ttlSecondsAfterFinished": null}}
}

test_ttl_set_passes if {
	count(job_no_ttl.deny) == 0 with input as {"kind": "Job", "spec": {"ttlSecondsAfterFinished": 0}}
	count(job_no_ttl.deny) == 0 with input as {"kind": "Job", "spec": {"ttlSecondsAfterFinished": 3600}}
}

test_owned_job_passes if {
	count(job_no_ttl.deny) == 0 with input as {"kind": "Job", "metadata": {"ownerReferences": [{"kind": "CronJob", "name": "nightly"}]}, "spec": {}}
}

test_helm_hook_with_delete_policy_passes if {
	count(job_no_ttl.deny) == 0 with input as {"kind": "Job", "metadata": {"annotations": {"helm.sh/hook": "pre-install", "helm.sh/hook-delete-policy": "hook-succeeded"}}, "spec": {}}
}

test_cronjob_passes if {
	count(job_no_ttl.deny) == 0 with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {}}}}
}
