package kubeward.rules.acme.team_label_test

import data.kubeward.rules.acme.team_label

# Wrong on purpose: the bundle build must stop on it.
test_wrong_expectation if {
	count(team_label.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
}
