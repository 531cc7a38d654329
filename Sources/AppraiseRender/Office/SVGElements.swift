/// The shapes and texts of a chart's SVG (rect, line, circle, and text with its content), read
/// in one pass over the bytes. It reads what the pattern
/// `<(rect|line|circle|text)\b([^>]*?)/?>(?:([^<]*)</text>)?` with attributes `name="value"`
/// reads, entities undone, without a regular expression: a chart at scale holds tens of
/// thousands of elements, and matching them by pattern was most of the time of a large report.
enum SVGElements {
    struct Element {
        let kind: Kind
        let attributes: [String: String]
        /// The text between `<text …>` and `</text>`, entities undone; empty for shapes.
        let content: String
    }

    enum Kind: CaseIterable {
        case rect, line, circle, text

        var name: [UInt8] {
            switch self {
            case .rect: Array("rect".utf8)
            case .line: Array("line".utf8)
            case .circle: Array("circle".utf8)
            case .text: Array("text".utf8)
            }
        }
    }

    private static let names = Kind.allCases.map { ($0, $0.name) }
    private static let closingText = Array("</text>".utf8)
    private static let (less, greater, slash, quote, equals, ampersand) =
        (UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "="), UInt8(ascii: "&"))

    /// Calls `body` with every element, in document order.
    static func forEach(in svg: String, _ body: (Element) -> Void) {
        let bytes = Array(svg.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == less, let kind = kind(in: bytes, at: i + 1) else {
                i += 1
                continue
            }
            let nameEnd = i + 1 + kind.name.count
            guard let close = bytes[nameEnd...].firstIndex(of: greater) else { return }
            let attributesEnd = close > nameEnd && bytes[close - 1] == slash ? close - 1 : close
            var content = ""
            i = close + 1
            let textEnd = bytes[i...].firstIndex(of: less) ?? bytes.count
            if bytes[textEnd...].starts(with: closingText) {
                content = unescape(bytes[close + 1..<textEnd])
                i = textEnd + closingText.count
            }
            body(Element(kind: kind, attributes: attributes(bytes[nameEnd..<attributesEnd]), content: content))
        }
    }

    /// The element name at `start` when it is a whole word (`<rect`, not `<rectangle`).
    private static func kind(in bytes: [UInt8], at start: Int) -> Kind? {
        for (kind, name) in names where bytes[start...].starts(with: name) {
            let end = start + name.count
            return end < bytes.count && isWord(bytes[end]) ? nil : kind
        }
        return nil
    }

    /// Every `name="value"` in a tag, the name starting with a letter, the last of a repeated name standing.
    static func attributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var found: [String: String] = [:]
        var p = bytes.startIndex
        while p < bytes.endIndex {
            guard isLetter(bytes[p]) else {
                p += 1
                continue
            }
            var q = p + 1
            while q < bytes.endIndex && (isWord(bytes[q]) || bytes[q] == UInt8(ascii: "-")) { q += 1 }
            if q + 1 < bytes.endIndex, bytes[q] == equals, bytes[q + 1] == quote,
               let end = bytes[(q + 2)...].firstIndex(of: quote) {
                found[String(decoding: bytes[p..<q], as: UTF8.self)] = unescape(bytes[(q + 2)..<end])
                p = end + 1
            } else {
                // Every later start inside the same name ends at the same place and fails alike.
                p = q
            }
        }
        return found
    }

    /// `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&amp;` undone, in one pass.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(ampersand) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        next: while i < bytes.endIndex {
            if bytes[i] == ampersand {
                for (entity, character) in entities where bytes[i...].starts(with: entity) {
                    out.append(character)
                    i += entity.count
                    continue next
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = {
        let pairs: [(String, Unicode.Scalar)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        return pairs.map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }
    }()

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// A byte of a word (`\w`): a letter, a digit, an underscore, or part of a character beyond ASCII.
    private static func isWord(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
