/// A whole DEFLATE decoder (stored, fixed and dynamic blocks, RFC 1951), written from the RFC
/// apart from the encoder, so the tests read the Office files' parts the way any unzip does.
enum Inflate {
    struct Malformed: Error, CustomStringConvertible { let description: String }

    static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var reader = BitReader(bytes: input)
        var out: [UInt8] = []
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                reader.alignToByte()
                let length = try reader.bits(16), complement = try reader.bits(16)
                guard length == ~complement & 0xFFFF else { throw Malformed(description: "stored block length") }
                for _ in 0..<length { out.append(UInt8(try reader.bits(8))) }
            case 1:
                try block(&reader, &out, literals: fixedLiterals, distances: fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables(&reader)
                try block(&reader, &out, literals: literals, distances: distances)
            default:
                throw Malformed(description: "reserved block type")
            }
        }
        return out
    }

    /// A canonical Huffman code from its code lengths: symbols by (length, symbol).
    struct Code {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(_ lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            for length in 1..<16 { for (symbol, l) in lengths.enumerated() where l == length { symbols.append(symbol) } }
        }

        func decode(_ reader: inout BitReader) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1..<16 {
                code |= try reader.bits(1)
                let count = counts[length]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Malformed(description: "no such Huffman code")
        }
    }

    static let fixedLiterals = Code((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = Code(Array(repeating: 5, count: 30))
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func block(_ reader: inout BitReader, _ out: inout [UInt8], literals: Code, distances: Code) throws {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < lengthBase.count else { throw Malformed(description: "length code \(symbol)") }
            let length = lengthBase[index] + (try reader.bits(lengthExtra[index]))
            let code = try distances.decode(&reader)
            guard code < distanceBase.count else { throw Malformed(description: "distance code \(code)") }
            let distance = distanceBase[code] + (try reader.bits(distanceExtra[code]))
            guard distance <= out.count else { throw Malformed(description: "distance beyond the output") }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }

    static func dynamicTables(_ reader: inout BitReader) throws -> (Code, Code) {
        let literalCount = try reader.bits(5) + 257, distanceCount = try reader.bits(5) + 1, lengthCount = try reader.bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<lengthCount { codeLengths[order[index]] = try reader.bits(3) }
        let lengthCode = Code(codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&reader)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Malformed(description: "repeat with nothing before") }
                lengths += Array(repeating: previous, count: 3 + (try reader.bits(2)))
            case 17: lengths += Array(repeating: 0, count: 3 + (try reader.bits(3)))
            default: lengths += Array(repeating: 0, count: 11 + (try reader.bits(7)))
            }
        }
        return (Code(Array(lengths[..<literalCount])), Code(Array(lengths[literalCount..<(literalCount + distanceCount)])))
    }

    struct BitReader {
        let bytes: [UInt8]
        var position = 0, bit = 0

        mutating func bits(_ count: Int) throws -> Int {
            var value = 0
            for index in 0..<count {
                guard position < bytes.count else { throw Malformed(description: "input ends early") }
                value |= Int((bytes[position] >> UInt8(bit)) & 1) << index
                bit += 1
                if bit == 8 { bit = 0; position += 1 }
            }
            return value
        }

        mutating func alignToByte() {
            if bit > 0 { bit = 0; position += 1 }
        }
    }
}
