"""The model card's sections the team writes: a Markdown file, rendered into the card."""

from __future__ import annotations

import html
from pathlib import Path

from ..jobs_extra import jobs_module


def team_sections_html(path: Path) -> str:
    """``path`` (Markdown) as HTML; a note saying where to write it when it does not exist."""
    if not path.is_file():
        return (
            f"<p>The team's sections (intended use, limits, owners, stakeholders) are read from"
            f" <code>{html.escape(str(path))}</code>, which does not exist here.</p>"
        )
    # Only the model card renders Markdown: markdown is in the jobs extra.
    markdown = jobs_module("markdown")
    rendered: str = markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables"])
    return rendered
