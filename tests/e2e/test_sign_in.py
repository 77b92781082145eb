import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_demo_trainee_signs_in_and_home_page_is_accessible(
    page, demo_server, sign_in, assert_accessible
):
    page.goto(demo_server.url)
    assert_accessible("home-signed-out")

    sign_in("trainee@academy.example")

    assert page.url.rstrip("/") == demo_server.url
    assert page.get_by_text("Welcome back, Priya Shah.").is_visible()
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert_accessible("home-signed-in-trainee")


def test_wrong_password_shows_error_summary_that_is_accessible(
    page, demo_server, sign_in, assert_accessible
):
    sign_in("trainee@academy.example", password="not-the-password")

    summary = page.locator(".nhsuk-error-summary")
    assert summary.is_visible()
    assert "Enter a correct e-mail address and password" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert_accessible("sign-in-error")


def test_sign_in_form_works_by_keyboard_alone(page, demo_server):
    page.goto(f"{demo_server.url}/account/sign-in/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert "Skip to main content" in focused, focused
    page.keyboard.press("Enter")
    page.get_by_label("E-mail address").focus()
    page.keyboard.type("trainee@academy.example")
    page.keyboard.press("Tab")
    page.keyboard.type("academy-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_server.url}/")
    assert page.get_by_text("Welcome back, Priya Shah.").is_visible()
