package kubeward.rules.pod.sudo_in_entrypoint_test

import data.kubeward.rules.pod.sudo_in_entrypoint as rule

test_sudo_in_command_and_args_in_cronjob if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"command": ["sudo", "-u", "app", "run"],
		"args": ["-c", "apt-get update && sudo apt-get install -y curl-and-a-very-long-package-name-list"],
	}]}}}}}}
	got == {
		{
			"msg": "container \"app\" calls sudo in command[0] (\"sudo\"); remove sudo and run the process as the user it needs.",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "command", 0],
		},
		{
			"msg": "container \"app\" calls sudo in args[1] (\"apt-get update && sudo apt-get install -y curl-and-a-very-lo...\"); remove sudo and run the process as the user it needs.",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "args", 1],
		},
	}
}

test_every_separator_fires if {
	every s in ["sudo whoami", "echo; sudo x", "a;sudo x", "a&sudo x", "a|sudo x", "(sudo x)", "a\tsudo x", "a\nsudo x", "x || sudo y"] {
		count(rule.deny) == 1 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "args": [s]}]}}
	}
}

test_init_and_ephemeral_containers if {
	got := rule.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "command": ["sh", "-c", "sudo chown 1000 /data"]}],
		"ephemeralContainers": [{"name": "e", "command": ["sudo"]}],
	}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "command", 2], ["spec", "ephemeralContainers", 0, "command", 0]}
}

test_no_such_token_passes if {
	every s in ["pseudo x", "sudoers", "echo sudo", "/usr/bin/sudo x", "sudo-rs x", "SUDO x", "xsudo y", "mysudo"] {
		count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "command": [s]}]}}
	}
}

test_wrong_types_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "command": "sudo x", "args": [5, null, {"a": "sudo x"}]}]}}
}
