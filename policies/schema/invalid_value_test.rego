package kubeward.rules.schema.invalid_value_test

import data.kubeward.rules.schema.invalid_value

# Rego finds nothing: the findings come from the engine (engine/schema).
test_rego_finds_nothing if {
	count(invalid_value.deny) == 0 with input as {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}
}
