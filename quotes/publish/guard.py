"""What keeps a published site safe: memory caps on SQL, security headers, a Host check and
spreadsheet-safe CSV.

- **Memory.** Datasette's time limit stops a query through a progress handler, but one call such
  as ``randomblob(300000000)`` allocates before the handler runs. Every connection gets a cap on
  the size of one value (``SQLITE_LIMIT_LENGTH``) and of one statement's text, and a row factory
  that stops a statement once the rows it returned pass a total, so typed SQL cannot take the
  server's memory, whatever it selects.
- **Headers.** A Content-Security-Policy that lets pages load nothing from elsewhere and be framed
  by no one, plus ``X-Frame-Options``, ``X-Content-Type-Options`` and a strict referrer policy.
  Datasette's own pages use inline scripts and styles, so those stay allowed.
- **Host check.** A page served on this machine answers only to a local Host name, so a web page
  elsewhere cannot rebind its domain to 127.0.0.1 and read the site. Served beyond this machine,
  the site answers to this machine's names and addresses and to the ``allowed_hosts`` of the
  plugin's configuration (``quotes serve --allowed-host``; ``*`` allows any).
- **CSV.** A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
  to a spreadsheet: Datasette's CSV downloads get a ``'`` before such text (OWASP's advice), as
  ``quotes export --csv`` does.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import sqlite3
from functools import cache

VALUE_BYTES = 32_000_000  # one string or blob: far above any article (--max-chars 1,000,000)
SQL_BYTES = 100_000  # the text of one statement
RESULT_BYTES = 64_000_000  # all the values of the rows one statement returns
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class ResultTooLarge(sqlite3.OperationalError):
    """Raised while rows are read, when a statement's results pass ``RESULT_BYTES``."""


def limit_connection(conn: sqlite3.Connection) -> None:
    """Cap what one statement on ``conn`` can allocate (see the module's docstring)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, SQL_BYTES)
    conn.row_factory = counted_rows(conn.row_factory or sqlite3.Row)


def counted_rows(make_row):
    """A row factory that adds up the size of the values each cursor returns, and stops past the cap."""
    totals: dict[int, list] = {}

    def factory(cursor, values):
        entry = totals.get(id(cursor))
        if entry is None or entry[0] is not cursor:
            totals.clear()  # one statement at a time per connection: forget the cursors before it
            entry = totals[id(cursor)] = [cursor, 0]
        entry[1] += sum(len(v) for v in values if isinstance(v, str | bytes))
        if entry[1] > RESULT_BYTES:
            raise ResultTooLarge(f"the results are over the site's limit of {RESULT_BYTES // 1_000_000} MB: "
                                 "select fewer rows or shorter values")
        return make_row(cursor, values)

    return factory


def formula_safe(value: str) -> str:
    """Text a spreadsheet will not run: a ``'`` before a leading ``= + - @``, tab or CR, unless it is a number."""
    if value and value[0] in "=+-@\t\r" and not NUMBER.fullmatch(value):
        return "'" + value
    return value


NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


class FormulaEscaper:
    """Escapes formula cells in a CSV stream, chunk by chunk, whatever the chunks' boundaries.

    It follows the CSV grammar (RFC 4180: quoted fields, doubled quotes, newlines in quotes) and
    only ever inserts a ``'``; everything else passes through unchanged.
    """

    SPECIAL = re.compile(r'[,\r\n"]')

    def __init__(self) -> None:
        self.at_field_start = True
        self.in_quotes = False
        self.quote_pending = False  # a '"' inside quotes ended the last chunk: a doubled quote or the end
        self.field_opened = False  # just after the opening quote of a field

    def feed(self, text: str) -> str:
        out, i, n = [], 0, len(text)
        while i < n:
            if self.quote_pending:
                self.quote_pending = False
                if text[i] == '"':  # a doubled quote inside the field
                    out.append('"')
                    i += 1
                    continue
                self.in_quotes = False
            if self.in_quotes:
                if self.field_opened:
                    self.field_opened = False
                    if text[i] in "=+-@\t\r" and not self._numeric_quoted(text, i):
                        out.append("'")
                end = text.find('"', i)
                if end == -1:
                    out.append(text[i:])
                    return "".join(out)
                out.append(text[i:end + 1])
                i = end + 1
                self.quote_pending = True
                continue
            if self.at_field_start:
                self.at_field_start = False
                if text[i] == '"':
                    out.append('"')
                    i += 1
                    self.in_quotes = self.field_opened = True
                    continue
                match = self.SPECIAL.search(text, i)
                field = text[i:match.start() if match else n]
                if field and field[0] in "=+-@\t" and not NUMBER.fullmatch(field):
                    out.append("'")
            match = self.SPECIAL.search(text, i)
            if not match:
                out.append(text[i:])
                return "".join(out)
            out.append(text[i:match.end()])
            i = match.end()
            if match.group() in ",\n":
                self.at_field_start = True
            elif match.group() == '"':  # a quote inside an unquoted field: keep going as written
                pass
        return "".join(out)

    @staticmethod
    def _numeric_quoted(text: str, i: int) -> bool:
        end = text.find('"', i)
        return end != -1 and bool(NUMBER.fullmatch(text[i:end]))


@cache
def machine_names() -> frozenset[str]:
    """This machine's host names, as a browser elsewhere might reach it."""
    names = {socket.gethostname().lower()}
    with contextlib.suppress(OSError):
        names.add(socket.getfqdn().lower())
    return frozenset(n for n in names if n)


def host_name(host_header: str) -> str:
    """The host of a Host header, without its port and brackets, in lower case."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_loopback(host: str) -> bool:
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_allowed(host: str, local_address: str | None, allowed: list[str]) -> bool:
    """Whether a request with this Host, reaching this local address, may be answered."""
    if "*" in allowed or is_loopback(host):
        return True
    if local_address and is_loopback(local_address) and not allowed:
        return False  # a local connection under a name that is not local: DNS rebinding
    if local_address and host == local_address.lower():
        return True  # the address itself, typed in the browser: no name to rebind
    return host in machine_names() or host in {name.lower() for name in allowed}


def wrapper(datasette):
    """The ASGI wrapper: security headers on every response, the Host check, formula-safe CSV."""

    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            headers = dict(scope.get("headers") or [])
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            config = datasette.plugin_config("quotes") or {}
            local = (scope.get("server") or (None, None))[0]
            if host and not host_allowed(host, local, list(config.get("allowed_hosts") or [])):
                return await refuse(send, host)
            escaper = FormulaEscaper() if is_csv(scope) else None

            async def secured(message):
                if message["type"] == "http.response.start":
                    message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
                elif message["type"] == "http.response.body" and escaper and message.get("body"):
                    body = escaper.feed(message["body"].decode("utf-8", errors="surrogateescape"))
                    message = {**message, "body": body.encode("utf-8", errors="surrogateescape")}
                await send(message)

            await app(scope, receive, secured)

        return guarded

    return wrap


def is_csv(scope) -> bool:
    """Datasette's CSV: ``/db/table.csv``, ``/db/query.csv``, ``/db.csv?sql=``."""
    return scope.get("path", "").endswith(".csv")


async def refuse(send, host: str) -> None:
    body = (f"This site does not answer to the host name {host!r}. A publisher can allow it with "
            "quotes serve --allowed-host NAME, or allowed_hosts in the quotes plugin's configuration.\n").encode()
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
