/// Special functions behind the Student t distribution, in Double precision.
///
/// `logGamma` (Lanczos) and `regularizedIncompleteBeta` (continued fraction evaluated with the
/// modified Lentz method) live in `SpecialFunctions+LogGamma.swift` and
/// `SpecialFunctions+IncompleteBeta.swift`.
public enum SpecialFunctions {}
