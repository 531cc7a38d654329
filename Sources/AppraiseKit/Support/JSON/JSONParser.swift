import Foundation

/// A strict JSON reader (RFC 8259) that keeps positions and number literals.
///
/// Foundation's decoder neither reports unknown keys nor says where a value sits in the file,
/// and both matter to an officer editing an appraisal by hand.
public enum JSONParser {
    /// Parses UTF-8 JSON text (a leading byte-order mark is allowed). Throws on the first
    /// syntax error with its line and column and a hint on how to fix it.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONNode {
        var reader = Reader(bytes: [UInt8](data))
        return try reader.document()
    }

    /// The last column computed, shared by copies of a reader.
    private final class ColumnCache {
        var lineStart = -1
        var offset = 0
        var column = 1
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var depth = 0
        let cache = ColumnCache()

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                index = 3
                lineStart = 3
            }
        }

        var position: SourcePosition { SourcePosition(line: line, column: column(of: index)) }

        /// Column in characters, not bytes, so multi-byte text does not shift the pointer.
        /// Positions are asked for in increasing order, so counting resumes from the last
        /// answer on the same line: a file written on one long line still parses in linear time.
        func column(of offset: Int) -> Int {
            var i = lineStart, count = 1
            if cache.lineStart == lineStart && cache.offset <= offset {
                (i, count) = (cache.offset, cache.column)
            }
            while i < offset && i < bytes.count {
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            (cache.lineStart, cache.offset, cache.column) = (lineStart, i, count)
            return count
        }

        func fail(_ message: String, at position: SourcePosition? = nil) -> JSONSyntaxError {
            JSONSyntaxError(message: message, position: position ?? self.position)
        }

        mutating func document() throws(JSONSyntaxError) -> JSONNode {
            try checkEncoding()
            skipWhitespace()
            guard index < bytes.count else {
                // A file of nothing but spaces or line ends is not empty, and saying so would
                // send the officer looking for a truncated save.
                let blank = bytes.count - (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
                throw fail(blank == 0 ? "the file is empty; an appraisal file holds one JSON object { … }"
                    : "the file holds \(blank) bytes of white space (spaces, tabs or line ends) and no JSON; an appraisal file holds one JSON object { … }")
            }
            let node = try value()
            skipWhitespace()
            if index < bytes.count {
                throw fail("unexpected text after the end of the JSON value; remove it or check for a missing comma or bracket")
            }
            return node
        }

        /// Rejects files that are not UTF-8 (UTF-16 from Notepad, Latin-1 from old exports)
        /// up front, with the place of the first bad byte.
        mutating func checkEncoding() throws(JSONSyntaxError) {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw fail("the file is UTF-16 text; save it as UTF-8", at: SourcePosition(line: 1, column: 1))
            }
            var i = index
            var scanLine = 1
            var scanLineStart = index
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A { scanLine += 1; scanLineStart = i + 1 }
                let length: Int
                switch byte {
                case 0x00:
                    throw fail("the file contains NUL bytes, so it is probably UTF-16 text; save it as UTF-8",
                               at: SourcePosition(line: scanLine, column: i - scanLineStart + 1))
                case 0x01...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: length = 0
                }
                var valid = length > 0 && i + length <= bytes.count
                if valid {
                    for continuation in bytes[(i + 1)..<(i + length)] where continuation & 0xC0 != 0x80 { valid = false }
                }
                if valid, length > 1, String(bytes: bytes[i..<(i + length)], encoding: .utf8) == nil { valid = false }
                guard valid else {
                    let saved = (line, lineStart)
                    (line, lineStart) = (scanLine, scanLineStart)
                    let error = fail(
                        "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8",
                        at: SourcePosition(line: scanLine, column: column(of: i)))
                    (line, lineStart) = saved
                    throw error
                }
                i += length
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value() throws(JSONSyntaxError) -> JSONNode {
            skipWhitespace()
            let start = position
            guard index < bytes.count else { throw fail("the file ends in the middle of a value; it may be cut short") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(start: start)
            case UInt8(ascii: "["): return try array(start: start)
            case UInt8(ascii: "\""): return JSONNode(kind: .string(try string()), position: start)
            case UInt8(ascii: "t"): try literal("true"); return JSONNode(kind: .bool(true), position: start)
            case UInt8(ascii: "f"): try literal("false"); return JSONNode(kind: .bool(false), position: start)
            case UInt8(ascii: "n"): try literal("null"); return JSONNode(kind: .null, position: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONNode(kind: .number(try number()), position: start)
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                throw fail("NaN and Infinity are not numbers; write a finite number such as 3")
            case UInt8(ascii: "'"):
                throw fail("strings need double quotes (\"…\"), not single quotes")
            default:
                throw fail("expected a value (an object, list, string, number, true, false or null) but found '\(scalarText())'")
            }
        }

        func scalarText() -> String {
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self)
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            let expected = Array(word.utf8)
            guard bytes.count >= index + expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                throw fail("expected '\(word)'; check the spelling (JSON is lower case: true, false, null)")
            }
            index += expected.count
        }

        mutating func enter() throws(JSONSyntaxError) {
            depth += 1
            if depth > 256 { throw fail("the JSON is nested more than 256 levels deep") }
        }

        mutating func object(start: SourcePosition) throws(JSONSyntaxError) -> JSONNode {
            try enter()
            index += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONNode(kind: .object(members), position: start)
            }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard index < bytes.count else { throw fail("the file ends inside an object opened at \(start); add the closing }") }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    if bytes[index] == UInt8(ascii: "}") { throw fail("a comma before } is not allowed in JSON; remove the trailing comma") }
                    throw fail("expected a key in double quotes")
                }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\"") }
                index += 1
                let member = try value()
                members.append(JSONMember(key: key, keyPosition: keyPosition, value: member))
                skipWhitespace()
                guard index < bytes.count else { throw fail("the file ends inside an object opened at \(start); add the closing }") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw fail("expected ',' or '}' after the value of \"\(key)\"; a comma is probably missing")
            }
            depth -= 1
            return JSONNode(kind: .object(members), position: start)
        }

        mutating func array(start: SourcePosition) throws(JSONSyntaxError) -> JSONNode {
            try enter()
            index += 1
            var elements: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONNode(kind: .array(elements), position: start)
            }
            while true {
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                    throw fail("a comma before ] is not allowed in JSON; remove the trailing comma")
                }
                elements.append(try value())
                skipWhitespace()
                guard index < bytes.count else { throw fail("the file ends inside a list opened at \(start); add the closing ]") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                throw fail("expected ',' or ']' in the list opened at \(start); a comma is probably missing")
            }
            depth -= 1
            return JSONNode(kind: .array(elements), position: start)
        }

        mutating func number() throws(JSONSyntaxError) -> String {
            let begin = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits(_ reader: inout Reader) -> Int {
                let from = reader.index
                while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                    reader.index += 1
                }
                return reader.index - from
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") || bytes[index] == UInt8(ascii: "N") {
                throw fail("NaN and Infinity are not numbers; write a finite number such as 3")
            }
            let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
            let whole = digits(&self)
            guard whole > 0 else { throw fail("a number needs a digit after '-'") }
            if leadingZero && whole > 1 { throw fail("numbers may not start with 0 (write 7, not 07)", at: SourcePosition(line: line, column: column(of: begin))) }
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { throw fail("a number needs a digit after the decimal point (write 3.0 or 3)") }
            }
            if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
                index += 1
                if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
                guard digits(&self) > 0 else { throw fail("a number's exponent needs digits") }
            }
            return String(decoding: bytes[begin..<index], as: UTF8.self)
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            let start = position
            index += 1
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flush(_ reader: Reader, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
                if end > runStart { scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
            }
            while true {
                guard index < bytes.count else { throw fail("the string opened at \(start) is never closed; add the closing \"") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(self, upTo: index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 {
                    if byte == 0x0A { throw fail("the string opened at \(start) runs past the end of the line; close it with \" or write a line break as \\n") }
                    throw fail("a control character (0x\(String(byte, radix: 16))) is not allowed inside a string; write it as an escape such as \\t")
                }
                if byte == UInt8(ascii: "\\") {
                    flush(self, upTo: index, into: &scalars)
                    index += 1
                    guard index < bytes.count else { throw fail("the string ends in the middle of an escape") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                    default: throw fail("'\\\(Character(Unicode.Scalar(escape)))' is not a JSON escape; write a backslash as \\\\", at: SourcePosition(line: line, column: column(of: index - 2)))
                    }
                    runStart = index
                    continue
                }
                index += 1
            }
        }

        mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                throw fail("\\u must be followed by four hexadecimal digits")
            }
            index += 4
            return value
        }

        mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
            let high = try hexQuad()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("a \\u surrogate must come as a pair")
                }
                index += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u surrogate must come as a pair") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw fail("\\u\(String(high, radix: 16)) is not a character") }
            return scalar
        }
    }
}
