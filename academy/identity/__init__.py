"""Sign-in with an NHS identity provider (OpenID Connect), beside the local password."""
