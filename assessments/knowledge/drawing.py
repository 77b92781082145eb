"""Which questions an attempt draws from a module's bank: pure, given a random source."""

import random
from collections import defaultdict
from collections.abc import Collection


def _prefer_unseen(
    ids: list[int], count: int, *, seen: Collection[int], rng: random.Random
) -> list[int]:
    """`count` ids at random, taken from those not seen before while any are left."""
    unseen = [question_id for question_id in ids if question_id not in seen]
    drawn = rng.sample(unseen, min(count, len(unseen)))
    if len(drawn) < count:
        again = [question_id for question_id in ids if question_id in seen]
        drawn += rng.sample(again, min(count - len(drawn), len(again)))
    return drawn


def draw_questions(
    bank: list[tuple[int, str]],
    *,
    count: int,
    per_topic: int | None = None,
    seen: Collection[int] = frozenset(),
    rng: random.Random,
) -> list[int]:
    """Question ids drawn at random: `per_topic` from each topic, or else `count` in all.

    `bank` holds (question id, topic) pairs. A retake draws the questions the trainee
    has not `seen` in earlier attempts first, and repeats seen ones only when the bank
    runs out. When the bank holds fewer questions than asked for, every question is
    drawn. The result is in random order.
    """
    if per_topic:
        by_topic: dict[str, list[int]] = defaultdict(list)
        for question_id, topic in sorted(bank):
            by_topic[topic].append(question_id)
        drawn = [
            question_id
            for topic in sorted(by_topic)
            for question_id in _prefer_unseen(
                by_topic[topic], per_topic, seen=seen, rng=rng
            )
        ]
    else:
        ids = sorted(question_id for question_id, _ in bank)
        drawn = _prefer_unseen(ids, count, seen=seen, rng=rng)
    rng.shuffle(drawn)
    return drawn
