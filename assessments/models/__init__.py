from .attempts import Attempt, AttemptAnswer, AttemptStatus, KnowledgeRequirementMet
from .knowledge import (
    CHOICE_KINDS,
    AssessmentSettings,
    FeedbackPolicy,
    Question,
    QuestionKind,
    QuestionOption,
)

__all__ = [
    "CHOICE_KINDS",
    "AssessmentSettings",
    "Attempt",
    "AttemptAnswer",
    "AttemptStatus",
    "FeedbackPolicy",
    "KnowledgeRequirementMet",
    "Question",
    "QuestionKind",
    "QuestionOption",
]
