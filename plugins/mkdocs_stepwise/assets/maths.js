/* Math typesetting: KaTeX (served from assets/stepwise/katex/) is loaded only on pages with
   math, that is with pymdownx.arithmatex's generic output: <span class="arithmatex">\(…\)</span>
   and <div class="arithmatex">\[…\]</div>. Runs again after Material's instant navigation. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var base = new URL("katex/", here).href;
  var loading = null;

  function loadKatex() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = base + "katex.min.css";
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = base + "katex.min.js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function typeset(node) {
    var tex = node.textContent.trim();
    var display = /^\\\[/.test(tex);
    if (!display && !/^\\\(/.test(tex)) return; // not arithmatex's generic output
    tex = tex.slice(2, -2);
    window.katex.render(tex, node, { displayMode: display, throwOnError: false });
    node.setAttribute("data-stepwise-math", "");
  }

  function render() {
    var nodes = document.querySelectorAll(".arithmatex:not([data-stepwise-math])");
    if (!nodes.length) return;
    loadKatex().then(function () {
      Array.prototype.forEach.call(nodes, typeset);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
