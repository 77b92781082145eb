from .plans import TrainingPlan, TrainingPlanItem

__all__ = ["TrainingPlan", "TrainingPlanItem"]
