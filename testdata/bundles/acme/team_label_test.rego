package kubeward.rules.acme.team_label_test

import data.kubeward.rules.acme.team_label

test_fires_without_the_label if {
	count(team_label.deny) == 1 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
}

test_quiet_with_the_label if {
	count(team_label.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web", "labels": {"team": "shop"}}}
}
