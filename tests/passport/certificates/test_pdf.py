import pypdfium2
import pytest
from django.conf import settings

from passport.pdf import RefusedURL, StaticOnlyURLFetcher, html_to_pdf


@pytest.fixture
def fetcher():
    return StaticOnlyURLFetcher(allowed_protocols=("data", "file"))


def test_static_files_and_data_urls_are_served(fetcher):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    css = fetcher.fetch(f"{base}/static/passport/certificate.css")
    assert b"@page" in css.read()
    css.close()
    data = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert data.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/tracker.png",
        "https://127.0.0.1:8000/static/passport/certificate.css",
        "http://127.0.0.1:8000/media/private.pdf",
        "file:///etc/passwd",
        "file:///proc/self/environ",
    ],
)
def test_network_and_files_outside_static_are_refused(fetcher, url):
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)


def test_a_file_url_climbing_out_of_static_is_refused(fetcher):
    static = settings.STATICFILES_DIRS[0]
    with pytest.raises(RefusedURL):
        fetcher.fetch(f"file://{static}/../pyproject.toml")


def test_a_pdf_with_a_remote_image_renders_without_fetching_it(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the renderer tried the network")

    monkeypatch.setattr("urllib.request.OpenerDirector.open", no_network)
    content = html_to_pdf(
        '<img src="http://example.com/x.png"><img src="file:///etc/hostname">'
        "<p>Hello</p>"
    )
    assert content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("html", "size"),
    [
        ('<div class="certificate">Certificate</div>', (842, 595)),  # A4 landscape
        ('<div class="passport">Passport</div>', (595, 842)),  # A4 portrait
    ],
)
def test_the_stylesheet_is_applied_without_a_link(html, size):
    page = pypdfium2.PdfDocument(html_to_pdf(html))[0]
    assert tuple(round(side) for side in page.get_size()) == size
