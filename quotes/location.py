"""Where the database is: one rule for every command and for the Python API.

``--db PATH`` when given, else ``$QUOTES_DB``, else ``db/quotes.db`` under the current folder.
Kept apart from the store so that the command line can name it without importing SQLite code.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("db") / "quotes.db"
DB_ENV = "QUOTES_DB"


def default_db_path() -> Path:
    """``$QUOTES_DB`` when set, else ``db/quotes.db`` under the current directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)
