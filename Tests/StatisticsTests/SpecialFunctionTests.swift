import XCTest

@testable import Statistics

/// ln Γ and the regularized incomplete beta against SciPy's `gammaln`, `betainc`, `betaincc`.
final class SpecialFunctionTests: XCTestCase {
    func testLogGammaMatchesSciPy() {
        var worst = 0.0
        for c in Reference.cases("log_gamma") {
            let x = c.double("x")
            worst = max(worst, assertRelative(SpecialFunctions.logGamma(x), c.double("value"), "lnΓ(\(x))"))
        }
        print("logGamma: worst relative error \(worst)")
    }

    func testLogGammaOfIntegersIsLogFactorial() {
        var factorial = 1.0
        for n in 1...20 {
            XCTAssertEqual(
                SpecialFunctions.logGamma(Double(n)), log(factorial), accuracy: 1e-13 * max(1, log(factorial)))
            factorial *= Double(n)
        }
    }

    func testIncompleteBetaAndComplementMatchSciPy() {
        var worst = 0.0
        for c in Reference.cases("incomplete_beta") {
            let (x, a, b) = (c.double("x"), c.double("a"), c.double("b"))
            let r = SpecialFunctions.regularizedIncompleteBeta(x: x, y: 1 - x, a: a, b: b)
            worst = max(worst, assertRelative(r.value, c.double("value"), "I_\(x)(\(a), \(b))"))
            worst = max(worst, assertRelative(r.complement, c.double("complement"), "1 − I_\(x)(\(a), \(b))"))
        }
        print("incomplete beta: worst relative error \(worst)")
    }

    func testIncompleteBetaEnds() {
        XCTAssertTrue(SpecialFunctions.regularizedIncompleteBeta(x: 0, y: 1, a: 2, b: 3) == (0, 1))
        XCTAssertTrue(SpecialFunctions.regularizedIncompleteBeta(x: 1, y: 0, a: 2, b: 3) == (1, 0))
        // I_x(1, 1) = x exactly in exact arithmetic.
        XCTAssertEqual(
            SpecialFunctions.regularizedIncompleteBeta(x: 0.3, y: 0.7, a: 1, b: 1).value, 0.3, accuracy: 1e-15)
    }
}
