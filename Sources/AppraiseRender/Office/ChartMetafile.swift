import Foundation

/// A chart as an Enhanced Metafile (EMF), the vector picture format every version of Word and
/// LibreOffice draws, so the Word report's charts show everywhere with real, selectable text.
/// It reads the charts' own standalone SVG (only the few shapes the charts draw: rectangles,
/// lines, circles and text, styled by their classes) and writes the matching GDI records.
enum ChartMetafile {
    static func emf(fromSVG svg: String, width: Double, height: Double) -> Data {
        var writer = Writer()
        writer.record(18, [1])  // EMR_SETBKMODE: transparent text background
        SVGElements.forEach(in: svg) { element in
            let attributes = element.attributes, content = element.content
            let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
            let number = { (name: String) in Double(attributes[name] ?? "") ?? 0 }
            switch element.kind {
            case .rect:
                writer.shape(fill: attributes["fill"], stroke: "#ffffff", strokeWidth: 1)
                writer.box(43, number("x"), number("y"), number("x") + number("width"), number("y") + number("height"))
            case .circle:
                writer.shape(fill: "#ffffff", stroke: "#a40e26", strokeWidth: 2)
                let (cx, cy, r) = (number("cx"), number("cy"), number("r"))
                writer.box(42, cx - r, cy - r, cx + r, cy + r)
            case .line:
                let style = Self.lineStyle(classes, attributes)
                writer.shape(fill: nil, stroke: style.colour, strokeWidth: style.width, dashed: style.dashed)
                writer.point(27, number("x1"), number("y1"))
                writer.point(54, number("x2"), number("y2"))
            case .text:
                guard !content.isEmpty else { return }
                var (x, y, rotated) = (number("x"), number("y"), false)
                if let transform = attributes["transform"], let values = Self.translation(transform) {
                    (x, y, rotated) = (values.0, values.1, transform.contains("rotate(-90)"))
                }
                let size = classes.contains("end-label") ? 11.0 : 13.0
                let colour = classes.contains("label") || classes.contains("end-label") ? "#1b1f24" : "#57606a"
                writer.text(content, x: x, y: y, size: size, colour: colour, anchor: attributes["text-anchor"] ?? "start", rotated: rotated)
            }
        }
        return writer.file(width: width, height: height)
    }

    static func lineStyle(_ classes: Set<String>, _ attributes: [String: String]) -> (colour: String, width: Double, dashed: Bool) {
        if classes.contains("grid") { return ("#d0d7de", 1, false) }
        if classes.contains("axis") { return ("#1b1f24", 1.5, false) }
        if classes.contains("current") { return ("#1b1f24", 1.5, true) }
        let dashed = !(attributes["stroke-dasharray"] ?? "").isEmpty
        let width = classes.contains("leader") ? 4.0 : classes.contains("connector") ? 1.5 : 2.5
        return (attributes["stroke"] ?? "#1b1f24", width, dashed)
    }

    static func translation(_ transform: String) -> (Double, Double)? {
        guard let start = transform.range(of: "translate("), let end = transform[start.upperBound...].firstIndex(of: ")") else { return nil }
        let values = transform[start.upperBound..<end].split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        return values.count == 2 ? (values[0], values[1]) : nil
    }

