"""Demo process validations, recorded and signed by the demo trainer (with the demo
password) through the service.

Priya Shah has three initial broth transfer passes (so ASP-08 is awarded), a current
gowning qualification and clean finger dabs. Tom Okafor qualified with three passes,
then failed a broth transfer test, so his validation and ASP-08 are suspended.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import User
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.services import record_validation
from demo.academy import DEMO_PASSWORD

TRAINER = "trainer@academy.example"
OPERATORS = ("trainee@academy.example", "trainee2@academy.example")
READER = "Jo Wright, QC microbiologist"


def _broth(performed_on: date, *, passed: bool, lot: str) -> dict:
    return {
        "performed_on": performed_on,
        "incubation_started_on": performed_on,
        "read_on": performed_on + timedelta(days=14),
        "read_by": READER,
        "kit": "Universal operator broth transfer kit",
        "lot_number": lot,
        "manipulations": "Vial to syringe, syringe to bag, bag to vial (10 transfers)",
        "passed": passed,
        "notes": "",
    }


def _gowning(performed_on: date) -> dict:
    return {
        "performed_on": performed_on,
        "read_on": performed_on + timedelta(days=5),
        "read_by": READER,
        "visual_passed": True,
        "left_glove_cfu": 0,
        "right_glove_cfu": 0,
        "gown_cfu": 0,
        "notes": "Grade B changing room; plates read after 5 days.",
    }


def _finger_dab(performed_on: date, *, left: int = 0) -> dict:
    return {
        "performed_on": performed_on,
        "read_on": performed_on + timedelta(days=5),
        "read_by": READER,
        "left_glove_cfu": left,
        "right_glove_cfu": 0,
        "notes": "",
    }


@transaction.atomic
def load_validations() -> str:
    """Record the demo results once; running it again changes nothing."""
    if ProcessValidation.objects.filter(operator__email__in=OPERATORS).exists():
        return "Process validations: already loaded."
    trainer = User.objects.get(email=TRAINER)
    priya, tom = (User.objects.get(email=email) for email in OPERATORS)
    today = timezone.localdate()

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    results = [
        (
            priya,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(130), passed=True, lot="BT24-101"),
        ),
        (
            priya,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(100), passed=True, lot="BT24-101"),
        ),
        (
            priya,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(70), passed=True, lot="BT24-117"),
        ),
        (priya, ValidationKind.GOWNING, _gowning(ago(40))),
        (priya, ValidationKind.FINGER_DAB, _finger_dab(ago(30))),
        (priya, ValidationKind.FINGER_DAB, _finger_dab(ago(16), left=1)),
        (priya, ValidationKind.FINGER_DAB, _finger_dab(ago(9))),
        (
            tom,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(160), passed=True, lot="BT24-090"),
        ),
        (
            tom,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(130), passed=True, lot="BT24-101"),
        ),
        (
            tom,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(100), passed=True, lot="BT24-101"),
        ),
        (tom, ValidationKind.GOWNING, _gowning(ago(50))),
        (
            tom,
            ValidationKind.BROTH_TRANSFER,
            _broth(ago(30), passed=False, lot="BT24-117"),
        ),
    ]
    for operator, kind, result in results:
        record_validation(
            operator=operator,
            kind=kind,
            recorded_by=trainer,
            result=result,
            password=DEMO_PASSWORD,
        )
    return f"Process validations: {len(results)} results recorded (Priya Shah, Tom Okafor)."
