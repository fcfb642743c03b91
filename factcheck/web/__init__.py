"""The editor's page and the JSON API: a thin web front end over :func:`factcheck.check`.

``create_app()`` builds the app; ``factcheck serve`` runs it with uvicorn. It adds no checking
logic of its own and never writes to the evidence base.
"""

from factcheck.web.app import create_app

__all__ = ["create_app"]
