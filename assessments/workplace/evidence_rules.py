"""Rules for workplace evidence files: the type is read from the content, never the
name, and only documents and images an assessor can open are accepted."""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype

# Sniffing needs only the first bytes; office formats are zip files with a known layout.
HEAD_BYTES = 8192
ACCEPTED = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ACCEPTED_LABEL = "a PDF, a JPG, PNG or WebP image, or a Word, Excel or PowerPoint file"


@dataclass(frozen=True)
class EvidenceCheck:
    content_type: str = ""
    extension: str = ""
    problem: str = ""

    @property
    def accepted(self) -> bool:
        return not self.problem


def check_evidence(*, head: bytes, size: int, max_bytes: int) -> EvidenceCheck:
    """Accept a file by its size and by what its first bytes show it to be."""
    if size == 0:
        return EvidenceCheck(problem="The selected file is empty.")
    if size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        return EvidenceCheck(
            problem=f"The selected file must be smaller than {limit} MB."
        )
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        return EvidenceCheck(problem=f"The selected file must be {ACCEPTED_LABEL}.")
    return EvidenceCheck(content_type=kind.mime, extension=ACCEPTED[kind.mime])


# Letters, digits, spaces, dots, hyphens and underscores: nothing a browser, a shell or
# a file manager reads as more than a name.
UNSAFE_NAME = re.compile(r"[^\w .-]+")
MAX_STEM = 100


def download_name(typed_name: str, *, extension: str) -> str:
    """The name a file is stored and downloaded under: the stem the trainee typed,
    made safe, with the extension of the type its content shows, never the typed one
    (a PNG called `photo.html` downloads as `photo.png`)."""
    name = PureWindowsPath(PurePosixPath(typed_name or "").name).name
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    stem = unicodedata.normalize("NFKC", stem)
    stem = UNSAFE_NAME.sub("-", stem).strip(" .-_")[:MAX_STEM].strip(" .-_")
    return f"{stem or 'evidence'}.{extension}"


def stored_download_name(typed_name: str, *, content_type: str) -> str:
    """The download name of a stored file, whatever name an older upload kept: the
    typed stem made safe, with the extension of the type its content showed."""
    return download_name(typed_name, extension=ACCEPTED.get(content_type, "bin"))
