"""What a build keeps alive is not walked again and again by Python's garbage collector.

`mkdocs serve`: what the first build leaves alive is frozen for every later rebuild.
`mkdocs build`: what the build keeps is frozen as it is made, and given back at its end.

Python's cyclic garbage collector walks every tracked object on a full collection, and a
rebuild allocates enough to trigger several: with the modules, Material, the site's posts and
the plugin's caches alive, that was about 0.14 s of a 0.9 s preview rebuild of 1,000 posts.
After the first build, `gc.freeze()` moves every object alive into the permanent generation,
which collections skip; what later builds allocate is collected as before.

The price: a cycle among the frozen objects that later becomes garbage is never freed. That
is the first build's pages and files once the second build replaces them: about 9 MiB at
1,000 posts, once (objects without cycles are still freed by reference counting).
"""

from __future__ import annotations

import gc

_OLDEST = len(gc.get_threshold()) - 1
"""The generation a full collection collects (2)."""


def freeze_what_is_alive() -> None:
    """Call once, after the first build of `mkdocs serve`."""
    gc.collect()  # first free what is garbage already, so it is not kept for good
    gc.freeze()


class FrozenAsBuilt:
    """`mkdocs build`: move what the build has kept so far out of the collector's sight.

    A full collection walks every tracked object, and a build allocates enough to run one
    each time the objects alive grow by a quarter: every page's converted HTML, TOC and
    metadata stay alive until the end, so at 10,000 posts the collector walked millions of
    them 16 times, 9.5 s of a 237 s build (0.3 s at 1,000 posts). `keep()` freezes what is
    alive at the points a build has added what it keeps (the site read, each page converted,
    all pages converted); `finish()` unfreezes it all when the build ends, so the next
    collection frees whatever became garbage meanwhile, as without this (cycles among frozen
    objects wait until then: 24 MB more at the peak at 10,000 posts).

    Between those points (reading the posts, rendering the pages, whose search entries and
    cards stay), each full collection that Python runs anyway is followed by a freeze of what
    it found alive, so no object is walked by two of them: a 10,000-post build ran 17, each
    over everything kept since the last `keep()`, 1.3 s in all (0.04 s at 1,000 posts).

    Not under `mkdocs serve` (`freeze_what_is_alive` does its part there), nor when someone
    else has frozen objects: `finish()` would give theirs back too.
    """

    def __init__(self) -> None:
        self.active = False

    def start(self) -> None:
        self.finish()  # a build that ended without `finish()` (an exception MkDocs let through)
        self.active = gc.get_freeze_count() == 0
        if self.active:
            gc.callbacks.append(self._after_collection)

    def keep(self) -> None:
        if self.active:
            gc.freeze()

    def finish(self) -> None:
        while self._after_collection in gc.callbacks:
            gc.callbacks.remove(self._after_collection)
        if self.active:
            gc.unfreeze()
            self.active = False

    def _after_collection(self, phase: str, info: dict[str, int]) -> None:
        # What a full collection leaves is alive: the garbage among it has just been freed.
        if phase == "stop" and info["generation"] == _OLDEST:
            gc.freeze()
