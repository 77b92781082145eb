from wagtail import hooks

from workforce.home import home_panels

hooks.register("home_page_panels", home_panels)
