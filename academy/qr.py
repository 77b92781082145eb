"""QR codes printed on PDFs (certificates, career posters), as data: URLs the PDF
renderer may load."""

import segno


def qr_data_uri(url: str) -> str:
    """A PNG QR code of the URL, NHS black on white, medium error correction.

    One pixel per module: the stylesheet scales it up with `image-rendering:
    pixelated`, so it prints sharp at any size and costs the least to encode and
    embed. PNG rather than SVG: WeasyPrint draws an SVG code module by module.
    """
    return segno.make(url, error="m").png_data_uri(scale=1, dark="#212b32")
