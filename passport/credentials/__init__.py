"""Open Badges 3.0 verifiable credentials: the issuer key, the status list, issuing
and verifying VC-JWTs."""
