/* xkcd panels (xkcd/panel.py) when the comic's image cannot be loaded (offline, blocked, gone):
   instead of a broken-image icon and clipped alt text, a box of the comic's own size says so
   and names the comic; the title text stays in the caption under it.

   `error` does not bubble, so one capturing listener on `document` sees every image, including
   those of pages Material's instant navigation brings in; images that failed before this script
   ran are found on each page load. */
(function () {
  "use strict";

  var IMAGE = ".stepwise-xkcd__comic img";

  function fallBack(image) {
    var figure = image.closest(".stepwise-xkcd");
    if (!figure || figure.classList.contains("stepwise-xkcd--offline")) {
      return;
    }
    figure.classList.add("stepwise-xkcd--offline");
    var box = document.createElement("span");
    box.className = "stepwise-xkcd__offline";
    var width = parseInt(image.getAttribute("width"), 10);
    var height = parseInt(image.getAttribute("height"), 10);
    if (width > 0 && height > 0) {
      box.style.width = width + "px";
      box.style.aspectRatio = width + " / " + height;
    }
    var name = document.createElement("strong");
    name.textContent = image.getAttribute("alt") || "xkcd";
    var note = document.createElement("span");
    note.textContent = "The comic could not be loaded here. Follow this link to see it on xkcd.com.";
    box.appendChild(name);
    box.appendChild(note);
    image.hidden = true;
    image.insertAdjacentElement("afterend", box);
  }

  document.addEventListener("error", function (event) {
    var target = event.target;
    if (target instanceof HTMLImageElement && target.matches(IMAGE)) {
      fallBack(target);
    }
  }, true);

  function check() {
    document.querySelectorAll(IMAGE).forEach(function (image) {
      if (image.complete && image.naturalWidth === 0 && image.getAttribute("src")) {
        fallBack(image);
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(check);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
