"""Hugo's publishing rules: drafts, future-dated posts and expired posts.

`hugo` leaves all three out, and `-D`, `-F`, `-E` bring them back. Here each has a policy:
`never` shown, shown only under `mkdocs serve` (the default, like Material's blog plugin), or
`always` shown. MkDocs 1.6 already knows "only under serve": its DRAFT inclusion level builds a
page for the preview and leaves it out of `mkdocs build` entirely (no page, no sitemap entry, no
search entry), so the plugin maps each post onto an inclusion level instead of filtering by hand.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Literal

from .metadata import PostMeta

Policy = Literal["never", "serve", "always"]


class Status(enum.Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        """The word on the banner a previewing author sees."""
        return self.value.capitalize()


def status_of(meta: PostMeta, now: dt.datetime) -> Status:
    """Which rule, if any, keeps this post out of a production build. Drafts win."""
    if meta.draft:
        return Status.DRAFT
    if meta.publish_date is not None and meta.publish_date > now:
        return Status.SCHEDULED
    if meta.expiry_date is not None and meta.expiry_date <= now:
        return Status.EXPIRED
    return Status.PUBLISHED


@dataclass(frozen=True)
class PublishingPolicy:
    drafts: Policy = "serve"
    future: Policy = "serve"
    expired: Policy = "serve"

    @classmethod
    def from_options(cls, drafts: str, future: str, expired: str) -> PublishingPolicy:
        """From the plugin's options, which MkDocs has already checked against the choices."""
        return cls(_policy(drafts), _policy(future), _policy(expired))

    def policy_for(self, status: Status) -> Policy:
        return {
            Status.PUBLISHED: "always",
            Status.DRAFT: self.drafts,
            Status.SCHEDULED: self.future,
            Status.EXPIRED: self.expired,
        }[status]


class Visibility(enum.Enum):
    """Where a post appears: everywhere, only in the `mkdocs serve` preview, or nowhere."""

    PUBLIC = "public"
    PREVIEW = "preview"
    HIDDEN = "hidden"


def visibility(status: Status, policy: PublishingPolicy, *, serving: bool) -> Visibility:
    """Decide a post's visibility for this run of MkDocs."""
    match policy.policy_for(status):
        case "always":
            return Visibility.PUBLIC
        case "serve":
            return Visibility.PREVIEW if serving else Visibility.HIDDEN
        case _:
            return Visibility.HIDDEN


def _policy(value: str) -> Policy:
    if value not in ("never", "serve", "always"):
        raise ValueError(f"unknown publishing policy {value!r}")
    return value  # type: ignore[return-value]
