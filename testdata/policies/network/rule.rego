# METADATA
# title: Phones home
# custom:
#   id: BAD-003
#   severity: low
package kubeward.rules.bad.network

deny contains "leaked" if {
	http.send({"method": "GET", "url": "http://127.0.0.1:1/"})
}
