/// The magnitudes numbers may have, so that every total, crossover and switching value the
/// tool works out stays exact. One place for both bounds, so every reader (JSON, CSV, the
/// command line) accepts and refuses the same numbers with the same words.
public enum NumberBounds {
    /// Scores, weights, scale bounds, swing points and declared totals: ±1,000,000.
    public static let ordinary = Rational(1_000_000)
    /// Money amounts and measured levels (a capital cost, a catchment's population):
    /// ±1,000,000,000,000, above any council's budget in pence.
    public static let large = Rational(1_000_000_000_000)

    /// The bound as messages print it: "1,000,000".
    public static func text(_ bound: Rational) -> String {
        MoneyText.grouped(bound.decimalText())
    }
}
