"""Tranquilpeak-style posts for the blog tests, modelled on the theme's example site."""

from __future__ import annotations

from typing import Any

# A 1x1 transparent GIF: a real image file for the local cover and thumbnail paths.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)

CDN = "//d1u9biwaxjngwg.cloudfront.net"

HOME = """
---
title: Home
---

# Home

## Latest posts

<!-- stepwise:posts -->
"""

TAGS_PAGE = """
---
title: Tags
---

# Tags

<!-- material/tags -->
"""

POSTS: dict[str, str | bytes] = {
    "index.md": HOME,
    "tags.md": TAGS_PAGE,
    "images/first.jpg": GIF,
    "cover-image-showcase.md": f"""
        ---
        title: "Cover image showcase"
        thumbnailImagePosition: left
        thumbnailImage: {CDN}/cover-image-showcase/city-750.jpg
        coverImage: {CDN}/cover-image-showcase/city.jpg
        metaAlignment: center
        coverMeta: out
        date: 2015-05-13
        categories:
        - tranquilpeak
        - features
        tags:
        - cover image
        ---

        A post with a cover image. Its title and date are below the cover.

        <!--more-->

        The rest is not in the teaser.
        """,
    "welcome.md": f"""
        ---
        title: "Welcome to Tranquilpeak"
        date: 2015-06-15
        categories:
        - tranquilpeak
        - releases
        tags:
        - hexo theme
        - responsive
        keywords:
        - disqus
        - google
        autoThumbnailImage: false
        thumbnailImagePosition: "top"
        thumbnailImage: {CDN}/welcome-to-tranquilpeak/city-750.jpg
        coverImage: {CDN}/welcome-to-tranquilpeak/city.jpg
        coverSize: full
        metaAlignment: right
        ---

        Welcome! This post has its title over a full-screen cover.
        """,
    "hidden-pagination-showcase.md": f"""
        ---
        title: "Hidden pagination showcase"
        thumbnailImagePosition: right
        thumbnailImage: {CDN}/cover-image-showcase/city-750.jpg
        date: 2014-08-15
        categories:
        - tranquilpeak
        tags:
        - pagination
        showPagination: false
        ---

        No links to the previous and next posts at the bottom of this one.
        """,
    "hidden-tag-section-showcase.md": """
        ---
        title: "Hidden tag section showcase"
        date: 2014-08-16
        summary: The tags of this post are not shown on its page.
        tags:
        - tags
        showTags: false
        showDate: false
        ---

        Body text that is not the teaser, because the summary key wins.
        """,
    "local-cover.md": """
        ---
        title: "Local cover"
        date: 2014-01-02
        coverImage: ../../../images/first.jpg
        coverCaption: Photo Credit https://unsplash.com/@claudelrheault
        showMeta: false
        tags:
        - python
        ---

        The cover doubles as the thumbnail (autoThumbnailImage), at the bottom of the card.
        """,
    "unfinished.md": """
        ---
        title: "Unfinished"
        date: 2016-01-01
        draft: true
        categories:
        - drafts-only
        tags:
        - secret
        coverImage: ./images/first.jpg
        ---

        TODO: finish this post.
        """,
}

WITH_TAGS: dict[str, Any] = {"plugins": ["search", "tags", {"stepwise": {}}]}


def dated_posts(count: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\n<!-- stepwise:posts -->\n"}
    for number in range(1, count + 1):
        year = 2000 + number // 12
        month = number % 12 + 1
        files[f"post-{number:02}.md"] = (
            f"---\ntitle: Post {number:02}\ndate: {year}-{month:02}-01\n"
            f"categories: [Many]\n---\n\nText of post {number}.\n"
        )
    return files
