"""Which questions an attempt draws from a module's bank: pure, given a random source."""

import random
from collections import defaultdict


def draw_questions(
    bank: list[tuple[int, str]],
    *,
    count: int,
    per_topic: int | None = None,
    rng: random.Random,
) -> list[int]:
    """Question ids drawn at random: `per_topic` from each topic, or else `count` in all.

    `bank` holds (question id, topic) pairs. When the bank holds fewer questions than
    asked for, every question is drawn. The result is in random order.
    """
    if per_topic:
        by_topic: dict[str, list[int]] = defaultdict(list)
        for question_id, topic in sorted(bank):
            by_topic[topic].append(question_id)
        drawn = [
            question_id
            for topic in sorted(by_topic)
            for question_id in rng.sample(
                by_topic[topic], min(per_topic, len(by_topic[topic]))
            )
        ]
    else:
        ids = sorted(question_id for question_id, _ in bank)
        drawn = rng.sample(ids, min(count, len(ids)))
    rng.shuffle(drawn)
    return drawn
