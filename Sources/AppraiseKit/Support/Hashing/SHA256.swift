import Foundation

/// SHA-256 as specified in FIPS 180-4, written out here because the tool depends on Foundation
/// only (no CryptoKit or swift-crypto) yet must fingerprint appraisal files, chain audit-journal
/// entries and sign export manifests with a digest anyone can check with `sha256sum`.
///
/// The hasher is incremental: feed it bytes in chunks of any size with `update(_:)`, then read
/// the 32-byte digest with `finalize()`. `finalize()` works on a copy of the state, so the same
/// hasher can keep absorbing input afterwards (useful for running digests over a journal).
public struct SHA256: Sendable {
    /// Size of the digest in bytes (256 bits).
    public static let byteCount = 32

    private static let blockByteCount = 64

    /// Initial hash value H(0) (FIPS 180-4 §5.3.3): the first 32 bits of the fractional parts of
    /// the square roots of the first eight primes.
    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// Round constants K (FIPS 180-4 §4.2.2): the first 32 bits of the fractional parts of the
    /// cube roots of the first sixty-four primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The eight working hash words H0…H7.
    private var state: [UInt32]
    /// Input not yet compressed because it does not fill a 64-byte block; always < 64 bytes.
    private var pending: [UInt8]
    /// Total message length so far, needed for the length field of the final padding.
    private var totalByteCount: UInt64

    public init() {
        state = Self.initialState
        pending = []
        pending.reserveCapacity(Self.blockByteCount)
        totalByteCount = 0
    }

    /// Absorbs more message bytes. Contiguous inputs (`Data`, `[UInt8]`, native `String.UTF8View`,
    /// buffer pointers) are hashed in place; other sequences are copied through a small buffer so
    /// memory stays bounded however long the sequence is.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            absorb(UnsafeRawBufferPointer(buffer))
        }
        guard handled == nil else { return }

        let chunkByteCount = 4096
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkByteCount)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == chunkByteCount {
                chunk.withUnsafeBytes { absorb($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBytes { absorb($0) }
    }

    /// The digest of everything absorbed so far, as 32 bytes. Pads a copy of the state
    /// (FIPS 180-4 §5.1.1), so `self` is left unchanged and may keep absorbing input.
    public func finalize() -> [UInt8] {
        var copy = self
        let messageBitCount = totalByteCount &<< 3
        // 0x80, then zeros until the length is 56 mod 64, then the 64-bit big-endian bit count.
        let remainder = Int(totalByteCount % UInt64(Self.blockByteCount))
        let zeroCount = (remainder < 56 ? 55 : 119) - remainder
        var padding = [UInt8](repeating: 0, count: 1 + zeroCount + 8)
        padding[0] = 0x80
        for index in 0..<8 {
            padding[1 + zeroCount + index] = UInt8(truncatingIfNeeded: messageBitCount >> (56 - 8 * UInt64(index)))
        }
        padding.withUnsafeBytes { copy.absorb($0) }
        assert(copy.pending.isEmpty)

        var digest: [UInt8] = []
        digest.reserveCapacity(Self.byteCount)
        for word in copy.state {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// The 32-byte digest of `data`.
    public static func hash(_ data: Data) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The digest of `data` as 64 lower-case hex digits, the form `sha256sum` prints.
    public static func hexDigest(_ data: Data) -> String {
        hex(hash(data))
    }

    /// The digest of the UTF-8 encoding of `text` as 64 lower-case hex digits.
    public static func hexDigest(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text.utf8)
        return hex(hasher.finalize())
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Tops up the pending partial block, compresses every whole block straight from `input`
    /// (no copying), and keeps the tail for later.
    private mutating func absorb(_ input: UnsafeRawBufferPointer) {
        guard !input.isEmpty else { return }
        totalByteCount &+= UInt64(input.count)
        var rest = input[...]

        if !pending.isEmpty {
            let taken = min(Self.blockByteCount - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(taken))
            rest = rest.dropFirst(taken)
            guard pending.count == Self.blockByteCount else { return }
            pending.withUnsafeBytes { Self.compress(&state, blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }

        let wholeByteCount = rest.count - rest.count % Self.blockByteCount
        if wholeByteCount > 0 {
            Self.compress(&state, blocks: UnsafeRawBufferPointer(rebasing: rest.prefix(wholeByteCount)))
        }
        pending.append(contentsOf: rest.dropFirst(wholeByteCount))
    }

    /// Runs the compression function (FIPS 180-4 §6.2.2) over each 64-byte block in `blocks`,
    /// whose length must be a multiple of 64. The message schedule lives in a stack buffer that is
    /// reused for every block.
    private static func compress(_ state: inout [UInt32], blocks: UnsafeRawBufferPointer) {
        assert(blocks.count % blockByteCount == 0)
        var h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3]
        var h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7]

        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            roundConstants.withUnsafeBufferPointer { k in
                var offset = 0
                while offset < blocks.count {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15], y = w[t - 2]
                        let sigma0 = rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x >> 3)
                        let sigma1 = rotateRight(y, 17) ^ rotateRight(y, 19) ^ (y >> 10)
                        w[t] = sigma1 &+ w[t - 7] &+ sigma0 &+ w[t - 16]
                    }

                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for t in 0..<64 {
                        let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
                        let choose = (e & f) ^ (~e & g)
                        let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
                        let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = bigSigma0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ t1
                        d = c
                        c = b
                        b = a
                        a = t1 &+ t2
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    offset += blockByteCount
                }
            }
        }
        state[0] = h0
        state[1] = h1
        state[2] = h2
        state[3] = h3
        state[4] = h4
        state[5] = h5
        state[6] = h6
        state[7] = h7
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
