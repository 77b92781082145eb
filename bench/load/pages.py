"""What a browser reads from the pages a simulated trainee sees: the forms with their
controls as the HTML gives them, the links, and the text.

Plain standard library, so the load driver (under locust's gevent) and the tests use
the same reading. Nothing here knows how the server names its fields: a form is
submitted as a browser submits it, with the values the page carries.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Controls whose value the trainee types; the rest (hidden ones) go back as served.
TYPED = {"text", "number", "search", "email", "tel", "url", "password"}
CHOSEN = {"radio", "checkbox"}
SCORE = re.compile(r"(\d+) out of (\d+)")


@dataclass
class Control:
    """One form control as served: an input or a textarea (the sheet has no select)."""

    name: str
    type: str
    value: str = ""
    checked: bool = False
    disabled: bool = False
    input_mode: str = ""


@dataclass
class Button:
    name: str
    value: str
    label: str


@dataclass
class Form:
    """A form and its controls in page order, as a browser would submit it."""

    action: str
    method: str
    attributes: dict[str, str]
    controls: list[Control] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)

    def button(self, label: str) -> Button:
        for button in self.buttons:
            if button.label == label:
                return button
        raise ValueError(f"no button {label!r} in the form to {self.action}")

    def questions(self) -> dict[str, list[Control]]:
        """The controls a trainee answers, grouped by name in page order: a group of
        radios or checkboxes, or a box to type in."""
        groups: dict[str, list[Control]] = {}
        for control in self.controls:
            if control.disabled or not control.name:
                continue
            if control.type in CHOSEN | TYPED | {"textarea"}:
                groups.setdefault(control.name, []).append(control)
        return groups

    def fields(self, submitter: Button | None = None) -> list[tuple[str, str]]:
        """The form data set a browser sends: checked choices only, typed values,
        hidden ones as served, and the button pressed (none for a script's save)."""
        data = []
        for control in self.controls:
            if control.disabled or not control.name:
                continue
            if control.type in CHOSEN:
                if control.checked:
                    data.append((control.name, control.value or "on"))
            elif control.type not in {"submit", "button", "reset", "image", "file"}:
                data.append((control.name, control.value))
        if submitter is not None and submitter.name:
            data.append((submitter.name, submitter.value))
        return data

    def answers(self) -> dict[str, list[str]]:
        """What the sheet holds for each question now: the values it would send."""
        held: dict[str, list[str]] = {name: [] for name in self.questions()}
        for name, value in self.fields():
            if name in held and value != "":
                held[name].append(value)
        return held

    def choose(self, name: str, values: list[str]) -> None:
        """Tick exactly these options of a group (a click on each, after clearing)."""
        for control in self.questions()[name]:
            control.checked = control.value in values

    def type_in(self, name: str, text: str) -> None:
        self.questions()[name][0].value = text


@dataclass
class Page:
    forms: list[Form]
    links: list[tuple[str, str]]  # (href, text)
    text: str

    def form_with_button(self, label: str) -> Form:
        """The form a trainee submits by pressing the button labelled `label`."""
        for form in self.forms:
            if any(button.label == label for button in form.buttons):
                return form
        raise ValueError(f"no {label!r} button on the page")

    def form_with(self, attribute: str) -> Form:
        for form in self.forms:
            if attribute in form.attributes:
                return form
        raise ValueError(f"no form with {attribute} on the page")

    def link(self, text: str) -> str | None:
        for href, label in self.links:
            if label == text:
                return href
        return None

    def score(self) -> tuple[int, int] | None:
        """The score a result page shows, "<score> out of <most>"."""
        found = SCORE.search(self.text)
        return None if found is None else (int(found.group(1)), int(found.group(2)))


class _Reader(HTMLParser):
    """Forms, links and text; attribute values come unescaped, as in the DOM."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.form: Form | None = None
        self.button: tuple[dict, list[str]] | None = None
        self.link: tuple[str, list[str]] | None = None
        self.textarea: Control | None = None
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self.form = Form(
                action=attributes.get("action") or self.url,
                method=attributes.get("method", "get").lower(),
                attributes=attributes,
            )
            self.forms.append(self.form)
        elif tag == "a" and "href" in attributes:
            self.link = (attributes["href"], [])
        elif tag == "button" and self.form is not None:
            self.button = (attributes, [])
        elif tag == "input" and self.form is not None:
            self._input(attributes)
        elif tag == "textarea" and self.form is not None:
            self.textarea = self._control(attributes, "textarea")
        elif tag in {"script", "style"}:
            self.hidden_depth += 1

    def _control(self, attributes: dict, kind: str) -> Control:
        control = Control(
            name=attributes.get("name", ""),
            type=kind,
            disabled="disabled" in attributes,
        )
        self.form.controls.append(control)
        return control

    def _input(self, attributes: dict) -> None:
        kind = attributes.get("type", "text").lower()
        if kind in {"submit", "image"}:
            self.form.buttons.append(
                Button(
                    name=attributes.get("name", ""),
                    value=attributes.get("value", ""),
                    label=attributes.get("value", ""),
                )
            )
            return
        control = self._control(attributes, kind)
        control.value = attributes.get("value", "")
        control.checked = "checked" in attributes
        control.input_mode = attributes.get("inputmode", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "a" and self.link is not None:
            href, words = self.link
            self.links.append((href, " ".join("".join(words).split())))
            self.link = None
        elif tag == "button" and self.button is not None:
            attributes, words = self.button
            if attributes.get("type", "submit").lower() == "submit" and self.form:
                self.form.buttons.append(
                    Button(
                        name=attributes.get("name", ""),
                        value=attributes.get("value", ""),
                        label=" ".join("".join(words).split()),
                    )
                )
            self.button = None
        elif tag == "textarea":
            self.textarea = None
        elif tag in {"script", "style"} and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if self.hidden_depth:
            return
        if self.textarea is not None:
            self.textarea.value += data
            return
        self.text.append(data)
        if self.link is not None:
            self.link[1].append(data)
        if self.button is not None:
            self.button[1].append(data)


def read(html: str, *, url: str) -> Page:
    """The page at `url` (a path; a form without an action posts back to it)."""
    reader = _Reader(url)
    reader.feed(html)
    reader.close()
    return Page(
        forms=reader.forms,
        links=reader.links,
        text=" ".join(" ".join(reader.text).split()),
    )
