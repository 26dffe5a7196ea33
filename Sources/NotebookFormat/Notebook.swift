import Foundation
import Vocabulary

/// A parsed and checked notebook: front matter, then prose and directives in reading order.
public struct Notebook: Sendable {
    public let file: URL
    public let frontMatter: FrontMatter
    public let blocks: [NotebookBlock]
    /// Things that parse but are probably not meant (`file:line:col: warning: ...`), e.g. a code block never closed.
    public var warnings: [String] = []

    public init(file: URL, frontMatter: FrontMatter, blocks: [NotebookBlock]) {
        self.file = file
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The directives in reading order.
    public var directives: [Directive] {
        blocks.compactMap {
            if case .directive(let d) = $0 { return d }
            return nil
        }
    }

    /// The prose blocks in reading order.
    public var prose: [Prose] {
        blocks.compactMap {
            if case .prose(let p) = $0 { return p }
            return nil
        }
    }

    /// The directive whose values `id` names in expressions. When a `train` shares its id
    /// with the `model` it trains, that is the `train`.
    public func directive(_ id: String) -> Directive? {
        let matches = directives.filter { $0.id == id }
        return matches.first(where: { $0.kind != .model }) ?? matches.first
    }

    /// The directive of `kind` with `id`.
    public func directive(_ id: String, kind: DirectiveKind) -> Directive? {
        directives.first { $0.id == id && $0.kind == kind }
    }

    /// The directives `directive` uses, resolved by kind (a train's model, its data set...).
    public func dependencies(of directive: Directive) -> [Directive] {
        directive.references.compactMap { self.directive($0.id, kind: $0.kind) }
    }

    /// Values a directive offers to expressions, by dotted member path (`history.val_loss`).
    public func values(of id: String) -> [String: ProducedValue] {
        guard let d = directive(id) else { return [:] }
        let train = { (trainID: String) -> TrainDecl? in
            if case .train(let t)? = self.directive(trainID, kind: .train)?.payload { return t }
            return nil
        }
        let model = { (modelID: String) -> ModelDecl? in
            if case .model(let m)? = self.directive(modelID, kind: .model)?.payload { return m }
            return nil
        }
        return NotebookChecker.values(of: d.kind, payload: d.payload, train: train, model: model)
    }
}

/// A resolved use of another directive: its id and kind.
public struct DirectiveReference: Equatable, Hashable, Sendable {
    public let id: String
    public let kind: DirectiveKind
    public init(id: String, kind: DirectiveKind) {
        self.id = id
        self.kind = kind
    }
}
