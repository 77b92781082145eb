from django.urls import path, reverse
from wagtail import hooks

from workforce.home import home_panels
from workforce.viewsets import (
    AdministratorsMenuItem,
    appoint_national_lead_view,
    appoint_regional_lead_view,
    end_regional_lead_view,
    leads_view,
    remove_national_lead_view,
)

hooks.register("home_page_panels", home_panels)


@hooks.register("register_admin_urls")
def register_workforce_leads():
    return [
        path("workforce-leads/", leads_view, name="workforce_leads"),
        path(
            "workforce-leads/regional/",
            appoint_regional_lead_view,
            name="workforce_appoint_regional_lead",
        ),
        path(
            "workforce-leads/regional/<int:pk>/end/",
            end_regional_lead_view,
            name="workforce_end_regional_lead",
        ),
        path(
            "workforce-leads/national/",
            appoint_national_lead_view,
            name="workforce_appoint_national_lead",
        ),
        path(
            "workforce-leads/national/<int:pk>/remove/",
            remove_national_lead_view,
            name="workforce_remove_national_lead",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_workforce_leads_menu_item():
    return AdministratorsMenuItem(
        "Workforce leads",
        reverse("workforce_leads"),
        name="workforce-leads",
        icon_name="group",
        order=910,
    )
