"""Sign-in with an NHS identity provider. Imported by the base settings."""

import os

# Sign-in with an NHS identity provider (OpenID Connect, e.g. NHS CIS2): off unless
# the issuer, client id and private key are all set. The key (PEM, or a path to a PEM
# file) signs the client's private_key_jwt assertions; NHS_IDENTITY_KEY_ID names it as
# registered with the provider. NHS_IDENTITY_MAX_AGE is how long ago, in seconds, the
# person may have authenticated at the provider.
NHS_IDENTITY_ISSUER = os.environ.get("NHS_IDENTITY_ISSUER", "")
NHS_IDENTITY_CLIENT_ID = os.environ.get("NHS_IDENTITY_CLIENT_ID", "")
NHS_IDENTITY_PRIVATE_KEY = os.environ.get("NHS_IDENTITY_PRIVATE_KEY", "")
NHS_IDENTITY_KEY_ID = os.environ.get("NHS_IDENTITY_KEY_ID", "")
NHS_IDENTITY_ACR_VALUES = os.environ.get("NHS_IDENTITY_ACR_VALUES", "")
NHS_IDENTITY_MAX_AGE = int(os.environ.get("NHS_IDENTITY_MAX_AGE", "3600"))
NHS_IDENTITY_TIMEOUT = float(os.environ.get("NHS_IDENTITY_TIMEOUT", "10"))
