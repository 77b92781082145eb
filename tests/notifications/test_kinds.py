"""The delivery rule: mandatory kinds always by e-mail at once, optional ones as
chosen, and each time until the person chooses."""

import pytest

from notifications.kinds import MANDATORY, OPTIONAL, Delivery, Kind, delivery_for


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("chosen", [None, "", "nonsense", *Delivery.values])
def test_delivery_for_every_kind_and_choice(kind, chosen):
    delivery = delivery_for(kind, chosen=chosen)
    if kind in MANDATORY or chosen not in Delivery.values:
        assert delivery == Delivery.EACH
    else:
        assert delivery == chosen


def test_the_gxp_kinds_are_mandatory_and_the_rest_optional():
    assert {
        Kind.SIGN_OFF_RETURNED,
        Kind.COUNTERSIGN_NEEDED,
        Kind.COMPETENCE_SUSPENDED,
        Kind.COMPETENCE_REVOKED,
        Kind.COMPETENCE_EXPIRED,
    } <= MANDATORY
    assert set(OPTIONAL) == set(Kind) - MANDATORY
    assert Kind.SIGN_OFF_REQUESTED in OPTIONAL
