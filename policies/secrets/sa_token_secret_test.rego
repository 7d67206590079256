package kubeward.rules.secrets.sa_token_secret_test

import data.kubeward.rules.secrets.sa_token_secret as rule

test_service_account_token_secret if {
	rule.deny == {{
		"msg": "Secret \"ci-token\" has type kubernetes.io/service-account-token, a ServiceAccount token that never expires; remove it and use projected tokens or the TokenRequest API instead.",
		"path": ["type"],
	}} with input as {"kind": "Secret", "metadata": {"name": "ci-token", "annotations": {"kubernetes.io/service-account.name": "ci"}}, "type": "kubernetes.io/service-account-token"}
}

test_other_types_pass if {
	every t in ["Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson", "bootstrap.kubernetes.io/token", null] {
		count(rule.deny) == 0 with input as {"kind": "Secret", "type": t}
	}
	count(rule.deny) == 0 with input as {"kind": "Secret"}
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "type": "kubernetes.io/service-account-token"}
}
