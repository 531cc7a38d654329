/// An exact fraction, so that totals which are equal on paper compare equal in the tool
/// (0.1 + 0.2 == 0.3) and ties in a ranking are never an accident of floating point.
///
/// Numerator and denominator are `BigInt`s, always kept in lowest terms with a positive
/// denominator. Ordinary values stay on `BigInt`'s 128-bit fast path; a chain of products of
/// six-decimal weights and scores (a crossover between two options over fifty criteria) can
/// outgrow 128 bits, and then continues exactly in more digits instead of trapping.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Two 128-bit parts inline (every ordinary value, copied without reference counting), or
    /// a box of big parts. Canonical: a value whose parts fit (and are not `Int128.min`, so
    /// negation cannot trap) is always small, so synthesised equality and hashing are exact.
    enum Storage: Sendable, Hashable {
        case small(Int128, Int128)
        case large(Large)
    }

    /// The parts of a value beyond 128 bits.
    final class Large: Sendable, Hashable {
        let numerator: BigInt
        let denominator: BigInt

        init(_ numerator: BigInt, _ denominator: BigInt) {
            self.numerator = numerator
            self.denominator = denominator
        }

        static func == (lhs: Large, rhs: Large) -> Bool { lhs.numerator == rhs.numerator && lhs.denominator == rhs.denominator }

        func hash(into hasher: inout Hasher) {
            hasher.combine(numerator)
            hasher.combine(denominator)
        }
    }

    let storage: Storage

    public var numerator: BigInt {
        switch storage {
        case .small(let numerator, _): return BigInt(numerator)
        case .large(let large): return large.numerator
        }
    }

    public var denominator: BigInt {
        switch storage {
        case .small(_, let denominator): return BigInt(denominator)
        case .large(let large): return large.denominator
        }
    }

    /// Both parts as 128-bit integers, for code working in machine integers on values whose
    /// size validation bounds (amounts of money, six-decimal weights and scores); every such
    /// value is on the fast path.
    var bounded: (numerator: Int128, denominator: Int128) {
        guard case .small(let numerator, let denominator) = storage else {
            preconditionFailure("a validated amount, weight or score outgrew 128 bits")
        }
        return (numerator, denominator)
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public init(_ value: Int) {
        storage = .small(Int128(value), 1)
    }

    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Rational with a zero denominator")
        if numerator != .min && denominator != .min {
            self.init(reducing: numerator, denominator)
        } else {
            self.init(BigInt(numerator), BigInt(denominator))
        }
    }

    @_disfavoredOverload
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with a zero denominator")
        if let n = numerator.int128, let d = denominator.int128, n != .min, d != .min {
            self.init(reducing: n, d)
            return
        }
        let divisor = BigInt.greatestCommonDivisor(numerator, denominator)
        let sign: BigInt = denominator.isNegative ? -1 : 1
        self.init(lowestTerms: sign * numerator / divisor, sign * denominator / divisor)
    }

    /// Lowest terms of a fraction whose parts are not `Int128.min` (so negation cannot trap).
    private init(reducing numerator: Int128, _ denominator: Int128) {
        let divisor = Rational.greatestCommonDivisor(numerator, denominator)
        let sign: Int128 = denominator < 0 ? -1 : 1
        storage = .small(sign * numerator / divisor, sign * denominator / divisor)
    }

    /// Parts already in lowest terms with a positive denominator.
    private init(lowestTerms numerator: BigInt, _ denominator: BigInt) {
        if let n = numerator.int128, let d = denominator.int128, n != .min, d != .min {
            storage = .small(n, d)
        } else {
            storage = .large(Large(numerator, denominator))
        }
    }

    /// Both parts on the 128-bit fast path, or nil.
    private var small: (numerator: Int128, denominator: Int128)? {
        guard case .small(let n, let d) = storage else { return nil }
        return (n, d)
    }

    /// Most digits a decimal literal may have before or after the point, so a literal is read
    /// on the 128-bit fast path.
    public static let maximumDigits = 18

    /// Reads a decimal literal exactly as written ("12.5", "-3", "1e-2"), the way JSON numbers
    /// arrive from an appraisal file. Returns nil for text that is not a finite decimal, or that
    /// needs more than `maximumDigits` digits before or after the point.
    public init?(decimal text: String) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(mantissa[mantissa.index(after: e)...]), abs(parsed) <= Rational.maximumDigits else { return nil }
            exponent = parsed
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" {
            negative = mantissa.first == "-"
            mantissa = mantissa.dropFirst()
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty)) else {
            return nil
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        let digits = whole + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let significant = digits.drop(while: { $0 == "0" })
        guard significant.count <= Rational.maximumDigits else { return nil }
        var value: Int128 = 0
        for digit in significant { value = value * 10 + Int128(digit.wholeNumberValue!) }
        let scale = fraction.count - exponent
        if scale > 0 {
            guard scale <= Rational.maximumDigits else { return nil }
            self.init(negative ? -value : value, Rational.powerOfTen(scale))
        } else {
            guard -scale + significant.count <= Rational.maximumDigits else { return nil }
            self.init((negative ? -value : value) * Rational.powerOfTen(-scale), 1)
        }
    }

    /// Nearest Double, for charts, sampling and display; never for comparisons that decide a rank.
    public var doubleValue: Double {
        if let (n, d) = small { return Double(n) / Double(d) }
        // Scale so that the integer quotient carries 64 significant bits, then scale back.
        let shift = max(0, denominator.bitWidth - numerator.bitWidth + 64)
        let quotient = numerator.shiftedLeft(by: shift) / denominator
        return (quotient.doubleValue * Double(sign: .plus, exponent: -shift, significand: 1))
    }

    public var isZero: Bool {
        if case .small(let n, _) = storage { return n == 0 }
        return false
    }

    public var isNegative: Bool {
        switch storage {
        case .small(let n, _): return n < 0
        case .large(let large): return large.numerator.isNegative
        }
    }

    public var isInteger: Bool {
        switch storage {
        case .small(_, let d): return d == 1
        case .large(let large): return large.denominator == 1
        }
    }

    /// Number of decimal places needed to write the value exactly, or nil when it is a
    /// recurring decimal (1/3) and can only be shown rounded.
    public var terminatingDecimalPlaces: Int? {
        var rest = denominator
        var twos = 0, fives = 0
        while (rest % 2).isZero { rest = rest / 2; twos += 1 }
        while (rest % 5).isZero { rest = rest / 5; fives += 1 }
        return rest == 1 ? max(twos, fives) : nil
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// The value rounded half away from zero to `places` decimals, written with exactly that
    /// many decimals ("33.00"), so output never depends on the platform's float formatting.
    public func formatted(places: Int) -> String {
        let divisor = denominator
        let magnitude = isNegative ? -numerator : numerator
        var (whole, remainder) = BigInt.quotientAndRemainder(magnitude, divisor)
        var digits: [UInt8] = []
        for _ in 0..<max(places, 0) {
            let (digit, rest) = BigInt.quotientAndRemainder(remainder * 10, divisor)
            digits.append(UInt8(Int(exactly: digit)!))
            remainder = rest
        }
        if !(remainder * 2 < divisor) {
            var index = digits.count - 1
            while index >= 0 && digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 { digits[index] += 1 } else { whole += 1 }
        }
        let negative = isNegative && (!whole.isZero || digits.contains { $0 != 0 })
        let fraction = digits.isEmpty ? "" : "." + String(digits.map { Character(String($0)) })
        return (negative ? "-" : "") + whole.description + fraction
    }

    /// Most digits (numerator and denominator together) of a fraction the text formats show
    /// whole; a longer one cannot be read and is shown by `readableText`'s decimal instead.
    public static let readableDigits = 20

    /// The fraction as text a person can read: whole when it has at most `readableDigits`
    /// digits, else its decimal to `places` places and a pointer to where the whole fraction is.
    public func readableText(places: Int = 6) -> String {
        let text = description
        guard text.utf8.count(where: { $0 >= 48 && $0 <= 57 }) > Rational.readableDigits else { return text }
        return decimalText(maximumPlaces: places) + " (exact fraction in the JSON)"
    }

    /// Shortest exact decimal when one exists with at most `maximumPlaces` decimals, else the
    /// value rounded to that many: "12.5", "33", "0.333333".
    public func decimalText(maximumPlaces: Int = 6) -> String {
        if let places = terminatingDecimalPlaces, places <= maximumPlaces { return formatted(places: places) }
        return formatted(places: maximumPlaces)
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if let (a, b) = lhs.small, let (c, d) = rhs.small, let sum = fastSum(a, b, c, d) { return sum }
        if lhs.denominator == rhs.denominator { return Rational(lhs.numerator + rhs.numerator, lhs.denominator) }
        let divisor = BigInt.greatestCommonDivisor(lhs.denominator, rhs.denominator)
        let left = lhs.numerator * (rhs.denominator / divisor)
        let right = rhs.numerator * (lhs.denominator / divisor)
        return Rational(left + right, lhs.denominator / divisor * rhs.denominator)
    }

    /// a/b + c/d in 128 bits, or nil when an intermediate would overflow.
    private static func fastSum(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Rational? {
        if b == d {
            let (sum, overflow) = a.addingReportingOverflow(c)
            return overflow || sum == .min ? nil : Rational(reducing: sum, b)
        }
        let divisor = greatestCommonDivisor(b, d)
        let (left, o1) = a.multipliedReportingOverflow(by: d / divisor)
        let (right, o2) = c.multipliedReportingOverflow(by: b / divisor)
        let (sum, o3) = left.addingReportingOverflow(right)
        let (denominator, o4) = (b / divisor).multipliedReportingOverflow(by: d)
        if o1 || o2 || o3 || o4 || sum == .min { return nil }
        return Rational(reducing: sum, denominator)
    }

    public static prefix func - (value: Rational) -> Rational {
        switch value.storage {
        case .small(let n, let d): return Rational(storage: .small(-n, d))
        case .large(let large): return Rational(lowestTerms: -large.numerator, large.denominator)
        }
    }

    private init(storage: Storage) { self.storage = storage }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if let (a, b) = lhs.small, let (c, d) = rhs.small {
            let x = greatestCommonDivisor(a, d), y = greatestCommonDivisor(c, b)
            let (n, o1) = (a / x).multipliedReportingOverflow(by: c / y)
            let (m, o2) = (b / y).multipliedReportingOverflow(by: d / x)
            if !o1 && !o2 && n != .min { return Rational(storage: .small(n, m)) }
        }
        let a = BigInt.greatestCommonDivisor(lhs.numerator, rhs.denominator)
        let b = BigInt.greatestCommonDivisor(rhs.numerator, lhs.denominator)
        return Rational(lowestTerms: (lhs.numerator / a) * (rhs.numerator / b), (lhs.denominator / b) * (rhs.denominator / a))
    }

    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        let sign: BigInt = rhs.isNegative ? -1 : 1
        return lhs * Rational(lowestTerms: sign * rhs.denominator, sign * rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        if let (a, b) = lhs.small, let (c, d) = rhs.small {
            // Full-width products cannot overflow: compare a·d with c·b as 256-bit numbers.
            let left = a.multipliedFullWidth(by: d), right = c.multipliedFullWidth(by: b)
            return left.high != right.high ? left.high < right.high : left.low < right.low
        }
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    static func greatestCommonDivisor(_ a: Int128, _ b: Int128) -> Int128 {
        var x = a < 0 ? -a : a
        var y = b < 0 ? -b : b
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}

extension Sequence where Element == Rational {
    /// Exact sum of the values.
    public func sum() -> Rational { reduce(.zero, +) }
}
