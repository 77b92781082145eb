"""Checks of a page's NHS.UK error summary, shared by every app's form tests."""

from bs4 import BeautifulSoup

INPUTS = ("input", "select", "textarea")


def error_summary_links(html: str) -> list[tuple[str, str]]:
    """(target id, message) of each link in the page's error summary, in order."""
    page = BeautifulSoup(html, "html.parser")
    summary = page.select_one(".nhsuk-error-summary")
    assert summary is not None, "the page has no error summary"
    return [
        (link["href"].removeprefix("#"), link.get_text(" ", strip=True))
        for link in summary.select(".nhsuk-error-summary__list a")
    ]


def assert_error_summary_leads_to_inputs(html: str) -> list[tuple[str, str]]:
    """Every summary link targets an input, select or textarea on the page (the first
    radio or checkbox of a group, never the group's container or `#`), and the links
    are in the order of their targets on the page. Returns the links."""
    page = BeautifulSoup(html, "html.parser")
    elements = page.find_all(True)
    position = {id(element): n for n, element in enumerate(elements)}
    links = error_summary_links(html)
    assert links, "the error summary links to nothing"
    places = []
    for target, message in links:
        assert target, f"{message!r} links to '#'"
        found = page.find_all(id=target)
        assert len(found) == 1, f"{message!r} links to #{target}: {len(found)} found"
        assert found[0].name in INPUTS, (
            f"{message!r} links to a <{found[0].name}>, not an input"
        )
        places.append(position[id(found[0])])
    assert places == sorted(places), f"not in page order: {links}"
    return links
