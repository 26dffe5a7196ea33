// NotebookFormat module. Placeholder until the module lands.
public enum NotebookFormatModule { public static let name = "NotebookFormat" }
