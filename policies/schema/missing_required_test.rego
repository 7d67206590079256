package kubeward.rules.schema.missing_required_test

import data.kubeward.rules.schema.missing_required

# Rego finds nothing: the findings come from the engine (engine/schema).
test_rego_finds_nothing if {
	count(missing_required.deny) == 0 with input as {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}
}
