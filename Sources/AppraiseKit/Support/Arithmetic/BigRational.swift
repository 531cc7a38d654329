/// An exact fraction of `BigInt`s, for money: present values are exact and rounding happens
/// only on display. Kept unreduced (reducing costs more than it saves here): values that share
/// a denominator, as every net present cost of one appraisal does, add without growing.
public struct BigRational: Sendable, Comparable, CustomStringConvertible {
    public let numerator: BigInt
    /// Always positive.
    public let denominator: BigInt

    public static let zero = BigRational(BigInt.zero)
    public static let one = BigRational(BigInt.one)

    public init(_ numerator: BigInt, _ denominator: BigInt = .one) {
        precondition(!denominator.isZero, "BigRational with a zero denominator")
        if denominator.isNegative {
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    public init(_ value: Rational) {
        self.init(value.numerator, value.denominator)
    }

    public init(_ value: Int) { self.init(BigInt(value)) }

    public var isZero: Bool { numerator.isZero }
    public var isNegative: Bool { numerator.isNegative }
    public var signum: Int { numerator.signum }

    /// The value as a `Rational` when it fits in 128 bits after reduction.
    public var rational: Rational? {
        let reduced = self.reduced
        guard let top = reduced.numerator.int128, let bottom = reduced.denominator.int128 else { return nil }
        return Rational(top, bottom)
    }

    /// In lowest terms (Euclid), for exact output.
    public var reduced: BigRational {
        var a = numerator.magnitude, b = denominator
        while !b.isZero { (a, b) = (b, a.quotientAndRemainder(dividingBy: b).remainder) }
        guard !a.isZero, a != .one else { return self }
        return BigRational(numerator.quotientAndRemainder(dividingBy: a).quotient, denominator.quotientAndRemainder(dividingBy: a).quotient)
    }

    public var doubleValue: Double {
        // Scale both to keep the Double conversion in range for very long denominators.
        let top = numerator.doubleValue, bottom = denominator.doubleValue
        if top.isFinite && bottom.isFinite { return top / bottom }
        let scaled = (self * BigRational(BigInt(1 << 40))).floorQuotient
        return scaled.doubleValue / Double(1 << 40)
    }

    /// The whole part rounded toward minus infinity.
    public var floorQuotient: BigInt {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder.isNegative ? quotient - .one : quotient
    }

    public var description: String { "\(numerator)/\(denominator)" }

    /// Rounded half away from zero to `places` decimals, written with that many decimals, as
    /// `Rational.formatted(places:)` does.
    public func formatted(places: Int) -> String {
        let scale = BigInt(10).power(max(places, 0))
        let (quotient, remainder) = (numerator.magnitude * scale).quotientAndRemainder(dividingBy: denominator)
        let twice = remainder + remainder
        let rounded = twice < denominator ? quotient : quotient + .one
        var digits = rounded.description
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        let negative = numerator.isNegative && !rounded.isZero
        return (negative ? "-" : "") + digits
    }

    public static prefix func - (value: BigRational) -> BigRational { BigRational(-value.numerator, value.denominator) }

    public static func + (lhs: BigRational, rhs: BigRational) -> BigRational {
        if lhs.denominator == rhs.denominator { return BigRational(lhs.numerator + rhs.numerator, lhs.denominator) }
        return BigRational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: BigRational, rhs: BigRational) -> BigRational { lhs + -rhs }

    public static func * (lhs: BigRational, rhs: BigRational) -> BigRational {
        BigRational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    public static func / (lhs: BigRational, rhs: BigRational) -> BigRational {
        precondition(!rhs.isZero, "BigRational division by zero")
        return BigRational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    public static func += (lhs: inout BigRational, rhs: BigRational) { lhs = lhs + rhs }

    public static func == (lhs: BigRational, rhs: BigRational) -> Bool {
        lhs.denominator == rhs.denominator ? lhs.numerator == rhs.numerator : lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public static func < (lhs: BigRational, rhs: BigRational) -> Bool {
        lhs.denominator == rhs.denominator ? lhs.numerator < rhs.numerator : lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}
