"""Publishing a quotes database with Datasette: the plugin, its pages, metadata and safeguards.

This package is the Datasette plugin (the ``datasette`` entry point names it), so Datasette
finds ``templates/`` and ``static/`` beside it; the hooks themselves are in ``plugin``.
"""

from quotes.publish.plugin import (
    asgi_wrapper,
    canned_queries,
    database_actions,
    extra_body_script,
    extra_css_urls,
    extra_js_urls,
    get_metadata,
    menu_links,
    prepare_connection,
    register_routes,
    render_cell,
    table_actions,
)

__all__ = ["asgi_wrapper", "canned_queries", "database_actions", "extra_body_script", "extra_css_urls",
           "extra_js_urls", "get_metadata", "menu_links", "prepare_connection", "register_routes", "render_cell",
           "table_actions"]
