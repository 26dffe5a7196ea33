import Foundation

extension SpecialFunctions {
    /// ln Γ(x) for x > 0, to about 1e-15 relative.
    ///
    /// Lanczos' approximation (Lanczos 1964, "A precision approximation of the gamma function",
    /// SIAM J. Numer. Anal. B 1) with γ = 671/128 and the 14 coefficients of Press, Teukolsky,
    /// Vetterling, Flannery, *Numerical Recipes*, 3rd ed., 2007, §6.1:
    ///
    ///     ln Γ(x) = (x + ½) ln(x + γ − ½) − (x + γ − ½) + ln(√(2π) · S(x) / x),
    ///     S(x) = c₀ + Σₖ cₖ / (x + k),  k = 1 … 14.
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma needs x > 0, got \(x)")
        let shifted = x + 5.242_187_5  // x + γ − ½ with γ = 671/128
        var series = 0.999_999_999_999_997_092
        for (k, c) in lanczosCoefficients.enumerated() {
            series += c / (x + Double(k + 1))
        }
        return (x + 0.5) * log(shifted) - shifted + log(2.506_628_274_631_000_5 * series / x)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    ///
    /// When the larger argument L is ≥ 20 the difference ln Γ(L) − ln Γ(L + s) (s the smaller) is
    /// taken from Stirling's series rather than by subtracting two large numbers, which would lose
    /// ln Γ(L)'s magnitude times 1e-16 (1e-9 of the result for ν = 10⁷):
    ///
    ///     ln Γ(L) − ln Γ(L+s) = −(L − ½) log1p(s/L) − s ln(L+s) + s + ω(L) − ω(L+s),
    ///     ω(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)   (DLMF 5.11.1; error < 1/(1188 z⁹)).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        let large = Swift.max(a, b)
        let small = Swift.min(a, b)
        guard large >= 20 else { return logGamma(a) + logGamma(b) - logGamma(a + b) }
        func omega(_ z: Double) -> Double {
            let w = 1 / (z * z)
            return (1.0 / 12 - w * (1.0 / 360 - w * (1.0 / 1260 - w / 1680))) / z
        }
        let difference =
            -(large - 0.5) * log1p(small / large) - small * log(large + small) + small + omega(large)
            - omega(large + small)
        return logGamma(small) + difference
    }

    private static let lanczosCoefficients: [Double] = [
        57.156_235_665_862_923_5, -59.597_960_355_475_491_2, 14.136_097_974_741_747_1,
        -0.491_913_816_097_620_199, 0.339_946_499_848_118_887e-4, 0.465_236_289_270_485_756e-4,
        -0.983_744_753_048_795_646e-4, 0.158_088_703_224_912_494e-3, -0.210_264_441_724_104_883e-3,
        0.217_439_618_115_212_643e-3, -0.164_318_106_536_763_890e-3, 0.844_182_239_838_527_433e-4,
        -0.261_908_384_015_814_087e-4, 0.368_991_826_595_316_234e-5,
    ]
}
