"""Shortcodes in a real MkDocs + Material build with the stepwise plugin."""

from __future__ import annotations

POST = """
# Post

{{% alert info %}}
Read [the guide]({{< ref "guide" >}}) first, then [setup]({{< relref "/setup.md#install" >}}).
{{% /alert %}}

{{< figure src="/images/cat.png" title="Cat" >}}

{{< codeblock "hello.py" "python" >}}
print("hi")
{{< /codeblock >}}

{{< tabbed-codeblock "Both" >}}
<!-- tab py -->
print(1)
<!-- endtab -->
<!-- tab sh -->
echo 1
<!-- endtab -->
{{< /tabbed-codeblock >}}
"""

FILES: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "setup.md": "# Setup\n\n## Install\n",
    "posts/post.md": POST,
    "posts/guide.md": "# Guide\n",
    "images/cat.png": b"\x89PNG\r\n\x1a\n",
}


def test_shortcodes_in_a_strict_build(build) -> None:
    site = build(FILES)
    page = site.html("posts/post/")
    alert = page.select_one("div.admonition.info.stepwise-alert")
    assert [a["href"] for a in alert.find_all("a")] == ["../guide/", "../../setup/#install"]
    assert page.select_one("figure img")["src"] == "../../images/cat.png"
    assert page.select_one("span.filename").get_text() == "hello.py"
    labels = page.select(".tabbed-set.tabbed-alternate .tabbed-labels label")
    assert [label.get_text() for label in labels] == ["py", "sh"]
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "../../assets/stepwise/shortcodes.css" in stylesheets
    assert site.exists("assets/stepwise/shortcodes.css")


def test_unknown_shortcode_warns_with_file_and_line(build, plugin_warnings) -> None:
    site = build({"index.md": "# Home\n\n{{< tweet 1 >}}\n"}, strict=False)
    plugin_warnings.expect(r"^index\.md:3: unknown shortcode `tweet`: shown as written$")
    assert site.html("").select_one("code.stepwise-shortcode-unrendered").get_text() == (
        "{{< tweet 1 >}}"
    )


# With the plugin's defaults SuperFences keeps tabs (`preserve_tabs`): it takes fenced blocks
# out before Python-Markdown expands tabs, and they must be back before shortcodes are read.
FENCES_IN_SHORTCODES = """
# Fences

Write a table of contents as:

```text
{{</* toc */>}}
```

{{% alert info %}}
Make it:

```make
all:
\techo done
```
{{% /alert %}}

After.
"""


def test_fences_with_shortcodes_read_as_hugo_reads_them(build) -> None:
    site = build({"index.md": "# Home\n", "fences.md": FENCES_IN_SHORTCODES})
    page = site.html("fences/")
    blocks = [code.get_text() for code in page.select("article pre code")]
    # Hugo's escape shows the call; the alert holds its code block, tab kept.
    assert blocks == ["{{< toc >}}\n", "all:\n\techo done\n"]
    alert = page.select_one("div.admonition.info.stepwise-alert")
    assert alert is not None and alert.select_one("pre code") is not None
    assert "echo" not in page.select("article > p")[-1].get_text()  # nothing spilled out
