import Article
import Foundation

/// Documents used by the tests: a small Japanese article shaped like the dropout blog post.
enum SampleDocuments {
    static let summaryRows = [
        ModelSummaryRow(layer: "conv2d (Conv2D)", outputShape: "(None, 26, 26, 32)", parameters: 320),
        ModelSummaryRow(layer: "max_pooling2d (MaxPooling2D)", outputShape: "(None, 13, 13, 32)", parameters: 0),
        ModelSummaryRow(layer: "flatten (Flatten)", outputShape: "(None, 5408)", parameters: 0),
        ModelSummaryRow(layer: "dense (Dense)", outputShape: "(None, 128)", parameters: 692_352),
        ModelSummaryRow(layer: "dense_1 (Dense)", outputShape: "(None, 10)", parameters: 1_290),
    ]

    static func japanese(
        accuracyPNG: Data = TinyPNG.make(width: 8, height: 6),
        lossPNG: Data = TinyPNG.make(width: 8, height: 6, shade: 40)
    ) -> ArticleDocument {
        ArticleDocument(
            title: "Dropoutはなぜ必要?効果を実験で見てみよう",
            author: "SHOU",
            date: "2025-06-01",
            lang: "ja",
            blocks: [
                .markdown(
                    """
                    ## はじめに

                    過学習を抑える手法として **Dropout** を試します。結果は @fig-acc と @fig-loss、\
                    数値は @tbl-results にまとめました。連絡先: shou@example.com

                    ## モデル

                    ### Dropoutなし

                    `@fig-acc` はコードの中なので置き換えません。
                    """),
                .code(
                    CodeEcho(
                        kind: "model", id: "no_dropout",
                        source: """
                            ```{model} no_dropout
                            Input(shape=(28, 28, 1))
                            Conv2D(32, 3, activation="relu")
                            Dense(10, activation="softmax")
                            ```
                            """)),
                .modelSummary(ModelSummary(modelName: "no_dropout", rows: summaryRows, totalParameters: 693_962)),
                .code(
                    CodeEcho(
                        kind: "train", id: "no_dropout",
                        source: """
                            ```{train} no_dropout
                            #| echo: true
                            data: mnist
                            optimizer: {name: adam, learning_rate: 1e-3}
                            epochs: ${epochs}   # 20 回
                            validation_split: 0.2
                            ```
                            """, folded: true)),
                .code(CodeEcho(kind: "train", id: "hidden", source: "epochs: 1", echo: false)),
                .markdown("## 結果\n\n精度の推移を図にしました(-@fig-acc 番の図)。"),
                .figure(
                    Figure(
                        label: "fig-acc", caption: "精度の推移(**訓練**と検証)", fileName: "accuracy.png",
                        png: accuracyPNG, alt: "エポックごとの精度", pixelWidth: 8, pixelHeight: 6,
                        displayWidth: 4)),
                .figure(
                    Figure(
                        label: "fig-loss", caption: "損失の推移。@fig-acc と比べてください",
                        fileName: "loss.png", png: lossPNG, alt: "エポックごとの損失",
                        pixelWidth: 8, pixelHeight: 6)),
                .table(
                    ResultTable(
                        label: "tbl-results", caption: "最終エポックの値",
                        columns: ["モデル", "val_loss", "val_accuracy"],
                        rows: [["Dropoutなし", "0.0962", "98.66%"], ["Dropoutあり", "0.0709", "98.72%"]],
                        numericColumns: [1, 2])),
                .markdown("### まとめ\n\n[@tbl-results] の通り、Dropout ありの方が val_loss が低くなりました。"),
            ],
            provenance: [
                ProvenanceItem(label: "Seed", value: "0"),
                ProvenanceItem(
                    label: "mnist_train.csv SHA-256",
                    value: "06e64b0bf65de89c522348319ce5f63f43fb1cb40e1ce3c2ff43c1d3b8a0e14c"),
                ProvenanceItem(label: "Threads", value: "2"),
            ])
    }
}
