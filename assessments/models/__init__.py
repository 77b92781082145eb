from .attempts import Attempt, AttemptAnswer, AttemptStatus, KnowledgeRequirementMet
from .knowledge import (
    CHOICE_KINDS,
    AssessmentSettings,
    FeedbackPolicy,
    Question,
    QuestionKind,
    QuestionOption,
)
from .validations import ProcessValidation, ValidationKind

__all__ = [
    "CHOICE_KINDS",
    "AssessmentSettings",
    "Attempt",
    "AttemptAnswer",
    "AttemptStatus",
    "FeedbackPolicy",
    "KnowledgeRequirementMet",
    "ProcessValidation",
    "Question",
    "QuestionKind",
    "QuestionOption",
    "ValidationKind",
]
from .workplace import (
    SIGNED_STATUSES,
    AssessedCriterion,
    AssessmentStatus,
    CriterionResult,
    EvidenceFile,
    Outcome,
    TemplateCriterion,
    WorkplaceAssessment,
    WorkplaceAssessmentTemplate,
)

__all__ += [
    "SIGNED_STATUSES",
    "AssessedCriterion",
    "AssessmentStatus",
    "CriterionResult",
    "EvidenceFile",
    "Outcome",
    "TemplateCriterion",
    "WorkplaceAssessment",
    "WorkplaceAssessmentTemplate",
]
