"""``factcheck serve``: the editor's page and JSON API on the bundled evidence base."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli import app


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Start the web app: paste a draft, see every number checked (http://HOST:PORT/)."""
    import uvicorn

    from factcheck.web import create_app

    web_app = create_app()  # builds the evidence database first if the YAML changed
    typer.echo(f"factcheck: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
