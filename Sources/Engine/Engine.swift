// Engine module. Placeholder until the module lands.
public enum EngineModule { public static let name = "Engine" }
