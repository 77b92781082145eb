from wagtail import hooks

from careers.queries import careers_index


@hooks.register("catalogue_links")
def careers_link(request):
    """The catalogue points visitors, signed in or not, to the career pages."""
    index = careers_index()
    if index is None:
        return None
    return {
        "text": index.title,
        "url": index.get_url(request),
        "description": "The roles in each specialist area, band by band, and how "
        "to train for them, apprenticeships included.",
    }
