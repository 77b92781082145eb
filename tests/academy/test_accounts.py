import pytest
from django.contrib.auth.models import Group
from django.core import mail

from academy.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD):
    return client.post("/account/sign-in/", {"username": email, "password": password})


def test_sign_in_with_email_in_any_case_and_it_is_audited(client, trainee):
    response = sign_in(client, trainee.email.upper())

    assert response.status_code == 302
    assert response.url == "/"
    event = AuditEvent.objects.filter(action="academy.user_signed_in").get()
    assert event.actor == trainee
    assert event.details["ip_address"] == "127.0.0.1"


def test_sign_in_page_follows_nhs_style(client):
    response = client.get("/account/sign-in/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "nhsuk-header" in html
    assert "Technical Services Skills Academy" in html
    assert 'class="nhsuk-skip-link"' in html
    assert '<label class="nhsuk-label" for="id_username">E-mail address</label>' in html
    assert "autofocus" not in html


def test_wrong_password_shows_an_error_summary_and_is_audited(client, trainee):
    response = sign_in(client, trainee.email, "wrong-password")

    html = response.content.decode()
    assert response.status_code == 200
    assert "nhsuk-error-summary" in html
    assert "There is a problem" in html
    assert "Enter a correct e-mail address and password" in html
    assert "<title>Error: Sign in" in html
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.get(action="academy.sign_in_failed")
    assert failed.details["attempted_email"] == trainee.email
    assert failed.actor is None


def test_empty_form_says_what_to_enter(client):
    response = client.post("/account/sign-in/", {"username": "", "password": ""})

    html = response.content.decode()
    assert "Enter your e-mail address" in html
    assert "Enter your password" in html
    assert 'aria-describedby="id_username-error"' in html


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client, trainee
):
    for _ in range(5):
        sign_in(client, trainee.email, "wrong-password")

    locked = sign_in(client, trainee.email)

    assert locked.status_code == 429
    assert "Your account is locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_account_leaves_others_alone(client, make_user):
    victim, other = make_user("Trainee"), make_user("Trainee")
    for _ in range(5):
        sign_in(client, victim.email, "wrong-password")

    assert sign_in(client, other.email).status_code == 302


def test_sign_out_is_a_post_and_is_audited(client, trainee):
    client.force_login(trainee)

    assert client.get("/account/sign-out/").status_code == 405
    response = client.post("/account/sign-out/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(
        action="academy.user_signed_out", actor=trainee
    ).exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(client, trainee):
    # A plain-text e-mail: the name is written as it is, not HTML-escaped.
    trainee.full_name = "Diana O'Donnell"
    trainee.save(update_fields=["full_name"])
    response = client.post("/account/password-reset/", {"email": trainee.email})
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Hello Diana O'Donnell," in body
    assert "&#x27;" not in body
    link = next(
        line for line in body.splitlines() if "/account/password-reset/" in line
    )
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    assert done.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password("a-new-long-passphrase")


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(
        "/account/password-reset/", {"email": "nobody@nowhere.example"}
    )

    assert response.status_code == 302
    assert mail.outbox == []


def test_role_changes_are_audited_with_who_made_them(client, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    person = make_user()
    client.force_login(admin)

    from academy.middleware import current_user

    token = current_user.set(admin)
    try:
        person.groups.add(Group.objects.get(name="Trainer"))
    finally:
        current_user.reset(token)

    event = AuditEvent.objects.filter(
        action="academy.user_roles_changed", object_id=str(person.pk)
    ).last()
    assert event.details == {"change": "add", "roles": ["Trainer"]}
    assert event.actor == admin


@pytest.mark.parametrize(
    ("role", "reaches_admin"),
    [
        ("Trainee", False),
        ("Trainer", False),
        ("Mentor", False),
        ("Training lead", False),
        ("TSET editor", True),
        ("TSET moderator", True),
    ],
)
def test_only_editors_moderators_and_administrators_reach_the_admin(
    client, make_user, role, reaches_admin
):
    client.force_login(make_user(role))

    response = client.get("/admin/")

    if reaches_admin:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response.url or "/account/sign-in/" in response.url


def test_superuser_reaches_the_admin(client, make_user):
    client.force_login(make_user(is_superuser=True))

    assert client.get("/admin/").status_code == 200


def test_unknown_page_is_an_nhs_styled_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "nhsuk-header" in response.content.decode()


def test_home_page_greets_the_signed_in_person_with_their_role(client, trainee):
    client.force_login(trainee)

    html = client.get("/").content.decode()

    assert f"Welcome back, {trainee.full_name}." in html
    assert "Trainee" in html
