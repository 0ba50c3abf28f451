"""`stepwise check`: run a series the way a reader would, and say which step breaks.

- `collect` builds the site in-process and takes each series' parts and steps from the plugin;
- `plan` holds the pure rules (which records are steps, where they are written, `check:` front
  matter, which commands are watchers);
- `terminal` and `sandbox` are the reader's shells and the throw-away place they run in;
- `runner` runs the parts in order; `report` writes the summary and JUnit XML;
- `command` is the command line (`stepwise check --help`).
"""
