# METADATA
# title: Restricted volume types
# description: |
#   Beyond hostPath, many volume types mount node or network storage directly
#   and bypass the PersistentVolume layer and its access controls. Pod Security
#   Standards at the restricted level allow only configMap, csi, downwardAPI,
#   emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.
# custom:
#   id: KW-PSS-016
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, nsa]
#   overrides: [KW-PSS-004]
#   remediation: Replace the volume with one of the allowed types, for example a persistentVolumeClaim for storage.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA restrictedVolumes
#     - KSV-0028
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: reports
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/reports:2.3.0
#           volumeMounts:
#             - {name: share, mountPath: /data}
#       volumes:
#         - name: share
#           nfs:
#             server: nfs.example.com
#             path: /exports/reports
package kubeward.rules.pss.restricted_volumes

import data.kubeward.lib.pods
import data.kubeward.lib.pss

_allowed := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
	"image", "persistentVolumeClaim", "projected", "secret",
}

# The restricted volume types PSA names, in its order.
_restricted := [
	"hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs",
	"iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker",
	"fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
	"photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
]

# A volume fires when it sets no allowed source but sets some other one: a
# restricted type PSA names, or a type it does not know. A volume with no source
# at all passes: the API server defaults it to emptyDir before admission (the
# upstream fixture restrictedvolumes0 relies on it).
deny contains finding if {
	some v in pods.volumes
	not _has_allowed_source(v.volume)
	sources := [key | some key, value in v.volume; key != "name"; value != null]
	count(sources) > 0
	finding := _finding(v, sources)
}

# The volume's own keys are walked (a name and a source, most often), not the
# nine allowed sources, each a lookup and a call per volume of every pod.
_has_allowed_source(volume) if {
	some source, value in volume
	source in _allowed
	value != null
}

_finding(v, sources) := {
	"msg": sprintf(
		"volume %s uses the restricted volume type %s; use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret instead.",
		[pss.quote(v.name), types[0]],
	),
	"path": array.concat(v.path, [types[0]]),
} if {
	types := [t | some t in _restricted; t in sources]
	count(types) > 0
} else := {
	"msg": sprintf(
		"volume %s uses the unknown volume type %s; use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret instead.",
		[pss.quote(v.name), pss.quote(sort(sources)[0])],
	),
	"path": array.concat(v.path, [sort(sources)[0]]),
}