    /// GDI records, coordinates in the chart's own units scaled by `scale` for precision.
    struct Writer {
        static let scale = 10.0
        /// "Arial" in UTF-16, padded to the 32 characters of a LOGFONTW face name.
        static let face: Data = {
            var face = Data("Arial".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            face.append(Data(count: 64 - face.count))
            return face
        }()
        var body = Data()
        var records = 1
        var handles = 0

        mutating func record(_ type: UInt32, _ values: [UInt32], extra: Data = Data()) {
            body.append(le32: type)
            body.append(le32: UInt32(8 + 4 * values.count + extra.count))
            for value in values { body.append(le32: value) }
            body.append(extra)
            records += 1
        }

        func unit(_ value: Double) -> UInt32 { UInt32(bitPattern: Int32((value * Self.scale).rounded())) }

        static func colour(_ hex: String?) -> UInt32 {
            guard let hex, hex.hasPrefix("#") else { return 0 }
            var digits = String(hex.dropFirst())
            if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
            let value = UInt32(digits, radix: 16) ?? 0
            // COLORREF is 0x00BBGGRR.
            return ((value & 0xFF) << 16) | (value & 0xFF00) | ((value >> 16) & 0xFF)
        }

        /// Creates, selects and (after the next shape) frees a pen and a brush; handles 1 and 2.
        mutating func shape(fill: String?, stroke: String, strokeWidth: Double, dashed: Bool = false) {
            record(40, [1]); record(40, [2])
            record(38, [1, dashed ? 1 : 0, unit(strokeWidth), 0, Self.colour(stroke)])  // EMR_CREATEPEN: PS_SOLID or PS_DASH
            record(37, [1])
            if let fill {
                record(39, [2, 0, Self.colour(fill), 0])  // EMR_CREATEBRUSHINDIRECT, BS_SOLID
                record(37, [2])
            } else {
                record(37, [0x8000_0005])  // NULL_BRUSH
            }
            handles = max(handles, 3)
        }

        mutating func box(_ type: UInt32, _ left: Double, _ top: Double, _ right: Double, _ bottom: Double) {
            record(type, [unit(left), unit(top), unit(right), unit(bottom)])
        }

        mutating func point(_ type: UInt32, _ x: Double, _ y: Double) { record(type, [unit(x), unit(y)]) }

        mutating func text(_ text: String, x: Double, y: Double, size: Double, colour: String, anchor: String, rotated: Bool) {
            record(40, [3])
            var font = Data()
            for value in [UInt32(bitPattern: Int32(-(size * Self.scale).rounded())), 0, rotated ? 900 : 0, rotated ? 900 : 0, 400] {
                font.append(le32: value)
            }
            font.append(contentsOf: [0, 0, 0, 1, 0, 0, 0, 0])  // not italic, underlined or struck; DEFAULT_CHARSET
            font.append(Self.face)
            record(82, [3], extra: font)  // EMR_EXTCREATEFONTINDIRECTW
            record(37, [3])
            handles = max(handles, 4)
            // TA_BASELINE with TA_LEFT, TA_CENTER or TA_RIGHT.
            record(22, [24 | (anchor == "middle" ? 6 : anchor == "end" ? 2 : 0)])
            record(24, [Self.colour(colour)])
            let units = Array(text.utf16)
            var string = Data(units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if string.count % 4 != 0 { string.append(Data(count: 4 - string.count % 4)) }
            var spacing = Data()
            for unit in units { spacing.append(le32: UInt32((Metrics.advance(unit) * size * Self.scale / 1000).rounded())) }
            let offString = UInt32(76), offDx = offString + UInt32(string.count)
            var values: [UInt32] = [0, 0, 0xFFFF_FFFF, 0xFFFF_FFFF, 1, 0, 0]  // bounds, GM_COMPATIBLE, no scaling
            values += [self.unit(x), self.unit(y), UInt32(units.count), offString, 0, 0, 0, 0xFFFF_FFFF, 0xFFFF_FFFF, offDx]
            record(84, values, extra: string + spacing)  // EMR_EXTTEXTOUTW
        }

        /// The file: header, records, end of file. Logical units are tenths of the chart's pixels,
        /// mapped to the chart's size at 96 pixels an inch.
        func file(width: Double, height: Double) -> Data {
            var end = Data()
            end.append(le32: 14); end.append(le32: 20); end.append(le32: 0); end.append(le32: 16); end.append(le32: 20)
            let device = (x: UInt32(width * Self.scale), y: UInt32(height * Self.scale))
            // 96 pixels an inch: 0.26458 mm a pixel.
            let millimetres = (x: width * 0.264583, y: height * 0.264583)
            var header = Data()
            for value: UInt32 in [1, 108, 0, 0, device.x, device.y, 0, 0, UInt32(millimetres.x * 100), UInt32(millimetres.y * 100),
                                  0x464D_4520, 0x10000, UInt32(108 + body.count + end.count), UInt32(records + 1)] {
                header.append(le32: value)
            }
            header.append(le16: UInt16(handles + 1)); header.append(le16: 0)
            for value: UInt32 in [0, 0, 0, device.x, device.y, UInt32(millimetres.x.rounded()), UInt32(millimetres.y.rounded()), 0, 0, 0,
                                  UInt32(millimetres.x * 1000), UInt32(millimetres.y * 1000)] {
                header.append(le32: value)
            }
            return header + body + end
        }
    }
}

/// Character advances of Arial (metrically the same as Helvetica), in thousandths of the font
/// size: the spacing an EMF text record carries for every character.
enum Metrics {
    static let ascii: [UInt16: Double] = {
        let widths: [(String, Double)] = [
            (" ,.:;!/Iijl|[]\\f", 278), ("'", 191), ("\"", 355), ("-()`r{}", 333), ("*", 389), ("+<=>~", 584), ("%", 889), ("&ABEKPSVXY", 667),
            ("@", 1015), ("CDHNRUw", 722), ("FTZ", 611), ("GOQ", 778), ("J", 500), ("L", 556), ("Mm", 833), ("W", 944),
            ("ckvxyz", 500), ("s", 500), ("_#$0123456789?abdeghnopqu", 556), ("t", 278), ("^", 469),
        ]
        var table: [UInt16: Double] = [:]
        for (characters, width) in widths { for unit in characters.utf16 { table[unit] = width } }
        return table
    }()

    static func advance(_ unit: UInt16) -> Double {
        if let width = ascii[unit] { return width }
        switch unit {
        case 0x2013: return 556  // en dash
        case 0x2026, 0x2190, 0x2192: return 1000  // ellipsis, arrows
        case 0x00E9, 0x00E8, 0x00E0, 0x00E1, 0x00F3, 0x00FC: return 556
        default: return 600
        }
    }
}
