import factory
from django.contrib.auth.models import Group
from faker import Faker

from academy.models import Competency, Organisation, SpecialistArea, UnitType, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Hospitals NHS Trust {n}")
    ods_code = factory.Sequence(lambda n: f"T{n:04d}")
    unit_type = UnitType.SECTION_10
    region = "North West"


names = Faker("en_GB")


def name_without_apostrophe() -> str:
    """A realistic name, minus any apostrophe: pages rightly escape one (O&#x27;Brien),
    so a test looking for the name in HTML would fail about one run in 150. Names with
    apostrophes are tested on purpose where it matters (e-mails, stored-XSS checks)."""
    return names.name().replace("'", "")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.example")
    full_name = factory.LazyFunction(name_without_apostrophe)
    job_title = "Pharmacy technician"
    band = 4
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()


class SpecialistAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpecialistArea
        django_get_or_create = ("code",)

    code = "ASP"
    name = "Aseptic preparation"
    slug = "aseptic-preparation"


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency

    code = factory.Sequence(lambda n: f"ASP-{n + 50:02d}")
    title = factory.Sequence(lambda n: f"Test competency {n}")
    area = factory.SubFactory(SpecialistAreaFactory)
    band_from = 2
    band_to = 5
    requires_workplace_assessment = True
    live = True
