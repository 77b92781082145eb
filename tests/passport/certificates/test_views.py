import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["a/b", "/", "a\x00b", "<script>", "x" * 65])
def test_a_code_no_certificate_could_have_is_an_nhs_404_page(client, code):
    """Signed out, the check form answers any code as "not found", never a 500."""
    response = client.get("/verify/", {"code": code})
    assert response.status_code == 404
    assert response.content == client.get("/verify/AAAAAAAAAAAAAAAAAAAAAA/").content
    assert b"nhsuk-" in response.content


def test_a_nul_in_the_code_page_address_is_not_found(client):
    """PostgreSQL refuses NUL in a query string; the page never asks it."""
    assert client.get("/verify/a%00b/").status_code == 404
