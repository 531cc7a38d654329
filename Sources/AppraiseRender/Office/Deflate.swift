/// DEFLATE (RFC 1951) as ZIP method 8, so Office files of a large appraisal stay small: their
/// XML repeats the same tags for every cell, and stored it made a 1,000-option Word file of
/// hundreds of megabytes. One block with the fixed Huffman codes; repeats found by LZ77
/// through hash chains over the 32 KiB window, greedy, with a bounded chain, so the output is
/// the same bytes on every run and every machine.
enum Deflate {
    static let window = 32_768, minimumMatch = 3, maximumMatch = 258, chainLimit = 48

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(0b011, count: 3)  // last block, fixed Huffman codes
        let count = input.count
        var head = [Int32](repeating: -1, count: 1 << 16)
        var previous = [Int32](repeating: -1, count: window)
        func hash(_ at: Int) -> Int {
            let three = UInt32(input[at]) << 16 | UInt32(input[at + 1]) << 8 | UInt32(input[at + 2])
            return Int((three &* 2_654_435_761) >> 16)
        }
        func insert(_ at: Int) {
            guard at + minimumMatch <= count else { return }
            let key = hash(at)
            previous[at & (window - 1)] = head[key]
            head[key] = Int32(at)
        }
        var i = 0
        input.withUnsafeBufferPointer { bytes in
            while i < count {
                var bestLength = 0, bestDistance = 0
                if i + minimumMatch <= count {
                    var candidate = Int(head[hash(i)])
                    var chain = chainLimit
                    let longest = min(maximumMatch, count - i)
                    while candidate >= 0 && i - candidate <= window && chain > 0 {
                        if bytes[candidate + bestLength] == bytes[i + bestLength] {
                            var length = 0
                            while length < longest && bytes[candidate + length] == bytes[i + length] { length += 1 }
                            if length > bestLength {
                                (bestLength, bestDistance) = (length, i - candidate)
                                if length == longest { break }
                            }
                        }
                        let next = Int(previous[candidate & (window - 1)])
                        guard next < candidate else { break }
                        candidate = next
                        chain -= 1
                    }
                }
                if bestLength >= minimumMatch {
                    out.length(bestLength)
                    out.distance(bestDistance)
                    for at in i..<(i + bestLength) { insert(at) }
                    i += bestLength
                } else {
                    out.literal(Int(bytes[i]))
                    insert(i)
                    i += 1
                }
            }
        }
        out.literal(256)
        return out.finish()
    }

    /// Lengths 3–258 as code 257–285 plus extra bits: each code's first length and extra bit count.
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The code (index into the base table) whose range holds `value`.
    static func code(_ value: Int, _ base: [Int]) -> Int {
        var low = 0, high = base.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if base[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Bits packed from the least significant end, Huffman codes with their first bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var filled = 0

        mutating func write(_ value: Int, count: Int) {
            buffer |= UInt64(value) << UInt64(filled)
            filled += count
            while filled >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                filled -= 8
            }
        }

        /// A Huffman code of `count` bits, written most significant bit first.
        mutating func code(_ value: Int, count: Int) {
            var reversed = 0
            for bit in 0..<count where value & (1 << bit) != 0 { reversed |= 1 << (count - 1 - bit) }
            write(reversed, count: count)
        }

        /// A literal byte or the end of the block (256), in the fixed code.
        mutating func literal(_ symbol: Int) {
            switch symbol {
            case 0...143: code(0x30 + symbol, count: 8)
            case 144...255: code(0x190 + symbol - 144, count: 9)
            case 256...279: code(symbol - 256, count: 7)
            default: code(0xC0 + symbol - 280, count: 8)
            }
        }

        mutating func length(_ length: Int) {
            let index = Deflate.code(length, Deflate.lengthBase)
            literal(257 + index)
            write(length - Deflate.lengthBase[index], count: Deflate.lengthExtra[index])
        }

        mutating func distance(_ distance: Int) {
            let index = Deflate.code(distance, Deflate.distanceBase)
            code(index, count: 5)
            write(distance - Deflate.distanceBase[index], count: Deflate.distanceExtra[index])
        }

        mutating func finish() -> [UInt8] {
            if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            filled = 0
            return bytes
        }
    }
}
