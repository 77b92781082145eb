"""The verification code people read off a certificate and type into the check."""

import re

import pytest

from passport.certificates import codes


def test_a_new_code_is_twelve_characters_with_nothing_to_confuse():
    made = {codes.new_code() for _ in range(500)}
    assert len(made) == 500
    for code in made:
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{12}", code)
        assert not set(code) & set("01OIL")


def test_the_alphabet_has_no_0_o_1_i_or_l():
    assert not set(codes.ALPHABET) & set("01OILoil")
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) == 31
    assert codes.readable(codes.EXAMPLE) is not None


def test_a_code_is_printed_in_three_groups_of_four():
    assert codes.grouped("7KQ4MWX9C2HT") == "7KQ4-MWX9-C2HT"
    assert codes.grouped("3fZk9Qx_Lm2bW7pR") == "3fZk9Qx_Lm2bW7pR"  # legacy as it is


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ4-MWX9-C2HT",
        "7KQ4MWX9C2HT",
        "7kq4-mwx9-c2ht",
        " 7kq4 mwx9 c2ht ",
        "7KQ4 - MWX9 - C2HT",
        "7KQ4\u2013MWX9\u2013C2HT",  # en dashes, as a word processor types them
        "7K Q4M WX9C 2HT",
    ],
)
def test_a_code_reads_the_same_with_or_without_spaces_hyphens_or_case(typed):
    assert codes.readable(typed) == "7KQ4MWX9C2HT"


@pytest.mark.parametrize(
    "typed",
    ["", "7KQ4-MWX9-C2H", "7KQ4-MWX9-C2HTX", "7KQ4-MWX9-C2H0", "OKQ4-MWX9-C2HT", "a/b"],
)
def test_anything_else_is_not_a_readable_code(typed):
    assert codes.readable(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "TSA-2026-000030",
        "tsa-2026-000030",
        "TSA 2026 000030",
        " TSA2026000030 ",
        "TSA-2026-30",
    ],
)
def test_a_certificate_number_is_recognised_however_typed(typed):
    assert codes.looks_like_certificate_number(typed)


@pytest.mark.parametrize("typed", ["7KQ4-MWX9-C2HT", "TSA", "ABC-2026-000030", "2026"])
def test_codes_and_other_text_are_not_certificate_numbers(typed):
    assert not codes.looks_like_certificate_number(typed)
