import base64
import datetime
import json

import pytest
from jwcrypto import jwk, jws

from passport.credentials.verifying import verify_credential

NOW = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
KEY = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="k1")
JWKS = {"keys": [{**KEY.export_public(as_dict=True), "alg": "EdDSA"}]}


def _part(value) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _signed(*kids: str) -> jws.JWS:
    signed = jws.JWS(json.dumps({"iss": "https://a.example", "type": []}).encode())
    for kid in kids:
        key = KEY if kid == "k1" else jwk.JWK.generate(kty="OKP", crv="Ed25519")
        signed.add_signature(
            key, alg="EdDSA", protected=json.dumps({"alg": "EdDSA", "kid": kid})
        )
    return signed


def _verdict(token: str):
    return verify_credential(
        token, keys_for=lambda _: JWKS, status_list_for=lambda _: "", now=NOW
    )


@pytest.mark.parametrize(
    "token",
    [
        _signed("k1").serialize(),  # JSON, flattened
        _signed("k1", "k2").serialize(),  # JSON, general: crashed on `.get`
        json.dumps({"payload": "e30", "signatures": [{}]}),
        "[]",
        "{}",
        f"{_part([])}.{_part({'iss': 'x'})}.{_part(b'sig')}",  # header a list
        f"{_part('x')}.{_part({'iss': 'x'})}.{_part(b'sig')}",
        "a.b.c.d.e",
        "=.=.=",
        "...",
    ],
    # Fixed ids: the signed tokens differ from run to run (and between the processes
    # of a parallel run, which must collect the same tests).
    ids=[
        "json-flattened",
        "json-general",
        "json-empty-signature",
        "json-list",
        "json-object",
        "header-a-list",
        "header-a-string",
        "five-parts",
        "padding-only",
        "dots-only",
    ],
)
def test_any_token_not_in_compact_serialisation_is_not_a_signed_credential(token):
    verdict = _verdict(token)

    assert not verdict.valid
    assert verdict.failed == [
        "This is not a signed credential: paste the whole VC-JWT text."
    ]


def test_a_compact_token_is_still_read():
    verdict = _verdict(_signed("k1").serialize(compact=True))

    assert verdict.failed == ["Its issuer does not match who signed it."]
