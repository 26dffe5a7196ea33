import XCTest

@testable import Article

final class CodeHighlighterTests: XCTestCase {
    func testYAMLLine() {
        XCTAssertEqual(
            CodeHighlighter.highlightLine(#"optimizer: {name: adam, learning_rate: 1e-3}  # Keras default"#, .yaml),
            #"<span class="tok-key">optimizer</span><span class="tok-punct">:</span> "#
                + #"<span class="tok-punct">{</span><span class="tok-key">name</span><span class="tok-punct">:</span> adam"#
                + #"<span class="tok-punct">,</span> <span class="tok-key">learning_rate</span><span class="tok-punct">:</span> "#
                + #"<span class="tok-num">1e-3</span><span class="tok-punct">}</span>  "#
                + #"<span class="tok-com"># Keras default</span>"#)
    }

    func testYAMLValues() {
        XCTAssertEqual(
            CodeHighlighter.highlightLine(#"  - {y: no_dropout.history.val_loss, label: "検証 <loss>"}"#, .yaml),
            #"  <span class="tok-punct">-</span> <span class="tok-punct">{</span><span class="tok-key">y</span>"#
                + #"<span class="tok-punct">:</span> no_dropout.history.val_loss<span class="tok-punct">,</span> "#
                + #"<span class="tok-key">label</span><span class="tok-punct">:</span> "#
                + #"<span class="tok-str">&quot;検証 &lt;loss&gt;&quot;</span><span class="tok-punct">}</span>"#)
        XCTAssertEqual(
            CodeHighlighter.highlightLine("shuffle: true", .yaml),
            #"<span class="tok-key">shuffle</span><span class="tok-punct">:</span> <span class="tok-bool">true</span>"#)
        XCTAssertEqual(
            CodeHighlighter.highlightLine("epochs: ${epochs}", .yaml),
            #"<span class="tok-key">epochs</span><span class="tok-punct">:</span> <span class="tok-var">${epochs}</span>"#
        )
        XCTAssertEqual(
            CodeHighlighter.highlightLine("data: mnist28x28", .yaml),
            #"<span class="tok-key">data</span><span class="tok-punct">:</span> mnist28x28"#)
        XCTAssertEqual(
            CodeHighlighter.highlightLine("rate: -0.5", .yaml),
            #"<span class="tok-key">rate</span><span class="tok-punct">:</span> <span class="tok-num">-0.5</span>"#)
    }

    func testKerasLine() {
        XCTAssertEqual(
            CodeHighlighter.highlightLine(#"Conv2D(32, 3, activation="relu", use_bias=True)"#, .keras),
            #"<span class="tok-layer">Conv2D</span><span class="tok-punct">(</span><span class="tok-num">32</span>"#
                + #"<span class="tok-punct">,</span> <span class="tok-num">3</span><span class="tok-punct">,</span> "#
                + #"<span class="tok-arg">activation</span><span class="tok-punct">=</span><span class="tok-str">&quot;relu&quot;</span>"#
                + #"<span class="tok-punct">,</span> <span class="tok-arg">use_bias</span><span class="tok-punct">=</span>"#
                + #"<span class="tok-bool">True</span><span class="tok-punct">)</span>"#)
    }

    func testFenceAndOptionLines() {
        let html = CodeHighlighter.highlight("```{train} no_dropout\n#| echo: true\nepochs: 20\n```\n", kind: "train")
        XCTAssertEqual(
            html,
            #"<span class="tok-fence">```</span><span class="tok-fence">{</span><span class="tok-kind">train</span>"#
                + #"<span class="tok-fence">}</span> <span class="tok-id">no_dropout</span>"# + "\n"
                + #"<span class="tok-key">epochs</span><span class="tok-punct">:</span> <span class="tok-num">20</span>"#
                + "\n"
                + #"<span class="tok-fence">```</span>"#)
    }
}
