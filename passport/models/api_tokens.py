"""API tokens of authorised consumers, as django-rest-knox keeps them: hashed."""

from knox.models import AuthToken


class ApiToken(AuthToken):
    """A consumer's token, named without its digest. Only the SHA-512 digest and the
    first characters of the token are stored; the token itself is shown once."""

    class Meta:
        proxy = True
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"Token {self.token_key[:8]}… for {self.user}"
