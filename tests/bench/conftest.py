# The load test's trainee takes the assessments' own fixture module.
from tests.assessments.conftest import (  # noqa: F401
    assessment_settings,
    bank,
    competency,
    module,
    ready_trainee,
)
