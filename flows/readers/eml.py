"""E-mail (.eml): the subject as title, the Date header as the reference date, the sender as
source, and the plain-text body, else the HTML body read as a web page (standard library `email`)."""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from flows.readers import Reading
from flows.sources import DocumentError


def read(data: bytes, name: str) -> Reading:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        subject, sender, published = _header(message, "Subject"), _header(message, "From"), _date(message)
        if body is None:
            raise DocumentError("e-mail has no text or HTML body")
        content = body.get_content()
    except DocumentError:
        raise
    except Exception as error:  # email's parser is lenient: a body it cannot decode still raises
        raise DocumentError(f"e-mail could not be read: {type(error).__name__}: {error}") from None
    if not isinstance(content, str):
        raise DocumentError("e-mail body is not text")
    charset = body.get_content_charset() or "us-ascii"
    if body.get_content_type() == "text/html":
        text = _html_text(content)
    else:
        text = content
    return Reading(text, "email", charset, subject, published, "email" if published else None, None, sender)


def _html_text(markup: str) -> str:
    """An HTML body's article, or all of its text when it is no article (most mail is not)."""
    from flows.readers import html_page

    try:
        return html_page.article(markup).text
    except DocumentError:
        return html_page.text_of(markup)


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message[name]
    except Exception:  # a header that does not parse is no metadata
        return None
    return str(value) if value else None


def _date(message: EmailMessage):
    """The Date header's day, as the sender's clock gave it; None when it is missing or malformed."""
    try:
        header = message["Date"]
        return header.datetime.date() if header is not None and header.datetime else None
    except Exception:
        return None
