/* Codelabs-like progress for every series: "Mark this part as done" on each part, and
   "2 of 5 done · 7 min remaining" on the landing page and in the series header.

   State lives in localStorage only (no cookies, no server), one key per part:
   "<site scope>stepwise.done:<series landing URL>|<part URL>" = "1", where both URLs are the
   site-relative URLs the templates write into data-stepwise-* attributes, and the scope is the
   site's path (Material's __md_scope), so two sites on one origin keep apart.

   Markup (templates/partials/stepwise/series-*.html):
     [data-stepwise-series]            a series container (landing list, header, footer)
       [data-stepwise-part][data-stepwise-minutes]   one part of the list
         [data-stepwise-done-mark]     shown when that part is done
       [data-stepwise-progress]        filled with the progress text
       [data-stepwise-current]         (on the container) the part this page is
         [data-stepwise-toggle]        the button that marks it done or not done */
(function () {
  "use strict";

  var PREFIX = "stepwise.done:";

  function scope() {
    var md = window.__md_scope;
    return md && md.pathname ? md.pathname : "/";
  }

  function key(series, part) {
    return scope() + PREFIX + series + "|" + part;
  }

  function isDone(series, part) {
    try {
      return window.localStorage.getItem(key(series, part)) === "1";
    } catch (error) {
      return false;
    }
  }

  function setDone(series, part, done) {
    try {
      if (done) {
        window.localStorage.setItem(key(series, part), "1");
      } else {
        window.localStorage.removeItem(key(series, part));
      }
      return true;
    } catch (error) {
      return false; /* storage disabled: the controls stay hidden */
    }
  }

  function storageWorks() {
    try {
      var probe = scope() + PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  function progressText(done, total, remaining) {
    if (total > 0 && done === total) {
      return "All " + total + " parts done";
    }
    return done + " of " + total + " done · " + remaining + " min remaining";
  }

  function render(container) {
    var series = container.getAttribute("data-stepwise-series");
    var parts = container.querySelectorAll("[data-stepwise-part]");
    var done = 0;
    var remaining = 0;
    Array.prototype.forEach.call(parts, function (item) {
      var finished = isDone(series, item.getAttribute("data-stepwise-part"));
      item.classList.toggle("stepwise-part--done", finished);
      var mark = item.querySelector("[data-stepwise-done-mark]");
      if (mark) {
        mark.hidden = !finished;
      }
      if (finished) {
        done += 1;
      } else {
        remaining += parseInt(item.getAttribute("data-stepwise-minutes"), 10) || 0;
      }
    });
    Array.prototype.forEach.call(
      container.querySelectorAll("[data-stepwise-progress]"),
      function (element) {
        element.textContent = progressText(done, parts.length, remaining);
        element.hidden = parts.length === 0;
      }
    );
    var start = container.querySelector("[data-stepwise-start]");
    if (start) {
      continueWith(start, parts, series, done);
    }
    var current = container.getAttribute("data-stepwise-current");
    if (current !== null) {
      var pressed = isDone(series, current);
      var button = container.querySelector("[data-stepwise-toggle]");
      if (button) {
        button.setAttribute("aria-pressed", String(pressed));
        button.textContent = pressed ? "Done ✓ (mark as not done)" : "Mark this part as done";
      }
      container.classList.toggle("stepwise-done--done", pressed);
      container.hidden = false;
    }
  }

  /* The landing page's main button: "Start with part 1" until a part is done, then "Continue
     with part N" (the first part not done), and "Read again from part 1" once all are. */
  function continueWith(start, parts, series, done) {
    var next = null;
    Array.prototype.some.call(parts, function (item) {
      if (!isDone(series, item.getAttribute("data-stepwise-part"))) {
        next = item;
        return true;
      }
      return false;
    });
    var target = (next || parts[0]);
    var link = target && target.querySelector("a[data-stepwise-number]");
    if (!link) {
      return;
    }
    start.href = link.href;
    if (done === 0) {
      start.textContent = "Start with part 1";
    } else if (next) {
      start.textContent = "Continue with part " + link.getAttribute("data-stepwise-number");
    } else {
      start.textContent = "Read again from part 1";
    }
  }

  function renderAll() {
    if (!storageWorks()) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-stepwise-series]"), render);
  }

  /* Delegated once: the document outlives Material's instant page changes. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-stepwise-toggle]");
    if (!button) {
      return;
    }
    var container = button.closest("[data-stepwise-current]");
    var series = container.getAttribute("data-stepwise-series");
    var part = container.getAttribute("data-stepwise-current");
    if (setDone(series, part, !isDone(series, part))) {
      renderAll();
    }
  });

  /* Another tab marked a part. */
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(PREFIX) !== -1) {
      renderAll();
    }
  });

  if (window.document$) {
    window.document$.subscribe(renderAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
