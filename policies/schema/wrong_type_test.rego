package kubeward.rules.schema.wrong_type_test

import data.kubeward.rules.schema.wrong_type

# Rego finds nothing: the findings come from the engine (engine/schema).
test_rego_finds_nothing if {
	count(wrong_type.deny) == 0 with input as {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}
}
