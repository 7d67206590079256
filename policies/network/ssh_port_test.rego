package kubeward.rules.network.ssh_port_test

import data.kubeward.rules.network.ssh_port as rule

test_container_port_22_in_a_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init", "ports": [{"containerPort": 22}]}],
		"containers": [{"name": "app", "ports": [{"containerPort": 8080}, {"name": "ssh", "containerPort": 22, "hostPort": 0}]}],
	}}}}
	got == {
		{
			"msg": "container \"init\" declares ports[0].containerPort=22 (SSH); remove the SSH server and use kubectl exec or kubectl debug instead.",
			"path": ["spec", "template", "spec", "initContainers", 0, "ports", 0, "containerPort"],
		},
		{
			"msg": "container \"app\" declares ports[1].containerPort=22 (SSH); remove the SSH server and use kubectl exec or kubectl debug instead.",
			"path": ["spec", "template", "spec", "containers", 0, "ports", 1, "containerPort"],
		},
	}
}

test_container_port_22_in_a_cronjob if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "c", "ports": [{"containerPort": 22, "hostPort": null}]}]}}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "ports", 0, "containerPort"]}
}

test_host_port_reported_by_pss_005 if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 22, "hostPort": 22}]}]}}
}

test_other_container_ports_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 2222}, {"containerPort": "22"}, "x"]}, {"name": "d", "ports": "22"}]}}
}

test_service_port_and_target_port if {
	got := rule.deny with input as {"kind": "Service", "metadata": {"name": "bastion"}, "spec": {"ports": [
		{"name": "ssh", "port": 22, "targetPort": 22},
		{"name": "alt", "port": 2222, "targetPort": 22},
		{"name": "web", "port": 80, "targetPort": 8080},
	]}}
	got == {
		{
			"msg": "Service \"bastion\" sets spec.ports[0].port=22 (SSH); remove the SSH port and use kubectl exec or kubectl debug instead.",
			"path": ["spec", "ports", 0, "port"],
		},
		{
			"msg": "Service \"bastion\" sets spec.ports[1].targetPort=22 (SSH); remove the SSH port and use kubectl exec or kubectl debug instead.",
			"path": ["spec", "ports", 1, "targetPort"],
		},
	}
}

test_named_target_port_passes if {
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"ports": [{"port": 2222, "targetPort": "ssh"}, {"port": 80, "targetPort": "22"}, 7]}}
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"ports": "22"}}
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"ports": [{"port": 22}]}}
}
