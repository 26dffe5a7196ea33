import XCTest

@testable import Article

/// The fragment's style inliner: the selector subset, the cascade order, variables, and what is left out.
final class StyleInlinerTests: XCTestCase {
    private func inline(_ css: String, _ html: String, lang: String = "en") -> String {
        StyleInliner(sheet: StyleSheet(css: css, lang: lang), lang: lang).inline(html)
    }

    func testSelectorsOfTheSubsetParseAndOthersAreRefused() {
        XCTAssertEqual(CSSSelector(".toc ol ol a")?.compounds.count, 4)
        XCTAssertEqual(CSSSelector(":not(pre) > code")?.combinators, [.child])
        XCTAssertEqual(CSSSelector("tbody tr + tr td")?.combinators, [.descendant, .nextSibling, .descendant])
        XCTAssertTrue(CSSSelector("th.num")!.specificity == (1, 1))
        for refused in ["a:hover", ".author + time::before", ":is(h1, h2)", "#x", "a[href]", "p ~ p", ":root"] {
            XCTAssertNil(CSSSelector(refused), refused)
        }
    }

    func testCascadeOrderVariablesAndExistingStyle() {
        let css = """
            /* comment { x: y } */
            :root { --text: #111; --accent: #00f; }
            :root:lang(ja) { --text: #222; }
            p { color: var(--text); margin: 0; }
            .lead { color: var(--accent, red); }
            p { margin: 1em; }
            @media print { p { color: black; } }
            a:hover { color: green; }
            * { box-sizing: border-box; }
            """
        let html = ##"<div><p class="lead" style="font-size: 2em">x <a href="#y">y</a></p><p>z</p></div>"##
        XCTAssertEqual(
            inline(css, html),
            ##"<div><p style="color: #00f; margin: 1em; font-size: 2em" class="lead">x <a href="#y">y</a></p>"##
                + ##"<p style="color: #111; margin: 1em">z</p></div>"##)
        XCTAssertTrue(inline(css, "<div><p>z</p></div>", lang: "ja").contains("color: #222"))
    }

    func testStructuralSelectorsAndTheWrapperStandsForBody() {
        let css = """
            body { font-family: "Noto Sans", sans-serif; }
            .body > :first-child { margin-top: 0; }
            :not(pre) > code { background: #eee; }
            tr + tr td { border-top: 1px solid; }
            :lang(ja) h2 { word-break: auto-phrase; }
            """
        let html = """
            <div class="body"><p>a <code>b</code></p><pre><code>c</code></pre>\
            <table><tr><td>1</td></tr><tr><td>2</td></tr></table><h2>h</h2><img src="x.png"><p>d</p></div>
            """
        let out = inline(css, html)
        XCTAssertTrue(out.hasPrefix(#"<div style="font-family: &quot;Noto Sans&quot;, sans-serif" class="body">"#), out)
        XCTAssertTrue(out.contains(##"<p style="margin-top: 0">a <code style="background: #eee">b</code>"##), out)
        XCTAssertTrue(out.contains("<pre><code>c</code></pre>"), out)
        XCTAssertTrue(out.contains(##"<tr><td>1</td></tr><tr><td style="border-top: 1px solid">2</td>"##), out)
        XCTAssertTrue(out.contains("<h2>h</h2>"), "no :lang(ja) rule for an English page")
        XCTAssertTrue(out.contains(#"<img src="x.png"><p>d</p>"#), "void elements are closed, not nested into")
        XCTAssertTrue(inline(css, html, lang: "ja-JP").contains(#"<h2 style="word-break: auto-phrase">"#))
    }
}
