"""Short constructors for demo questions, so the banks read like the questions."""


def choice(topic, stem, *, correct, wrong, feedback, competency=None) -> dict:
    """Single choice when `correct` is one text; multiple response when it is a list."""
    right = [correct] if isinstance(correct, str) else list(correct)
    return {
        "topic": topic,
        "kind": "single" if isinstance(correct, str) else "multiple",
        "stem": stem,
        "options": [(text, True) for text in right] + [(text, False) for text in wrong],
        "feedback": feedback,
        "competency": competency,
    }


def true_false(topic, stem, *, answer: bool, feedback, competency=None) -> dict:
    return {
        "topic": topic,
        "kind": "true_false",
        "stem": stem,
        "options": [("True", answer), ("False", not answer)],
        "feedback": feedback,
        "competency": competency,
    }


def calculation(
    topic, stem, *, answer, unit, feedback, tolerance="0", competency=None
) -> dict:
    return {
        "topic": topic,
        "kind": "numeric",
        "stem": stem,
        "options": [],
        "answer": answer,
        "tolerance": tolerance,
        "unit": unit,
        "feedback": feedback,
        "competency": competency,
    }
