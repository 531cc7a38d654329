/// A whole number of any size, so that exact arithmetic on a valid appraisal can never overflow.
///
/// Values whose magnitude fits in 127 bits are held as one `Int128` and computed with
/// overflow-checked machine arithmetic (the fast path every ordinary appraisal stays on); only a
/// result that would overflow moves to sign and magnitude limbs. The form is canonical (a value
/// that fits is always small), so synthesised equality and hashing are value equality.
public struct BigInt: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    enum Storage: Sendable, Hashable {
        /// Magnitude at most `Int128.max`, so negation never traps.
        case small(Int128)
        /// Magnitude above `Int128.max`: base 2^32 digits, least significant first, no leading zeros.
        case large(negative: Bool, limbs: [UInt32])
    }

    let storage: Storage

    public init(_ value: Int128) {
        storage = value == .min ? .large(negative: true, limbs: BigInt.limbs(of: value.magnitude)) : .small(value)
    }

    public init(_ value: Int) { self.init(Int128(value)) }

    public init(integerLiteral value: Int) { self.init(value) }

    /// Builds the canonical form of a sign and magnitude.
    init(negative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        if limbs.count <= 4 {
            var magnitude: UInt128 = 0
            for limb in limbs.reversed() { magnitude = magnitude << 32 | UInt128(limb) }
            if magnitude <= UInt128(Int128.max) {
                storage = .small(negative ? -Int128(magnitude) : Int128(magnitude))
                return
            }
        }
        storage = .large(negative: negative, limbs: limbs)
    }

    /// The value as `Int128`, or nil when it does not fit.
    public var int128: Int128? {
        switch storage {
        case .small(let value): return value
        case .large(let negative, let limbs):
            return negative && limbs == BigInt.limbs(of: Int128.min.magnitude) ? .min : nil
        }
    }

    public var isNegative: Bool {
        switch storage {
        case .small(let value): return value < 0
        case .large(let negative, _): return negative
        }
    }

    public var isZero: Bool { storage == .small(0) }

    var sign: Bool { isNegative }

    var magnitudeLimbs: [UInt32] {
        switch storage {
        case .small(let value): return BigInt.limbs(of: value.magnitude)
        case .large(_, let limbs): return limbs
        }
    }

    /// Number of binary digits in the magnitude (0 for zero).
    var bitWidth: Int {
        let limbs = magnitudeLimbs
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    /// Nearest Double (infinite beyond its range); for display and sampling only.
    public var doubleValue: Double {
        if case .small(let value) = storage { return Double(value) }
        let magnitude = magnitudeLimbs.reversed().reduce(0.0) { $0 * 4_294_967_296 + Double($1) }
        return isNegative ? -magnitude : magnitude
    }

    public var description: String {
        if case .small(let value) = storage { return value.description }
        // Peel off eighteen decimal digits at a time.
        var rest = magnitudeLimbs
        var groups: [UInt64] = []
        while !rest.isEmpty {
            let (quotient, remainder) = BigInt.divide(rest, by: 1_000_000_000_000_000_000 as UInt64)
            groups.append(remainder)
            rest = quotient
        }
        var text = isNegative ? "-" : ""
        text += String(groups.removeLast())
        for group in groups.reversed() {
            let digits = String(group)
            text += String(repeating: "0", count: 18 - digits.count) + digits
        }
        return text
    }

    // MARK: - Arithmetic

    public static prefix func - (value: BigInt) -> BigInt {
        switch value.storage {
        case .small(let small): return BigInt(-small)
        case .large(let negative, let limbs): return BigInt(negative: !negative, limbs: limbs)
        }
    }

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return BigInt(sum) }
        }
        return add(lhs.isNegative, lhs.magnitudeLimbs, rhs.isNegative, rhs.magnitudeLimbs)
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return BigInt(difference) }
        }
        return add(lhs.isNegative, lhs.magnitudeLimbs, !rhs.isNegative, rhs.magnitudeLimbs)
    }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return BigInt(product) }
        }
        return BigInt(negative: lhs.isNegative != rhs.isNegative, limbs: multiply(lhs.magnitudeLimbs, rhs.magnitudeLimbs))
    }

    /// Quotient rounded toward zero, as `Int` division does.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt { quotientAndRemainder(lhs, rhs).quotient }

    /// Remainder with the sign of the dividend, as `Int` remainder does.
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt { quotientAndRemainder(lhs, rhs).remainder }

    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    public static func quotientAndRemainder(_ lhs: BigInt, _ rhs: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!rhs.isZero, "BigInt division by zero")
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            return (BigInt(a / b), BigInt(a % b))
        }
        let (quotient, remainder) = divide(lhs.magnitudeLimbs, rhs.magnitudeLimbs)
        return (BigInt(negative: lhs.isNegative != rhs.isNegative, limbs: quotient),
                BigInt(negative: lhs.isNegative, limbs: remainder))
    }

    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage { return a < b }
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compare(lhs.magnitudeLimbs, rhs.magnitudeLimbs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    /// Greatest common divisor of the magnitudes; 0 only when both are 0.
    public static func greatestCommonDivisor(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.isNegative ? -a : a
        var y = b.isNegative ? -b : b
        while !y.isZero {
            if case .small(var p) = x.storage, case .small(var q) = y.storage {
                while q != 0 { (p, q) = (q, p % q) }
                return BigInt(p)
            }
            (x, y) = (y, x % y)
        }
        return x
    }

    /// The magnitude times 2^bits.
    func shiftedLeft(by bits: Int) -> BigInt {
        var limbs = [UInt32](repeating: 0, count: bits / 32) + magnitudeLimbs
        let shift = bits % 32
        if shift > 0 {
            var carry: UInt32 = 0
            for index in (bits / 32)..<limbs.count {
                let limb = limbs[index]
                limbs[index] = limb << shift | carry
                carry = limb >> (32 - shift)
            }
            if carry != 0 { limbs.append(carry) }
        }
        return BigInt(negative: isNegative, limbs: limbs)
    }

    // MARK: - Magnitudes (base 2^32, least significant first)

    static func limbs(of magnitude: UInt128) -> [UInt32] {
        var limbs: [UInt32] = []
        var rest = magnitude
        while rest != 0 {
            limbs.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        }
        return limbs
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    private static func add(_ aNegative: Bool, _ a: [UInt32], _ bNegative: Bool, _ b: [UInt32]) -> BigInt {
        if aNegative == bNegative { return BigInt(negative: aNegative, limbs: addMagnitudes(a, b)) }
        let order = compare(a, b)
        if order == 0 { return 0 }
        return order > 0 ? BigInt(negative: aNegative, limbs: subtractMagnitudes(a, b))
                         : BigInt(negative: bNegative, limbs: subtractMagnitudes(b, a))
    }

    static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(a.count, b.count) {
            let sum = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a − b for a ≥ b.
    static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: Int64 = 0
        for index in 0..<a.count {
            var difference = Int64(a[index]) - Int64(index < b.count ? b[index] : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            result[index] = UInt32(difference)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let digit = UInt64(a[i])
            for j in 0..<b.count {
                let product = digit * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    /// Short division by a one-word number.
    static func divide(_ a: [UInt32], by divisor: UInt64) -> (quotient: [UInt32], remainder: UInt64) {
        var quotient = [UInt32](repeating: 0, count: a.count)
        var remainder: UInt128 = 0
        for index in stride(from: a.count - 1, through: 0, by: -1) {
            let current = remainder << 32 | UInt128(a[index])
            quotient[index] = UInt32(current / UInt128(divisor))
            remainder = current % UInt128(divisor)
        }
        while quotient.last == 0 { quotient.removeLast() }
        return (quotient, UInt64(remainder))
    }

    /// Long division of magnitudes (Knuth, The Art of Computer Programming vol. 2, 4.3.1, algorithm D).
    static func divide(_ a: [UInt32], _ b: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        if compare(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (quotient, remainder) = divide(a, by: UInt64(b[0]))
            return (quotient, remainder == 0 ? [] : [UInt32(remainder)])
        }
        // Normalise so the divisor's top digit has its high bit set.
        let shift = b.last!.leadingZeroBitCount
        let v = shiftLimbs(b, shift)
        var u = shiftLimbs(a, shift)
        if u.count == a.count { u.append(0) }
        let n = v.count, m = u.count - n
        var quotient = [UInt32](repeating: 0, count: m)
        let base: UInt64 = 1 << 32
        for j in stride(from: m - 1, through: 0, by: -1) {
            let numerator = UInt64(u[j + n]) << 32 | UInt64(u[j + n - 1])
            var qhat = numerator / UInt64(v[n - 1])
            var rhat = numerator % UInt64(v[n - 1])
            while qhat >= base || qhat * UInt64(v[n - 2]) > (rhat << 32 | UInt64(u[j + n - 2])) {
                qhat -= 1
                rhat += UInt64(v[n - 1])
                if rhat >= base { break }
            }
            // u[j...j+n] −= qhat × v
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let product = qhat * UInt64(v[i]) + carry
                carry = product >> 32
                let difference = Int64(u[i + j]) - Int64(product & 0xFFFF_FFFF) - borrow
                u[i + j] = UInt32(truncatingIfNeeded: difference)
                borrow = difference < 0 ? 1 : 0
            }
            let top = Int64(u[j + n]) - Int64(carry) - borrow
            u[j + n] = UInt32(truncatingIfNeeded: top)
            if top < 0 {
                // qhat was one too large: add the divisor back.
                qhat -= 1
                var carryBack: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(u[i + j]) + UInt64(v[i]) + carryBack
                    u[i + j] = UInt32(truncatingIfNeeded: sum)
                    carryBack = sum >> 32
                }
                u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + carryBack)
            }
            quotient[j] = UInt32(qhat)
        }
        while quotient.last == 0 { quotient.removeLast() }
        // Undo the normalisation on the remainder.
        var remainder = Array(u[0..<n])
        if shift > 0 {
            for index in 0..<n {
                let high = index + 1 < n ? remainder[index + 1] << (32 - shift) : 0
                remainder[index] = remainder[index] >> shift | high
            }
        }
        while remainder.last == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }

    private static func shiftLimbs(_ limbs: [UInt32], _ shift: Int) -> [UInt32] {
        guard shift > 0 else { return limbs }
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count + 1)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(limb << shift | carry)
            carry = limb >> (32 - shift)
        }
        if carry != 0 { result.append(carry) }
        return result
    }
}

extension Int {
    /// The value when it fits in `Int`.
    public init?(exactly value: BigInt) {
        guard let small = value.int128, let fitted = Int(exactly: small) else { return nil }
        self = fitted
    }

    /// The value, or the nearest end of `Int`'s range when it does not fit.
    public init(clamping value: BigInt) {
        if let small = value.int128 { self = Int(clamping: small) } else { self = value.isNegative ? .min : .max }
    }
}

extension BigInt {
    public static let zero: BigInt = 0
    public static let one: BigInt = 1

    /// −1, 0 or 1.
    public var signum: Int { isZero ? 0 : (isNegative ? -1 : 1) }

    /// The absolute value.
    public var magnitude: BigInt { isNegative ? -self : self }

    /// Truncating division, the remainder taking the dividend's sign.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        BigInt.quotientAndRemainder(self, divisor)
    }

    /// The value raised to a whole power of 0 or more, by repeated squaring.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt powers are of 0 or more")
        var result = BigInt.one, base = self, rest = exponent
        while rest > 0 {
            if rest & 1 == 1 { result *= base }
            base *= base
            rest >>= 1
        }
        return result
    }
}
