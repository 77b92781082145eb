"""Short builders for the demo lessons' StreamField data (raw JSON form)."""

from typing import Any

Block = dict[str, Any]


def text(*paragraphs: str) -> Block:
    """Paragraphs of rich text; a paragraph starting with '<' is kept as HTML."""
    html = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return {"type": "richtext", "value": html}


def bullets(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def numbered(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def inset(paragraph: str) -> Block:
    return {"type": "inset_text", "value": {"body": f"<p>{paragraph}</p>"}}


def warning(title: str, paragraph: str) -> Block:
    return {
        "type": "warning_callout",
        "value": {"title": title, "heading_level": 3, "body": f"<p>{paragraph}</p>"},
    }


def do_list(*items: str) -> Block:
    return {
        "type": "do_list",
        "value": {
            "heading_level": 3,
            "label": "",
            "do": [f"<p>{i}</p>" for i in items],
        },
    }


def dont_list(*items: str) -> Block:
    return {
        "type": "dont_list",
        "value": {
            "heading_level": 3,
            "label": "",
            "dont": [f"<p>{i}</p>" for i in items],
        },
    }


def details(title: str, *paragraphs: str) -> Block:
    return {
        "type": "details",
        "value": {
            "title": title,
            "body": [
                {
                    "type": "richtext",
                    "value": "".join(f"<p>{p}</p>" for p in paragraphs),
                }
            ],
        },
    }


def care_card(title: str, paragraph: str, *, kind: str = "urgent") -> Block:
    return {
        "type": "care_card",
        "value": {
            "type": kind,
            "heading_level": 3,
            "title": title,
            "body": [{"type": "richtext", "value": f"<p>{paragraph}</p>"}],
        },
    }


def summary_list(*rows: tuple[str, str]) -> Block:
    return {
        "type": "summary_list",
        "value": {
            "no_border": False,
            "rows": [{"key": key, "value": f"<p>{value}</p>"} for key, value in rows],
        },
    }


def table(caption: str, head: list[str], rows: list[list[str]]) -> Block:
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "caption_size": "m",
            "head": [{"text": cell} for cell in head],
            "rows": [{"cells": [{"text": cell} for cell in row]} for row in rows],
            "responsive": False,
            "first_cell_is_header": True,
        },
    }


def check(question: str, *options: tuple[str, bool, str]) -> Block:
    """A knowledge check; each option is (answer, is it right, feedback)."""
    return {
        "type": "knowledge_check",
        "value": {
            "question": question,
            "options": [
                {"text": answer, "is_correct": right, "feedback": feedback}
                for answer, right, feedback in options
            ],
        },
    }
