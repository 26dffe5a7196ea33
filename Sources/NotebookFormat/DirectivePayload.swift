/// The kind-specific content of a directive.
public enum DirectivePayload: Sendable {
    case dataset(DatasetDecl)
    case model(ModelDecl)
    case train(TrainDecl)
    case evaluate(EvaluateDecl)
    case plot(PlotDecl)
    case table(TableDecl)
    case samples(SamplesDecl)
    case misclassified(MisclassifiedDecl)
    case confusion(ConfusionDecl)
    case prune(PruneDecl)
    case sweep(SweepDecl)
    case histogram(HistogramDecl)
    case compare(CompareDecl)
    case claim(ClaimDecl)
    case report(ReportDecl)
}
