package kubeward.rules.pss.restricted_volumes_test

import data.kubeward.rules.pss.restricted_volumes

test_restricted_and_unknown_types_in_deployment if {
	got := restricted_volumes.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"volumes": [
		{"name": "ok", "emptyDir": {}},
		{"name": "host", "hostPath": {"path": "/"}},
		{"name": "odd", "fooVolume": {}},
	]}}}}
	got == {
		{
			"msg": "volume \"host\" uses the restricted volume type hostPath; use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret instead.",
			"path": ["spec", "template", "spec", "volumes", 1, "hostPath"],
		},
		{
			"msg": "volume \"odd\" uses the unknown volume type \"fooVolume\"; use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret instead.",
			"path": ["spec", "template", "spec", "volumes", 2, "fooVolume"],
		},
	}
}

test_every_restricted_type_fires if {
	types := [
		"hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs",
		"iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker",
		"fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
		"photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
	]
	got := restricted_volumes.deny with input as {"kind": "Pod", "spec": {"volumes": [{"name": t, t: {}} | some t in types]}}
	{f.path | some f in got} == {["spec", "volumes", i, t] | some i, t in types}
}

test_first_restricted_type_in_psa_order_is_reported if {
	got := restricted_volumes.deny with input as {"kind": "Pod", "spec": {"volumes": [{"name": "v", "nfs": {}, "hostPath": {}}]}}
	{f.path | some f in got} == {["spec", "volumes", 0, "hostPath"]}
}

test_allowed_types_pass if {
	count(restricted_volumes.deny) == 0 with input as {"kind": "Pod", "spec": {"volumes": [
		{"name": "a", "configMap": {"name": "c"}},
		{"name": "b", "csi": {"driver": "d"}},
		{"name": "c", "downwardAPI": {}},
		{"name": "d", "emptyDir": {}},
		{"name": "e", "ephemeral": {"volumeClaimTemplate": {}}},
		{"name": "f", "image": {"reference": "r"}},
		{"name": "g", "persistentVolumeClaim": {"claimName": "c"}},
		{"name": "h", "projected": {"sources": []}},
		{"name": "i", "secret": {"secretName": "s"}},
	]}}
}

test_allowed_source_wins_like_psa if {
	# PSA skips a volume as soon as it has an allowed source (hostPath is PSS-004's business).
	count(restricted_volumes.deny) == 0 with input as {"kind": "Pod", "spec": {"volumes": [{"name": "a", "emptyDir": {}, "hostPath": {}}]}}
}

test_sourceless_volume_is_an_implicit_empty_dir if {
	count(restricted_volumes.deny) == 0 with input as {"kind": "Pod", "spec": {"volumes": [
		{"name": "a"},
		{"name": "b", "hostPath": null},
	]}}
}
