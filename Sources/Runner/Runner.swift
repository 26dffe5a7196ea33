// Runner module. Placeholder until the module lands.
public enum RunnerModule { public static let name = "Runner" }
