"""`stepwise import`: bring a Hugo site or a Katacoda/Killercoda repository over in one command.

- `report.py`: what an import did, as IMPORT.md and as text for the terminal;
- `writer.py`: write the planned files, never over an existing one without `--force`;
- `site_config.py`: the Stepwise `mkdocs.yml` an import starts from, and merging it;
- `hugo_config.py`: read a Hugo configuration (TOML, YAML, JSON, `config/_default/`);
- `hugo_mapping.py`: Hugo settings to MkDocs settings (pure);
- `hugo_menu.py`: menus as `nav` and footer links; `hugo_addresses.py`: old addresses, links;
- `hugo_plan.py`: the files a Hugo import will write; `trial_build.py`: the build whose warnings
  the report lists;
- `hugo_content.py`: which file of `content/` and `static/` goes where (pure);
- `hugo.py`, `scenarios.py`: the two imports, tying the above together.

Nothing here writes into the source folder: every write goes through `writer.apply`, which
refuses paths outside the target folder.
"""
