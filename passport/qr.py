"""QR codes printed on certificates, as data: URLs the PDF renderer may load."""

import segno


def qr_data_uri(url: str) -> str:
    """A PNG QR code of the URL, NHS black on white, medium error correction.

    PNG rather than SVG: WeasyPrint draws an SVG code module by module, which cost
    about a tenth of a certificate's render time.
    """
    return segno.make(url, error="m").png_data_uri(scale=4, dark="#212b32")
