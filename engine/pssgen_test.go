//go:build !race

package engine_test

import (
	"fmt"
	"math/rand/v2"
)

// randomPod generates pod metadata and spec over every field a Pod Security
// Standards check reads: set, unset, allowed and forbidden values, on the pod
// and on init, regular and ephemeral containers, Linux and Windows, with and
// without user namespaces. A third of the pods start hardened (restricted
// passes) and get a few mutations, so both verdicts occur at both levels.
func randomPod(r *rand.Rand) (map[string]any, map[string]any) {
	g := gen{r}
	spec := map[string]any{}
	meta := map[string]any{}
	hardened := g.chance(0.35)

	for _, f := range []string{"hostNetwork", "hostPID", "hostIPC"} {
		g.maybeSet(spec, f, 0.15, true, false)
	}
	g.maybeSet(spec, "hostUsers", 0.2, false, true)
	if g.chance(0.25) {
		spec["os"] = map[string]any{"name": g.pick("linux", "windows")}
	}

	psc := map[string]any{}
	if hardened {
		psc["runAsNonRoot"] = true
		psc["seccompProfile"] = map[string]any{"type": "RuntimeDefault"}
	}
	if !hardened || g.chance(0.3) {
		g.maybeSet(psc, "runAsNonRoot", 0.3, true, false)
		g.maybeSet(psc, "runAsUser", 0.25, 0, 1000)
		g.maybeSetFn(psc, "seccompProfile", 0.3, g.profile)
		g.maybeSetFn(psc, "seLinuxOptions", 0.15, g.seLinux)
		g.maybeSetFn(psc, "appArmorProfile", 0.15, g.profile)
		if g.chance(0.15) {
			psc["sysctls"] = []any{map[string]any{"name": g.pick("kernel.shm_rmid_forced", "net.ipv4.tcp_syncookies",
				"net.ipv4.tcp_keepalive_time", "kernel.msgmax", "net/ipv4/ip_local_port_range", "net.ipv4.tcp_rmem"), "value": "1"}}
		}
		if g.chance(0.08) {
			psc["windowsOptions"] = map[string]any{"hostProcess": g.pick(true, false)}
		}
	}
	if len(psc) > 0 {
		spec["securityContext"] = psc
	}

	n := 0
	for _, field := range []struct {
		name     string
		min, max int
	}{{"initContainers", 0, 1}, {"containers", 1, 2}, {"ephemeralContainers", 0, 1}} {
		count := field.min + g.r.IntN(field.max-field.min+1)
		list := []any{}
		for i := 0; i < count; i++ {
			n++
			name := fmt.Sprintf("c%d", n)
			list = append(list, g.container(name, hardened))
			if g.chance(0.08) {
				if meta["annotations"] == nil {
					meta["annotations"] = map[string]any{}
				}
				meta["annotations"].(map[string]any)["container.apparmor.security.beta.kubernetes.io/"+name] =
					g.pick("runtime/default", "localhost/custom", "unconfined", "")
			}
		}
		if count > 0 {
			spec[field.name] = list
		}
	}

	if g.chance(0.4) {
		vols := []any{}
		for i := 0; i < 1+g.r.IntN(2); i++ {
			v := map[string]any{"name": fmt.Sprintf("v%d", i)}
			switch g.r.IntN(11) {
			case 0:
				v["emptyDir"] = map[string]any{}
			case 1:
				v["configMap"] = map[string]any{"name": "cm"}
			case 2:
				v["hostPath"] = map[string]any{"path": "/var/log"}
			case 3:
				v["nfs"] = map[string]any{"server": "nfs.example.com", "path": "/export"}
			case 4:
				v["csi"] = map[string]any{"driver": "csi.example.com"}
			case 5:
				v["gitRepo"] = map[string]any{"repository": "https://example.com/r.git"}
			case 6:
				v["secret"] = map[string]any{"secretName": "s"}
			case 7:
				v["projected"] = map[string]any{"sources": []any{}}
			case 8:
				v["persistentVolumeClaim"] = map[string]any{"claimName": "pvc"}
			case 9:
				v["iscsi"] = map[string]any{"targetPortal": "10.0.0.1:3260", "iqn": "iqn.2001-04.com.example:storage", "lun": 0}
			case 10:
				// no source: the API server defaults it to emptyDir
			}
			vols = append(vols, v)
		}
		spec["volumes"] = vols
	}
	return meta, spec
}

