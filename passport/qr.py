"""QR codes printed on certificates, as data: URLs the PDF renderer may load."""

import segno


def qr_data_uri(url: str) -> str:
    """An SVG QR code of the URL, NHS black on white, medium error correction."""
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#212b32")
