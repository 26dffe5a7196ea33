import Foundation
import NotebookFormat

/// The words nbrun writes into figures and tables, in the article's language (``Language``
/// decides it from the front matter's `lang:`; the page's own words are Article's `ArticleLocale`).
struct Wording {
    let language: Language

    init(lang: String) { language = Language(tag: lang) }

    // MARK: figures

    /// Caption of a misclassified image: its true and predicted class.
    func misclassified(truth: String, guess: String) -> String {
        language.pick(ja: "正解 \(truth) / 予測 \(guess)", en: "true \(truth) / pred \(guess)")
    }

    /// What stands in a misclassified grid's place when the model got every image right.
    func noMisclassified(images: Int) -> String {
        language.pick(
            ja: "誤分類された画像はありません (\(images) 枚すべて正解)",
            en: "no misclassified images (all \(images) classified correctly)")
    }

    var predictedLabel: String { language.pick(ja: "予測ラベル", en: "predicted label") }
    var trueLabel: String { language.pick(ja: "正解ラベル", en: "true label") }
    var imageCount: String { language.pick(ja: "枚数", en: "count") }
    var weightValue: String { language.pick(ja: "重みの値", en: "weight value") }
    var weightCount: String { language.pick(ja: "個数", en: "count") }

    /// The two series of a weight histogram: before pruning, after pruning to `percent`.
    func histogramSeries(percent: String, fineTuned: Bool) -> [String] {
        language.pick(
            ja: ["剪定前", "剪定後 (\(percent)\(fineTuned ? "、再学習後" : ""))"],
            en: ["before pruning", "after pruning to \(percent)\(fineTuned ? ", fine-tuned" : "")"])
    }

    // MARK: tables

    /// Column headings of a prune's table, one `of which <layer>` per kernel layer.
    func pruneColumns(layers: [String], fineTuned: Bool) -> [String] {
        switch language {
        case .japanese:
            return ["スパース率", "残った重み"] + layers.map { "うち \($0)" }
                + ["テスト精度(剪定直後)"] + (fineTuned ? ["テスト精度(再学習後)"] : [])
                + ["ファイル(剪定後は CSR)", "その zlib 圧縮", "密のまま zlib 圧縮", "推論 密 [ms]", "推論 疎 [ms]"]
        case .english:
            return ["sparsity", "weights left"] + layers.map { "of which \($0)" }
                + ["test accuracy (pruned)"] + (fineTuned ? ["test accuracy (fine-tuned)"] : [])
                + [
                    "file (CSR when pruned)", "file + zlib", "dense + zlib", "latency dense [ms]",
                    "latency sparse [ms]",
                ]
        }
    }

    /// Column headings of a sweep's table after the varied setting.
    func sweepColumns(validation: Bool) -> [String] {
        switch language {
        case .japanese:
            return ["訓練精度(最終)"] + (validation ? ["検証精度(最終)", "最小の検証損失", "そのエポック", "検証損失(最終)"] : [])
                + ["テスト精度"]
        case .english:
            return ["train accuracy (last)"]
                + (validation ? ["val accuracy (last)", "min val loss", "epoch", "val loss (last)"] : [])
                + ["test accuracy"]
        }
    }
}