type gen struct{ r *rand.Rand }

func (g gen) chance(p float64) bool { return g.r.Float64() < p }

func (g gen) pick(vs ...any) any { return vs[g.r.IntN(len(vs))] }

func (g gen) maybeSet(m map[string]any, key string, p float64, vs ...any) {
	if g.chance(p) {
		m[key] = g.pick(vs...)
	}
}

func (g gen) maybeSetFn(m map[string]any, key string, p float64, f func() any) {
	if g.chance(p) {
		m[key] = f()
	}
}

func (g gen) profile() any {
	switch g.r.IntN(5) {
	case 0:
		return map[string]any{"type": "RuntimeDefault"}
	case 1:
		return map[string]any{"type": "Localhost", "localhostProfile": "p.json"}
	case 2:
		return map[string]any{"type": "Unconfined"}
	case 3:
		return map[string]any{}
	}
	return map[string]any{"type": "runtime/default"}
}

func (g gen) seLinux() any {
	switch g.r.IntN(6) {
	case 0:
		return map[string]any{"type": "container_t"}
	case 1:
		return map[string]any{"type": "spc_t"}
	case 2:
		return map[string]any{"user": "system_u"}
	case 3:
		return map[string]any{"role": "sysadm_r"}
	case 4:
		return map[string]any{"level": "s0:c1,c2"}
	}
	return map[string]any{"type": g.pick("", "container_init_t", "container_kvm_t", "container_engine_t")}
}

func (g gen) container(name string, hardened bool) map[string]any {
	c := map[string]any{"name": name, "image": "registry.example.com/app:1.0"}
	sc := map[string]any{}
	if hardened {
		sc["allowPrivilegeEscalation"] = false
		sc["capabilities"] = map[string]any{"drop": []any{"ALL"}}
	}
	if !hardened || g.chance(0.3) {
		g.maybeSet(sc, "privileged", 0.12, true, false)
		g.maybeSet(sc, "allowPrivilegeEscalation", 0.4, false, true)
		if g.chance(0.4) {
			caps := []map[string]any{
				{"drop": []any{"ALL"}},
				{"drop": []any{"ALL"}, "add": []any{"NET_BIND_SERVICE"}},
				{"add": []any{"SYS_ADMIN"}},
				{"drop": []any{"ALL"}, "add": []any{"CHOWN"}},
				{"drop": []any{"all"}},
				{"add": []any{"CAP_SYS_ADMIN"}},
				{"drop": []any{"NET_RAW"}},
				{"add": []any{"NET_RAW", "KILL"}},
				{},
			}
			sc["capabilities"] = caps[g.r.IntN(len(caps))]
		}
		g.maybeSet(sc, "procMount", 0.1, "Default", "Unmasked")
		g.maybeSet(sc, "runAsNonRoot", 0.3, true, false)
		g.maybeSet(sc, "runAsUser", 0.2, 0, 1000)
		g.maybeSetFn(sc, "seccompProfile", 0.25, g.profile)
		g.maybeSetFn(sc, "seLinuxOptions", 0.1, g.seLinux)
		g.maybeSetFn(sc, "appArmorProfile", 0.1, g.profile)
		if g.chance(0.05) {
			sc["windowsOptions"] = map[string]any{"hostProcess": g.pick(true, false)}
		}
	}
	if len(sc) > 0 || g.chance(0.5) {
		c["securityContext"] = sc
	}
	if g.chance(0.1) {
		c["ports"] = []any{map[string]any{"containerPort": 8080, "hostPort": g.pick(0, 8080)}}
	}
	if g.chance(0.1) {
		host := g.pick("", "localhost", "10.0.0.1")
		if g.chance(0.5) {
			c["livenessProbe"] = map[string]any{"httpGet": map[string]any{"port": 8080, "host": host}}
		} else {
			c["readinessProbe"] = map[string]any{"tcpSocket": map[string]any{"port": 8080, "host": host}}
		}
	}
	if g.chance(0.05) {
		c["lifecycle"] = map[string]any{"preStop": map[string]any{"httpGet": map[string]any{"port": 8080, "host": g.pick("", "example.com")}}}
	}
	return c
}
