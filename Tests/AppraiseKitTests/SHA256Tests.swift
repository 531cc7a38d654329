import Foundation
import XCTest

import AppraiseKit

final class SHA256Tests: XCTestCase {
    // MARK: - Published example vectors (FIPS 180-2 Appendix B / NIST CSRC examples)

    func testOneBlockMessage() {
        XCTAssertEqual(
            SHA256.hexDigest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    func testEmptyMessage() {
        XCTAssertEqual(
            SHA256.hexDigest(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
        XCTAssertEqual(
            SHA256.hexDigest(Data()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    }

    func testTwoBlockMessage() {
        XCTAssertEqual(
            SHA256.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    func testLongMessage896Bits() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(message.utf8.count, 112)
        XCTAssertEqual(
            SHA256.hexDigest(message),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        )
    }

    func testOneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        XCTAssertEqual(SHA256.hexDigest(Data(repeating: 0x61, count: 1_000_000)), expected)

        // Same message in 1,000 chunks of 1,000 bytes: every chunk leaves a partial block behind.
        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1_000)
        for _ in 0..<1_000 { hasher.update(chunk) }
        XCTAssertEqual(hex(hasher.finalize()), expected)
    }

    // MARK: - Padding boundaries

    /// Digests of `patterned(length)` for lengths on either side of the 55/56/64-byte padding
    /// boundaries of one and two blocks. Obtained when this test was written with
    ///     python3 -c "import sys; sys.stdout.buffer.write(bytes((i*37+11)&0xff for i in range(N)))" \
    ///         | /usr/bin/sha256sum
    private let boundaryDigests: [Int: String] = [
        0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        1: "e7cf46a078fed4fafd0b5e3aff144802b853f8ae459a4f0c14add3314b7cc3a6",
        2: "cdc63a6325d5fa92515578c0b418e6eeec1c6d085937a24fc43c2126ea517457",
        3: "b39fad1a1075f64570b3226d339ea818f9c66ecd2f1c59fd8b9c5a32b54c513f",
        54: "0b35cded48f546833dc4e93133ffc3d7e05c7e41842f4accc39c6e04204c8dde",
        55: "2900465fcb533e05a158fd2b3be0e5e3b03740d83060aa3580e0d98a96bf2384",
        56: "31454ff48ef36af2f08fd511bdc37d9d5855ac23e992e5ff5445cb6b7674a674",
        57: "bcc0a5d3791b985b7550e04ca660a6c63a589ba1edd2283c8e110e5b515df124",
        62: "88908d0c7953bf0924d1e1e6f494578300aab9c32e4312f1e733832ff57d8bff",
        63: "5f6401b96532c36de4e65beec0409b69b1d181864c8009b7a04f43e5d56350d1",
        64: "94eb5de4943613fd048dc93393ab06877405faa39c11f53e9386083339833e7e",
        65: "fc518669b6eb4b4dd91827ecacef86689c725bd5bab888fd3b26dbb196eec954",
        66: "65d7b2dbf0f1402f1c5e0d31165ae5a2660417bb118185f8e802ff2433b10b61",
        118: "f3283313d4f923cd7202ee64fa023aa6daa492bc7838b9f970d24a9f8cc62a93",
        119: "b0dc41b1a384e2f1203f0351b38fbeaafceef577ce1191d5bfc25da39f721eae",
        120: "5df24dd802ac26132ce608dcb5f09841eef039ee0f152acf98d26d17fe4e88e6",
        121: "5ed5a129bb49444fe2585d785920135a02f64350edf57c5f3ce7605b86f39039",
        126: "8513afe4abd1c76b2e4959fa30344f1c85bb8acbbf0284f161aa47fbf459e483",
        127: "0fe729ff19257bd6fec853acc2ea355f6b34b58e6c0f684c3e188fcdfcd9baae",
        128: "0aedd4856f8eba0963627336ad5144a9a7dbe12498e6066f0165fc97d8ddee4c",
        129: "4f1757ae4bffbae86d775b831765b75af154d52f7deaa46dd378051a2d3ad57f",
        130: "d35b74124cb85cfac62bfeaf3a9771efab3e0ef88fc43702c35a6efe09467cc1",
    ]

    func testPaddingBoundariesMatchSha256sum() {
        for (length, expected) in boundaryDigests {
            XCTAssertEqual(SHA256.hexDigest(Data(patterned(length))), expected, "length \(length)")
        }
    }

    /// Every length from 0 to 130, fed whole and one byte at a time, must agree: the byte-wise
    /// path exercises every partial-block state the hasher can be in before padding.
    func testEveryLengthUpTo130WholeAndBytewiseAgree() {
        for length in 0...130 {
            let bytes = patterned(length)
            var bytewise = SHA256()
            for byte in bytes { bytewise.update(CollectionOfOne(byte)) }
            XCTAssertEqual(bytewise.finalize(), SHA256.hash(Data(bytes)), "length \(length)")
            if let expected = boundaryDigests[length] {
                XCTAssertEqual(hex(bytewise.finalize()), expected, "length \(length)")
            }
        }
    }

    // MARK: - Incremental use

    /// 10,000 bytes `(i*131+17) & 0xff`; digest obtained when this test was written with
    ///     python3 -c "import sys; sys.stdout.buffer.write(bytes((i*131+17)&0xff for i in range(10000)))" \
    ///         | /usr/bin/sha256sum
    private let tenThousandDigest = "3744f9b6045743a20f15a52fd3da5addd0ecb072618e3b993dec3cc39a634443"

    private func tenThousandBytes() -> [UInt8] {
        (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
    }

    func testRandomChunkSplitsGiveSameDigest() {
        let message = tenThousandBytes()
        XCTAssertEqual(SHA256.hexDigest(Data(message)), tenThousandDigest)

        var random = SplitMix64(seed: 0x5eed_0256)
        for split in 0..<200 {
            var hasher = SHA256()
            var start = 0
            var chunkIndex = 0
            while start < message.count {
                // Mostly short chunks (including empty ones) with the odd long one spanning blocks.
                let limit = random.next() % 8 == 0 ? 300 : 70
                let end = min(message.count, start + Int(random.next() % UInt64(limit + 1)))
                // Rotate through input kinds: array slice, Data slice (non-zero start index),
                // and a sequence with no contiguous storage.
                switch chunkIndex % 3 {
                case 0: hasher.update(message[start..<end])
                case 1: hasher.update(Data(message)[start..<end])
                default: hasher.update(message[start..<end].lazy.map { $0 })
                }
                start = end
                chunkIndex += 1
            }
            XCTAssertEqual(hex(hasher.finalize()), tenThousandDigest, "split \(split)")
        }
    }

    func testNonContiguousSequenceLongerThanCopyBuffer() {
        var hasher = SHA256()
        hasher.update((0..<10_000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) })
        XCTAssertEqual(hex(hasher.finalize()), tenThousandDigest)
    }

    func testFinalizeLeavesHasherUsable() {
        var hasher = SHA256()
        hasher.update("abc".utf8)
        let first = hasher.finalize()
        XCTAssertEqual(hasher.finalize(), first)
        XCTAssertEqual(hex(first), SHA256.hexDigest("abc"))

        hasher.update("dbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        XCTAssertEqual(
            hex(hasher.finalize()),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    // MARK: - Conveniences

    func testHashReturnsThirtyTwoBytes() {
        let digest = SHA256.hash(Data("abc".utf8))
        XCTAssertEqual(digest.count, SHA256.byteCount)
        XCTAssertEqual(Array(digest.prefix(4)), [0xba, 0x78, 0x16, 0xbf])
    }

    /// Digest obtained when this test was written with
    ///     printf 'héllo, wörld ✓' | /usr/bin/sha256sum
    func testStringIsHashedAsUTF8() {
        let text = "héllo, wörld ✓"
        let expected = "b7cbe411256e0b5887b988d8d079bc047e75f6af00bb572d77291d65b2517de1"
        XCTAssertEqual(SHA256.hexDigest(text), expected)
        XCTAssertEqual(SHA256.hexDigest(Data(text.utf8)), expected)
    }

    // MARK: - Helpers

    private func patterned(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
