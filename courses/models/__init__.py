from .pages import (
    CareerPathwayPage,
    CataloguePage,
    LessonPage,
    ModuleCompetency,
    ModulePage,
    SpecialistAreaIndexPage,
)
from .records import (
    AuditFinding,
    Enrolment,
    FindingSource,
    LessonProgress,
    ReviewReminder,
    ReviewRequest,
    TrainingImpactingChange,
)
from .workflow import TSETReviewTask

__all__ = [
    "AuditFinding",
    "CareerPathwayPage",
    "CataloguePage",
    "Enrolment",
    "FindingSource",
    "LessonPage",
    "LessonProgress",
    "ModuleCompetency",
    "ModulePage",
    "ReviewReminder",
    "ReviewRequest",
    "SpecialistAreaIndexPage",
    "TSETReviewTask",
    "TrainingImpactingChange",
]
