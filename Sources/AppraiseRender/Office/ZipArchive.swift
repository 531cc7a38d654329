import Foundation

/// The smallest ZIP writer Office Open XML needs: every entry deflated (or stored when that is
/// no smaller), a fixed timestamp and no extra fields, so the same parts always give the same
/// bytes and a pack's digests stay reproducible.
public struct ZipArchive {
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let contents: Data

        public init(path: String, contents: Data) {
            self.path = path
            self.contents = contents
        }
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Adds a part; order is kept, and `[Content_Types].xml` must come first for Office files.
    public mutating func add(_ path: String, _ contents: Data) {
        precondition(!entries.contains { $0.path == path }, "zip entry \(path) added twice")
        entries.append(Entry(path: path, contents: contents))
    }

    public mutating func add(_ path: String, _ text: String) { add(path, Data(text.utf8)) }

    /// 1980-01-01 00:00:00, the earliest MS-DOS date: no clock reading ever reaches the bytes.
    static let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// The archive's bytes: local headers and data, then the central directory and its end record.
    public var data: Data {
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.path.utf8)
            let crc = CRC32.checksum(entry.contents)
            let size = UInt32(entry.contents.count)
            let deflated = Deflate.compress([UInt8](entry.contents))
            let (method, stored): (UInt16, Data) = deflated.count < entry.contents.count ? (8, Data(deflated)) : (0, entry.contents)
            let offset = UInt32(out.count)
            // Local file header: version 2.0, flag bit 11 (names are UTF-8), method 8 (deflated) or 0 (stored).
            out.append(le32: 0x0403_4b50)
            out.append(le16: 20); out.append(le16: 0x0800); out.append(le16: method)
            out.append(le16: Self.dosTime); out.append(le16: Self.dosDate)
            out.append(le32: crc); out.append(le32: UInt32(stored.count)); out.append(le32: size)
            out.append(le16: UInt16(name.count)); out.append(le16: 0)
            out.append(name)
            out.append(stored)

            central.append(le32: 0x0201_4b50)
            central.append(le16: 20); central.append(le16: 20); central.append(le16: 0x0800); central.append(le16: method)
            central.append(le16: Self.dosTime); central.append(le16: Self.dosDate)
            central.append(le32: crc); central.append(le32: UInt32(stored.count)); central.append(le32: size)
            central.append(le16: UInt16(name.count)); central.append(le16: 0); central.append(le16: 0)
            central.append(le16: 0); central.append(le16: 0); central.append(le32: 0)
            central.append(le32: offset)
            central.append(name)
        }
        let directoryOffset = UInt32(out.count)
        out.append(central)
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0); out.append(le16: 0)
        out.append(le16: UInt16(entries.count)); out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(central.count)); out.append(le32: directoryOffset)
        out.append(le16: 0)
        return out
    }
}

/// CRC-32 as ZIP (and PNG, and gzip) use it: reflected polynomial 0xEDB88320, initial and
/// final value 0xFFFFFFFF.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }

    public static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { bytes in
            table.withUnsafeBufferPointer { table in
                for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) { append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)]) }

    mutating func append(le32 value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
    }
}
