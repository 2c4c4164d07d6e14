"""OpenStack Swift and Rackspace Cloud Files, through python-swiftclient.

``kind.py`` (registry entry, no SDK import) · ``auth`` (v1, Keystone v2/v3 through
keystoneauth1, Rackspace API key, pre-authenticated URL + token) · ``client`` (pool of
swiftclient connections sharing one sign-in; retries) · ``errors`` (the one mapping onto
core errors) · ``listing`` · ``reading`` (checked ranged GETs) · ``uploading`` (plain PUT)
· ``slo`` (uploads in parts) · ``deleting`` (SLO-aware, bulk) · ``metadata`` (rules,
headers) · ``sharing`` (temp URLs, staticweb) · ``provider`` (the protocol on top).
"""
