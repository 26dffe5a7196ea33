// Article module. Placeholder until the module lands.
public enum ArticleModule { public static let name = "Article" }
