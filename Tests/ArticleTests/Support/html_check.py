#!/usr/bin/env python3
"""Strict-ish HTML5 well-formedness check for nbrun article pages (python3 standard library only).

Usage: html_check.py PAGE.html   -> prints one problem per line, exits 1 when there is any.

Checks: a doctype; known HTML5 element names; every non-void element closed in order (no implied
end tags, which our generator never relies on); no end tag for void elements; no duplicate attributes;
unique ids; every "#fragment" href points at an existing id; character references are known;
no block element inside <p>; <li> only in lists; table rows only in table sections.
"""
import html.entities
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
KNOWN = VOID | {
    "html", "head", "body", "title", "style", "script", "noscript", "header", "footer", "main", "nav", "section",
    "article", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "a", "em", "strong", "del", "s",
    "code", "pre", "kbd", "samp", "sub", "sup", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "blockquote", "time", "details",
    "summary", "small", "mark", "abbr", "q", "cite", "i", "b", "u", "picture", "svg", "path", "input", "label",
}
BLOCK = {"div", "p", "ul", "ol", "dl", "table", "pre", "figure", "section", "nav", "header", "footer", "main",
         "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "details", "hr"}
ROW_PARENTS = {"thead", "tbody", "tfoot", "table"}


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack = []
        self.problems = []
        self.ids = {}
        self.fragments = []
        self.doctype = False

    def where(self):
        line, col = self.getpos()
        return f"{line}:{col + 1}"

    def problem(self, message):
        self.problems.append(f"{self.where()}: {message}")

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        self.check_start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_start(tag, attrs)
        if tag not in VOID:
            self.problem(f"self-closing non-void element <{tag}/>")

    def check_start(self, tag, attrs):
        if tag not in KNOWN:
            self.problem(f"unknown element <{tag}>")
        names = [name for name, _ in attrs]
        for name in set(names):
            if names.count(name) > 1:
                self.problem(f"duplicate attribute {name} on <{tag}>")
        values = dict(attrs)
        if "id" in values:
            ident = values["id"] or ""
            if not ident or re.search(r"\s", ident):
                self.problem(f"invalid id {ident!r}")
            if ident in self.ids:
                self.problem(f"duplicate id {ident!r} (first at {self.ids[ident]})")
            self.ids[ident] = self.where()
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.fragments.append((self.where(), values["href"][1:]))
        if tag == "img":
            for required in ("src", "alt"):
                if required not in values:
                    self.problem(f"<img> without {required}")
        parent = self.stack[-1] if self.stack else None
        if parent == "p" and tag in BLOCK:
            self.problem(f"<{tag}> inside <p>")
        if tag == "li" and parent not in {"ul", "ol"}:
            self.problem(f"<li> inside <{parent}>")
        if tag == "tr" and parent not in ROW_PARENTS:
            self.problem(f"<tr> inside <{parent}>")
        if tag in {"td", "th"} and parent != "tr":
            self.problem(f"<{tag}> inside <{parent}>")
        if tag in {"dt", "dd"} and parent not in {"dl", "div"}:
            self.problem(f"<{tag}> inside <{parent}>")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem(f"end tag for void element </{tag}>")
            return
        if not self.stack:
            self.problem(f"stray end tag </{tag}>")
            return
        if self.stack[-1] != tag:
            self.problem(f"</{tag}> closes <{self.stack[-1]}> (open: {' > '.join(self.stack)})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_entityref(self, name):
        if name not in html.entities.name2codepoint:
            self.problem(f"unknown character reference &{name};")

    def handle_charref(self, name):
        try:
            int(name[1:], 16) if name[:1] in "xX" else int(name)
        except ValueError:
            self.problem(f"bad numeric character reference &#{name};")

    def handle_data(self, data):
        # A bare '&' followed by a name and ';' is parsed as a reference above; catch '&' that starts
        # something that looks like a reference but is not terminated.
        if re.search(r"&[A-Za-z]+[^A-Za-z;]", data):
            self.problem("unescaped '&' before a name")

    def finish(self):
        if not self.doctype:
            self.problems.append("missing <!DOCTYPE html>")
        if self.stack:
            self.problems.append(f"unclosed elements at end: {' > '.join(self.stack)}")
        for where, fragment in self.fragments:
            if fragment not in self.ids:
                self.problems.append(f"{where}: link to #{fragment} but no element has that id")


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    checker.finish()
    for line in checker.problems:
        print(line)
    sys.exit(1 if checker.problems else 0)


if __name__ == "__main__":
    main()
