// Datasets module. Placeholder until the module lands.
public enum DatasetsModule { public static let name = "Datasets" }
