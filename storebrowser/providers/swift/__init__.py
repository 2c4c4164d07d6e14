"""OpenStack Swift and Rackspace Cloud Files, through python-swiftclient."""
