// Charts module. Placeholder until the module lands.
public enum ChartsModule { public static let name = "Charts" }
