"""People in the Wagtail admin: the add and edit forms ask for what the Academy's
`User` holds (one full name, as the person writes it; job title, band, registration
number and organisation), never the first and last names Wagtail's own forms demand
and the model has nowhere to keep."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from academy.models import User

PERSON_FIELDS = [
    "email",
    "full_name",
    "job_title",
    "band",
    "registration_number",
    "organisation",
]


class PersonCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = [*PERSON_FIELDS, "is_superuser", "groups"]


class PersonEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*PERSON_FIELDS, "is_active", "is_superuser", "groups"]


class PersonViewSet(UserViewSet):
    """Wagtail's users, with the Academy's forms (academy.apps.AcademyUsersConfig)."""

    template_prefix = "academy/people/"

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
