/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny generator used only to expand one 64-bit
/// seed into the larger state of `Xoshiro256StarStar`, as that generator's authors recommend.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna, 2018): the generator behind every simulated number, a
/// fixed published algorithm on 64-bit integers, so a seed gives the same numbers on every
/// machine and in every release (Swift's own `SystemRandomNumberGenerator` is neither seeded
/// nor specified).
///
/// Independent streams come from `jump()`, which advances 2^128 steps: stream k is the seeded
/// state jumped k times, so streams never overlap in any run this tool could make.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// State taken from the first four outputs of `SplitMix64(seed:)`.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        state = (expander.next(), expander.next(), expander.next(), expander.next())
    }

    /// A generator with an explicit state, for the published test vectors; not all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** needs a state that is not all zero")
        self.state = state
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A Double uniform on [0, 1): the top 53 bits of the next output times 2^-53, so every
    /// value is exact and the same everywhere.
    @inline(__always)
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer uniform on 0..<bound by Lemire's multiply-and-reject method (exactly uniform,
    /// and the same draws on every machine).
    @inline(__always)
    public mutating func nextInteger(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// Advances the state by 2^128 outputs (the published jump polynomial).
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var jumped: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    jumped.0 ^= state.0
                    jumped.1 ^= state.1
                    jumped.2 ^= state.2
                    jumped.3 ^= state.3
                }
                _ = next()
            }
        }
        state = jumped
    }

    public static func == (lhs: Xoshiro256StarStar, rhs: Xoshiro256StarStar) -> Bool { lhs.state == rhs.state }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
