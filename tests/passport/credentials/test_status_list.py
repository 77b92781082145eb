import base64
import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passport.credentials.status_list import (
    LIST_LENGTH,
    REVOKED,
    SUSPENDED,
    VALID,
    StatusListError,
    decode_status_list,
    encode_status_list,
    status_at,
    status_value,
)


def test_an_empty_list_has_the_minimum_size_and_the_multibase_prefix():
    encoded = encode_status_list({})

    assert encoded.startswith("u")
    assert "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=="))
    assert len(raw) * 8 == LIST_LENGTH * 2 >= 131_072


def test_index_zero_is_the_left_most_bits():
    raw = decode_status_list(encode_status_list({0: REVOKED, 5: SUSPENDED}))

    assert raw[0] == 0b1000_0000
    assert raw[1] == 0b0001_0000  # entry 5 is bits 10-11


def test_status_bits_follow_the_competence_status():
    assert status_value(revoked=False, suspended=False) == VALID
    assert status_value(revoked=True, suspended=False) == REVOKED
    assert status_value(revoked=False, suspended=True) == SUSPENDED


@given(
    st.dictionaries(
        st.integers(min_value=0, max_value=LIST_LENGTH - 1),
        st.sampled_from([VALID, SUSPENDED, REVOKED]),
        max_size=20,
    ),
    st.integers(min_value=0, max_value=LIST_LENGTH - 1),
)
def test_every_entry_reads_back_as_written(statuses, probe):
    raw = decode_status_list(encode_status_list(statuses))

    for index, value in statuses.items():
        assert status_at(raw, index=index) == value
    assert status_at(raw, index=probe) == statuses.get(probe, VALID)


def test_indexes_outside_the_list_are_refused():
    raw = decode_status_list(encode_status_list({}))

    with pytest.raises(ValueError, match="outside"):
        encode_status_list({LIST_LENGTH: REVOKED})
    with pytest.raises(StatusListError):
        status_at(raw, index=LIST_LENGTH)


def test_garbage_is_not_a_status_list():
    with pytest.raises(StatusListError):
        decode_status_list("unot-gzip")
