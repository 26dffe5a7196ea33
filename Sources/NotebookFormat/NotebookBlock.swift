/// A notebook in reading order is prose and directives, alternating.
public enum NotebookBlock: Sendable {
    case prose(Prose)
    case directive(Directive)
}
