/*
 * Stepwise: clickable commands (Katacoda's {{execute}}, {{copy}}, {{open}} markers).
 *
 * The Markdown extension leaves classes on the code (see execute_markers.py):
 *   .stepwise-execute / .stepwise-copy / .stepwise-open      what a click does
 *   .stepwise-terminal-N, .stepwise-host-N, .stepwise-interrupt, .stepwise-ctrl-seq, ...
 * Fenced blocks also carry .no-copy, so Material adds no copy button; this script adds exactly
 * one. Katacoda's raw <pre class="file" data-filename=... data-target=...> becomes a file block.
 *
 * Clicks and keys are handled by listeners on `document`, which survives Material's instant
 * navigation; only the per-page decoration runs again on every `document$` emission.
 *
 * For readers: a block's one Tab stop is its Copy button, named after the command ("Copy: pip
 * install virtualenv"); the header and the button copy on a click, the code stays text to read
 * and select. Without JavaScript none of this exists and the code is a plain code block.
 */
(function () {
  "use strict";

  var READY = "stepwiseReady";
  var MARKED_SELECTOR = ".stepwise-execute, .stepwise-copy, .stepwise-open";
  var NOT_COMMAND = ".linenos, .filename";
  var FEEDBACK_MS = 1800;

  var ICONS = {
    terminal: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M20 19V7H4v12h16m0-16a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h16m-7 14v-2h5v2h-5m-3.42-4L5.57 9H8.4l3.3 3.3c.39.39.39 1.03 0 1.42L8.42 17H5.59l4-4Z"/></svg>',
    copy: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>',
    file: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M13 9V3.5L18.5 9M6 2c-1.11 0-2 .89-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6H6Z"/></svg>'
  };

  /* ---- reading the command ------------------------------------------------------------- */

  function classNumber(element, prefix) {
    var pattern = new RegExp("(?:^|\\s)" + prefix + "(\\d+)(?:\\s|$)");
    var found = pattern.exec(element.className);
    return found ? Number(found[1]) : null;
  }

  /* The same rules as execute/commands.py: prompts (.gp) and output (.go) of a console block
   * are not the command, unless the block has no prompt at all (then it is all command); lines
   * left with nothing but removed output go, and so do trailing blank lines and a "$ " that
   * starts every line. REMOVED marks where prompt or output was. */
  var REMOVED = "\u0000";

  function cleanCommand(text) {
    var lines = text.split("\n").filter(function (line) {
      return line.indexOf(REMOVED) < 0 || line.split(REMOVED).join("").trim() !== "";
    }).map(function (line) { return line.split(REMOVED).join(""); });
    lines = lines.join("\n").replace(/\s+$/, "").split("\n");
    var prompted = lines.every(function (line) {
      return !line.trim() || line.indexOf("$ ") === 0;
    });
    if (prompted) {
      lines = lines.map(function (line) { return line.indexOf("$ ") === 0 ? line.slice(2) : line; });
    }
    return lines.join("\n");
  }

  /** The text of `element`'s code, without prompts, output, line numbers and titles. */
  function commandText(element) {
    var code = element.tagName === "CODE" ? element : element.querySelector("code") || element;
    var copy = code.cloneNode(true);
    copy.querySelectorAll(NOT_COMMAND).forEach(function (node) { node.remove(); });
    var prompts = copy.querySelectorAll(".gp");
    if (prompts.length) {
      prompts.forEach(function (node) { node.replaceWith(REMOVED); });
      copy.querySelectorAll(".go").forEach(function (node) { node.replaceWith(REMOVED); });
    }
    return cleanCommand(copy.textContent);
  }

  /* ---- the clipboard --------------------------------------------------------------------- */

  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } finally {
      area.remove();
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithTextarea(text); });
    }
    return copyWithTextarea(text);
  }

  /* ---- feedback -------------------------------------------------------------------------- */

  var liveRegion = null;

  function announce(message) {
    if (!liveRegion || !document.body.contains(liveRegion)) {
      liveRegion = document.createElement("div");
      liveRegion.className = "stepwise-live";
      liveRegion.setAttribute("role", "status");
      liveRegion.setAttribute("aria-live", "polite");
      document.body.appendChild(liveRegion);
    }
    liveRegion.textContent = "";
    liveRegion.textContent = message;
  }

  /** Show `message` on `target` (a button shows it as its label, anything else as a state). */
  function flash(target, message, ok) {
    var label = target.classList.contains("stepwise-button") ?
      target.querySelector(".stepwise-button__label") : null;
    if (label) {
      if (!target.dataset.stepwiseLabel) target.dataset.stepwiseLabel = label.textContent;
      label.textContent = message;
    }
    target.classList.toggle("stepwise-copied", ok);
    target.classList.toggle("stepwise-failed", !ok);
    target.setAttribute("data-stepwise-feedback", message);
    clearTimeout(target.stepwiseTimer);
    target.stepwiseTimer = setTimeout(function () {
      if (label) label.textContent = target.dataset.stepwiseLabel;
      target.classList.remove("stepwise-copied", "stepwise-failed");
      target.removeAttribute("data-stepwise-feedback");
    }, FEEDBACK_MS);
    announce(message);
  }

  function copyFrom(source, feedbackTargets) {
    var text = source.stepwiseText ? source.stepwiseText() : commandText(source);
    if (!text) {  // never put an empty string on the clipboard and call it copied
      feedbackTargets.forEach(function (t) { flash(t, "Nothing to copy", false); });
      return;
    }
    copyText(text).then(
      function () { feedbackTargets.forEach(function (t) { flash(t, "Copied", true); }); },
      function () { feedbackTargets.forEach(function (t) { flash(t, "Copy failed", false); }); }
    );
  }

  /* ---- decoration ------------------------------------------------------------------------ */

  /**
   * A copy button. Its label sits in a grid cell with an invisible "Copied" under it, so the
   * button keeps its width when the label changes.
   */
  function makeButton(label, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "stepwise-button";
    button.title = title;
    button.innerHTML = ICONS.copy + '<span class="stepwise-button__text">' +
      '<span class="stepwise-button__label"></span>' +
      '<span class="stepwise-button__sizer" aria-hidden="true">Copied</span></span>';
    button.querySelector(".stepwise-button__label").textContent = label;
    return button;
  }

  /** "Copy: pip install virtualenv": what a screen reader says for a block's one tab stop. */
  function accessibleName(verb, text) {
    var first = text.split("\n")[0].trim();
    if (first.length > 80) first = first.slice(0, 77) + "…";
    var more = text.indexOf("\n") !== -1 ? " (and more lines)" : "";
    return first ? verb + ": " + first + more : verb;
  }

  function makeSpan(className, text) {
    var span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  /** Label, badge and note for a marked element. */
  function describe(element) {
    var cls = element.classList;
    var terminal = classNumber(element, "stepwise-terminal-");
    var host = classNumber(element, "stepwise-host-");
    var kind = cls.contains("stepwise-execute") ? "execute" : cls.contains("stepwise-open") ? "open" : "copy";
    var badge = null;
    if (host !== null) badge = "Host " + host;
    if (terminal !== null) badge = (badge ? badge + ", " : "") + "Terminal " + terminal;
    var label = kind === "execute" ? "Run in terminal" : kind === "open" ? "File" : "Copy";
    var place = "";
    if (terminal !== null) place += " in Terminal " + terminal;
    if (host !== null) place += " on Host " + host;
    var note = null;
    if (kind === "execute" && cls.contains("stepwise-ctrl-seq")) {
      label = "Press " + keyNames(commandText(element)) + place;
    } else if (kind === "execute" && cls.contains("stepwise-interrupt")) {
      note = "Press Ctrl+C" + place + " first to stop what is running, then run this.";
    } else if (kind === "execute" && cls.contains("stepwise-no-newline")) {
      note = "Type this without pressing Enter.";
    }
    return { kind: kind, label: label, badge: badge, note: note };
  }

  /** `^C` -> "Ctrl+C", `^ESC` -> "Esc" (as execute/keys.py renders inline keystrokes). */
  function keyNames(text) {
    text = text.trim();
    if (text.charAt(0) !== "^" || text.length < 2) return text;
    var rest = text.slice(1);
    if (/^(esc|escape|\[)$/i.test(rest)) return "Esc";
    return rest.length === 1 ? "Ctrl+" + rest.toUpperCase() : text;
  }

  /**
   * The block's one tab stop is its Copy button, named after the command; the code stays plain,
   * selectable text. A click on the header copies too; a click in the code does not, so a double
   * click selects a word as anywhere else. Without `sourceTitle` (keystrokes) there is no button.
   */
  function decorateBlock(block, info, sourceTitle, text) {
    var wrapper = document.createElement("div");
    wrapper.className = "stepwise-block stepwise-block--" + info.kind;

    var header = document.createElement("div");
    header.className = "stepwise-block__header";
    var icon = document.createElement("span");
    icon.className = "stepwise-block__icon";
    icon.innerHTML = info.kind === "execute" ? ICONS.terminal : info.kind === "copy" ? ICONS.copy : ICONS.file;
    header.appendChild(icon);
    header.appendChild(makeSpan("stepwise-block__label", info.label));
    if (info.badge) header.appendChild(makeSpan("stepwise-badge", info.badge));
    if (sourceTitle) {
      var button = makeButton("Copy", sourceTitle);
      button.classList.add("stepwise-block__button");
      var where = info.badge ? " (" + info.badge + ")" : "";
      button.setAttribute("aria-label", accessibleName("Copy", text) + where);
      header.appendChild(button);
    }

    block.parentNode.insertBefore(wrapper, block);
    wrapper.appendChild(header);
    if (info.note) {
      var note = makeSpan("stepwise-block__note", info.note);
      note.setAttribute("role", "note");
      wrapper.appendChild(note);
    }
    wrapper.appendChild(block);
    return wrapper;
  }

  /**
   * A marked fence: with Pygments the classes sit on the `div.highlight`, without it on the
   * `code` inside `pre`. `marked` carries the classes; the wrapper goes around `block`.
   */
  function enhanceBlock(marked, block) {
    if (block.dataset[READY] || block.closest(".stepwise-block")) return;
    block.dataset[READY] = "1";
    var info = describe(marked);
    if (marked.classList.contains("stepwise-ctrl-seq")) {
      // Keystrokes for a terminal: an instruction to read, nothing to copy.
      decorateBlock(block, info, null, "");
      return;
    }
    var wrapper = decorateBlock(block, info, info.kind === "execute" ? "Copy command" : "Copy to clipboard",
      commandText(marked));
    wrapper.stepwiseSource = block;
  }

  /** Katacoda's file blocks: <pre class="file" data-filename="app.js" data-target="append">. */
  function fileAction(pre) {
    var name = pre.getAttribute("data-filename");
    var target = (pre.getAttribute("data-target") || "").toLowerCase();
    var marker = pre.getAttribute("data-marker");
    if (!name || target === "clipboard") return "Copy";
    switch (target) {
      case "append": return "Append to " + name;
      case "prepend": return "Prepend to " + name;
      case "insert": return marker ? "Insert at " + marker + " in " + name : "Insert into " + name;
      default: return "Replace " + name; // "replace", or no target: Katacoda's default
    }
  }

  function enhanceFile(pre) {
    if (pre.dataset[READY] || pre.closest(".stepwise-block")) return;
    pre.dataset[READY] = "1";
    pre.classList.add("stepwise-file");
    var label = fileAction(pre);
    // The browser already drops the newline right after <pre>; Katacoda's sources often add one.
    pre.stepwiseText = function () { return pre.textContent.replace(/^\n/, "").replace(/\s+$/, ""); };
    var wrapper = decorateBlock(pre, { kind: label === "Copy" ? "copy" : "file", label: label, badge: null, note: null },
      "Copy file contents", label === "Copy" ? pre.stepwiseText() : label);
    wrapper.stepwiseSource = pre;
  }

  function enhanceChip(code) {
    if (code.dataset[READY]) return;
    code.dataset[READY] = "1";
    var info = describe(code);
    code.classList.add("stepwise-chip");
    code.tabIndex = 0;
    code.setAttribute("role", "button");
    code.setAttribute("aria-label", accessibleName("Copy", commandText(code)) +
      (info.badge ? " (" + info.badge + ")" : ""));
    code.title = info.kind === "execute" ?
      "Copy command" + (info.badge ? " (" + info.badge + ")" : "") + (info.note ? ". " + info.note : "") :
      "Copy to clipboard";
    // What a block shows in its header, a chip shows next to it: the terminal, and Ctrl+C first.
    if (info.note && code.classList.contains("stepwise-interrupt")) {
      var terminal = classNumber(code, "stepwise-terminal-");
      var where = terminal !== null ? " in Terminal " + terminal : "";
      code.insertAdjacentElement("beforebegin", makeSpan("stepwise-chip-note", "Ctrl+C" + where + " first, then"));
    }
    if (info.badge) code.insertAdjacentElement("afterend", makeSpan("stepwise-chip-badge", info.badge));
  }

  /** The commands "Copy all" copies: execute blocks and chips, in page order, no keystrokes. */
  function pageCommands(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll(".stepwise-execute"),
      function (el) { return !el.classList.contains("stepwise-ctrl-seq"); }
    ).map(commandText);
  }

  function addCopyAll(content) {
    if (!content || content.querySelector(".stepwise-copy-all")) return;
    var commands = pageCommands(content);
    if (commands.length === 0) return;
    var bar = document.createElement("div");
    bar.className = "stepwise-copy-all";
    var label = commands.length === 1 ? "Copy the command" : "Copy all " + commands.length + " commands";
    var button = makeButton(label, "Copy every command on this page, in order, as one script");
    button.classList.add("stepwise-copy-all__button");
    button.stepwiseText = function () { return pageCommands(content).join("\n"); };
    bar.appendChild(button);
    // Under the title, and under the post's date line when it has one.
    var heading = content.querySelector(":scope > h1");
    var meta = heading && heading.nextElementSibling;
    if (meta && meta.classList.contains("stepwise-post-meta")) heading = meta;
    if (heading) heading.insertAdjacentElement("afterend", bar);
    else content.insertBefore(bar, content.firstChild);
  }

  function enhance(marked) {
    if (marked.classList.contains("stepwise-keys")) return; // keystrokes: read, not copied
    var isCode = marked.tagName === "CODE";
    if (isCode && marked.parentElement && marked.parentElement.tagName === "PRE") {
      enhanceBlock(marked, marked.parentElement.closest(".highlight") || marked.parentElement);
    } else if (!isCode) {
      enhanceBlock(marked, marked);
    } else if (!marked.classList.contains("stepwise-open")) {
      enhanceChip(marked);
    }
  }

  function init() {
    document.querySelectorAll(MARKED_SELECTOR).forEach(enhance);
    document.querySelectorAll("pre.file").forEach(enhanceFile);
    addCopyAll(document.querySelector(".md-content__inner"));
  }

  /* ---- events (registered once) ---------------------------------------------------------- */

  function activate(target) {
    var button = target.closest(".stepwise-button");
    if (button && button.stepwiseText) {
      copyFrom(button, [button]);
      return true;
    }
    var header = target.closest(".stepwise-block__header");
    var block = header && header.closest(".stepwise-block");
    if (block && block.stepwiseSource) {
      var blockButton = block.querySelector(".stepwise-block__header .stepwise-button");
      copyFrom(block.stepwiseSource, [block, blockButton]);
      return true;
    }
    var chip = target.closest("code.stepwise-chip");
    if (chip) {
      copyFrom(chip, [chip]);
      return true;
    }
    return false;
  }

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) return;
    // Selecting text inside a block to copy part of it by hand is not a click on the block.
    var selection = window.getSelection();
    if (selection && !selection.isCollapsed && !event.target.closest(".stepwise-button")) return;
    if (event.target.closest("a")) return;
    activate(event.target);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var target = event.target;
    if (!(target instanceof Element) || target.closest("button")) return; // buttons click natively
    if (target.matches("code.stepwise-chip") && activate(target)) {
      event.preventDefault();
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
