/// An exact fraction, so that totals which are equal on paper compare equal in the tool
/// (0.1 + 0.2 == 0.3) and ties in a ranking are never an accident of floating point.
///
/// Numerator and denominator are 128-bit and always kept in lowest terms with a positive
/// denominator. Appraisal numbers are validated to at most six decimal places and a magnitude
/// of at most one million, which keeps every total and crossover far inside that range.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let divisor = Rational.greatestCommonDivisor(numerator, denominator)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// Most digits a decimal literal may have before or after the point. Keeping literals within
    /// 10^±18 keeps every product and comparison of two of them inside 128 bits.
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
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var isInteger: Bool { denominator == 1 }

    /// Number of decimal places needed to write the value exactly, or nil when it is a
    /// recurring decimal (1/3) and can only be shown rounded.
    public var terminatingDecimalPlaces: Int? {
        var rest = denominator
        var twos = 0, fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        return rest == 1 ? max(twos, fives) : nil
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// The value rounded half away from zero to `places` decimals, written with exactly that
    /// many decimals ("33.00"), so output never depends on the platform's float formatting.
    public func formatted(places: Int) -> String {
        let divisor = denominator.magnitude
        var whole = numerator.magnitude / divisor
        var remainder = numerator.magnitude % divisor
        var digits: [UInt8] = []
        for _ in 0..<max(places, 0) {
            remainder *= 10
            digits.append(UInt8(remainder / divisor))
            remainder %= divisor
        }
        if remainder * 2 >= divisor {
            var index = digits.count - 1
            while index >= 0 && digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 { digits[index] += 1 } else { whole += 1 }
        }
        let negative = numerator < 0 && (whole != 0 || digits.contains { $0 != 0 })
        let fraction = digits.isEmpty ? "" : "." + String(digits.map { Character(String($0)) })
        return (negative ? "-" : "") + String(whole) + fraction
    }

    /// Shortest exact decimal when one exists with at most `maximumPlaces` decimals, else the
    /// value rounded to that many: "12.5", "33", "0.333333".
    public func decimalText(maximumPlaces: Int = 6) -> String {
        if let places = terminatingDecimalPlaces, places <= maximumPlaces { return formatted(places: places) }
        return formatted(places: maximumPlaces)
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator { return Rational(lhs.numerator + rhs.numerator, lhs.denominator) }
        let divisor = greatestCommonDivisor(lhs.denominator, rhs.denominator)
        let left = lhs.numerator * (rhs.denominator / divisor)
        let right = rhs.numerator * (lhs.denominator / divisor)
        return Rational(left + right, lhs.denominator / divisor * rhs.denominator)
    }

    public static prefix func - (value: Rational) -> Rational {
        Rational(-value.numerator, value.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        let a = greatestCommonDivisor(lhs.numerator, rhs.denominator)
        let b = greatestCommonDivisor(rhs.numerator, lhs.denominator)
        return Rational((lhs.numerator / a) * (rhs.numerator / b), (lhs.denominator / b) * (rhs.denominator / a))
    }

    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return lhs * Rational(rhs.denominator, rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
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
