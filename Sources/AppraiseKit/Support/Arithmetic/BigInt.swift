/// A whole number of any size, for discounting: 1/1.035^t over a 60-year horizon has a
/// denominator of 460 bits, beyond `Rational`'s 128. Sign and magnitude, with 32-bit limbs
/// (least significant first, no leading zero limbs) so products fit in 64 bits.
public struct BigInt: Sendable, Equatable, Comparable, CustomStringConvertible {
    fileprivate var limbs: [UInt32]
    /// False for zero.
    fileprivate var negative: Bool

    public static let zero = BigInt(limbs: [], negative: false)
    public static let one = BigInt(1)

    fileprivate init(limbs: [UInt32], negative: Bool) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.negative = negative && !limbs.isEmpty
    }

    public init(_ value: Int128) {
        var magnitude = value.magnitude
        var limbs: [UInt32] = []
        while magnitude > 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        }
        self.init(limbs: limbs, negative: value < 0)
    }

    public init(_ value: Int) { self.init(Int128(value)) }

    public var isZero: Bool { limbs.isEmpty }
    public var isNegative: Bool { negative }
    public var signum: Int { isZero ? 0 : (negative ? -1 : 1) }
    public var magnitude: BigInt { BigInt(limbs: limbs, negative: false) }

    /// The value when it fits in 128 bits.
    public var int128: Int128? {
        guard limbs.count <= 4 else { return nil }
        var value: UInt128 = 0
        for limb in limbs.reversed() { value = value << 32 | UInt128(limb) }
        guard value <= UInt128(Int128.max) else { return nil }
        return negative ? -Int128(value) : Int128(value)
    }

    /// Nearest Double, for charts only.
    public var doubleValue: Double {
        var value = 0.0
        for limb in limbs.reversed() { value = value * 4_294_967_296 + Double(limb) }
        return negative ? -value : value
    }

    public var description: String {
        guard !isZero else { return "0" }
        var chunks: [UInt32] = []
        var rest = limbs
        while !rest.isEmpty {
            let (quotient, remainder) = BigInt.divide(rest, by: 1_000_000_000)
            chunks.append(remainder)
            rest = quotient
        }
        var text = negative ? "-" : ""
        text += String(chunks.last!)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    // MARK: Arithmetic

    public static prefix func - (value: BigInt) -> BigInt { BigInt(limbs: value.limbs, negative: !value.negative) }

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.negative == rhs.negative { return BigInt(limbs: add(lhs.limbs, rhs.limbs), negative: lhs.negative) }
        if compare(lhs.limbs, rhs.limbs) >= 0 { return BigInt(limbs: subtract(lhs.limbs, rhs.limbs), negative: lhs.negative) }
        return BigInt(limbs: subtract(rhs.limbs, lhs.limbs), negative: rhs.negative)
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt { lhs + -rhs }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        BigInt(limbs: multiply(lhs.limbs, rhs.limbs), negative: lhs.negative != rhs.negative)
    }

    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    /// Quotient rounded toward zero and the remainder with the dividend's sign.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        let (quotient, remainder) = BigInt.divide(limbs, divisor.limbs)
        return (BigInt(limbs: quotient, negative: negative != divisor.negative), BigInt(limbs: remainder, negative: negative))
    }

    public func power(_ exponent: Int) -> BigInt {
        var result = BigInt.one, base = self, exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result *= base }
            base *= base
            exponent >>= 1
        }
        return result
    }

    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let order = compare(lhs.limbs, rhs.limbs)
        return lhs.negative ? order > 0 : order < 0
    }

    // MARK: Magnitudes

    private static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    private static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt32](repeating: 0, count: long.count + 1)
        var carry: UInt64 = 0
        for index in 0..<long.count {
            let sum = UInt64(long[index]) + (index < short.count ? UInt64(short[index]) : 0) + carry
            result[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        result[long.count] = UInt32(carry)
        return result
    }

    /// a − b for a ≥ b.
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: Int64 = 0
        for index in 0..<a.count {
            var difference = Int64(a[index]) - borrow - (index < b.count ? Int64(b[index]) : 0)
            borrow = 0
            if difference < 0 { difference += 1 << 32; borrow = 1 }
            result[index] = UInt32(difference)
        }
        return result
    }

    private static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            guard ai != 0 else { continue }
            for j in 0..<b.count {
                let product = ai * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        return result
    }

    private static func divide(_ a: [UInt32], by divisor: UInt32) -> ([UInt32], UInt32) {
        var quotient = [UInt32](repeating: 0, count: a.count)
        var remainder: UInt64 = 0
        for index in stride(from: a.count - 1, through: 0, by: -1) {
            let current = remainder << 32 | UInt64(a[index])
            quotient[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while quotient.last == 0 { quotient.removeLast() }
        return (quotient, UInt32(remainder))
    }

    /// Long division of magnitudes (Knuth, The Art of Computer Programming vol. 2, 4.3.1,
    /// algorithm D): normalise so the divisor's top limb has its high bit set, then estimate
    /// each quotient limb from the top two limbs and correct it.
    private static func divide(_ u: [UInt32], _ v: [UInt32]) -> ([UInt32], [UInt32]) {
        if compare(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            let (quotient, remainder) = divide(u, by: v[0])
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        let shift = v.last!.leadingZeroBitCount
        let vn = shiftLeft(v, shift, extra: false)
        var un = shiftLeft(u, shift, extra: true)
        let n = v.count, m = u.count - n
        var quotient = [UInt32](repeating: 0, count: m + 1)
        let base: UInt64 = 1 << 32
        let top = UInt64(vn[n - 1]), second = UInt64(vn[n - 2])
        for j in stride(from: m, through: 0, by: -1) {
            let numerator = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
            var estimate = numerator / top
            var rest = numerator % top
            while estimate >= base || estimate * second > (rest << 32 | UInt64(un[j + n - 2])) {
                estimate -= 1
                rest += top
                if rest >= base { break }
            }
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let product = estimate * UInt64(vn[i]) + carry
                carry = product >> 32
                let difference = Int64(un[i + j]) - borrow - Int64(product & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: difference)
                borrow = difference < 0 ? 1 : 0
            }
            let last = Int64(un[j + n]) - borrow - Int64(carry)
            un[j + n] = UInt32(truncatingIfNeeded: last)
            if last < 0 {
                estimate -= 1
                var sum: UInt64 = 0
                for i in 0..<n {
                    sum = UInt64(un[i + j]) + UInt64(vn[i]) + (sum >> 32)
                    un[i + j] = UInt32(truncatingIfNeeded: sum)
                }
                un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + (sum >> 32))
            }
            quotient[j] = UInt32(estimate)
        }
        var remainder = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            let low = UInt64(un[i]) >> UInt64(shift)
            let high = shift == 0 ? 0 : UInt64(un[i + 1]) << UInt64(32 - shift)
            remainder[i] = UInt32(truncatingIfNeeded: low | high)
        }
        while quotient.last == 0 { quotient.removeLast() }
        while remainder.last == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }

    private static func shiftLeft(_ a: [UInt32], _ shift: Int, extra: Bool) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: a.count + (extra ? 1 : 0))
        var carry: UInt32 = 0
        for index in 0..<a.count {
            result[index] = shift == 0 ? a[index] : (a[index] << UInt32(shift)) | carry
            carry = shift == 0 ? 0 : a[index] >> UInt32(32 - shift)
        }
        if extra { result[a.count] = carry }
        return result
    }
}
