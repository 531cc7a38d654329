import Foundation

/// One record of a CSV file, with the line it starts on so every problem found in it can be
/// pointed at. A quoted field may span lines; the record keeps the line of its first character.
public struct CSVRow: Sendable, Hashable {
    /// 1-based line number of the record's first character.
    public let line: Int
    /// The fields as written, with quotes removed and doubled quotes undone; line breaks inside
    /// quoted fields are given as "\n" whatever the file used.
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Whether every field is empty or white space: spreadsheets export such rows between
    /// blocks, and readers skip them.
    public var isBlank: Bool {
        fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// The field separator of a CSV file. Spreadsheets in locales that write decimal commas
/// export with semicolons, so both are accepted.
public enum CSVSeparator: String, Sendable {
    case comma = ","
    case semicolon = ";"
}

/// A whole CSV file: its records in file order and the separator it was found to use.
public struct CSVTable: Sendable, Hashable {
    public let separator: CSVSeparator
    public let rows: [CSVRow]

    public init(separator: CSVSeparator, rows: [CSVRow]) {
        self.separator = separator
        self.rows = rows
    }
}

/// Why a file could not be read as CSV, the line where it happened and how to fix it.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// One sentence ending in the fix.
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form editors and CI logs link.
    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads CSV text as RFC 4180 defines it, and as spreadsheets really write it.
///
/// Accepted: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8" writes one); comma or
/// semicolon separators, decided from the first record (whichever occurs more often outside
/// quotes, commas on a tie); quoted fields with `""` for a quote and with embedded line breaks;
/// CRLF, LF or lone CR line ends; a final line with or without a line end. Fields are returned
/// untrimmed: what a cell holds is the caller's business.
///
/// Refused, with the line: an empty file, bytes that are not UTF-8 (Excel's plain "CSV" is
/// Windows-1252), a quote that is never closed, and text straight after a closing quote.
public enum CSVReader {
    public static func read(_ data: Data, fileName: String) throws(CSVError) -> CSVTable {
        var rows: [CSVRow] = []
        let separator = try forEachRecord(data, fileName: fileName) { rows.append($0) }
        return CSVTable(separator: separator, rows: rows)
    }

    /// Reads the file record by record, handing each to `body` as it is cut, so a reader that
    /// keeps only what it needs of each record never holds the whole table; returns the
    /// separator. Refuses what `read` refuses; records before a refusal have been handed over.
    public static func forEachRecord(_ data: Data, fileName: String, _ body: (CSVRow) -> Void) throws(CSVError) -> CSVSeparator {
        // Work on the UTF-8 bytes: every character with a meaning in CSV is ASCII, so fields are
        // cut from the bytes and decoded once each, with no copy of the file as characters.
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        let result = bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Result<CSVSeparator, CSVError> in
            let utf8 = buffer.bindMemory(to: UInt8.self)
            do throws(CSVError) {
                try checkUTF8(utf8, fileName: fileName)
                let separator = detectSeparator(utf8)
                var any = false
                try parse(utf8, separator: separator, fileName: fileName) { row in
                    any = any || !row.isBlank
                    body(row)
                }
                guard any else {
                    throw CSVError(file: fileName, line: 1, message: utf8.isEmpty ? "the file is empty; it needs a header row and at least one row of data"
                        : "the file's \(utf8.count) bytes are all white space, separators or line ends, with no cell filled in; it needs a header row and at least one row of data")
                }
                return .success(separator)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    /// The separator used by the first record: the header line decides for the whole file.
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVSeparator {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for byte in bytes {
            if byte == quote {
                quoted.toggle()
            } else if !quoted {
                if byte == lineFeed || byte == carriageReturn { break }
                if byte == comma { commas += 1 }
                if byte == semicolon { semicolons += 1 }
            }
        }
        return semicolons > commas ? .semicolon : .comma
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, separator: CSVSeparator, fileName: String, _ body: (CSVRow) -> Void) throws(CSVError) {
        let delimiter = separator == .comma ? comma : semicolon
        var fields: [String] = []
        // The field's bytes, gathered only when it is quoted (an unquoted field is one slice).
        var field: [UInt8] = []
        var fieldStart = 0
        var line = 1
        var recordLine = 1
        var quoted = false
        var wasQuoted = false
        var quoteLine = 1
        var afterClosingQuote = false
        var fieldStarted = false
        var index = 0

        func endField(at end: Int) {
            if wasQuoted {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self))
            }
            fieldStart = end + 1
            wasQuoted = false
            afterClosingQuote = false
            fieldStarted = false
        }
        func endRecord(at end: Int) {
            endField(at: end)
            body(CSVRow(line: recordLine, fields: fields))
            fields = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if quoted {
                if byte == quote {
                    if next == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else if byte == carriageReturn || byte == lineFeed {
                    field.append(lineFeed)
                    line += 1
                    if byte == carriageReturn && next == lineFeed { index += 1 }
                } else {
                    field.append(byte)
                }
            } else if byte == delimiter {
                endField(at: index)
            } else if byte == carriageReturn || byte == lineFeed {
                endRecord(at: index)
                line += 1
                recordLine = line
                if byte == carriageReturn && next == lineFeed {
                    index += 1
                    fieldStart = index + 1
                }
            } else if afterClosingQuote {
                throw CSVError(file: fileName, line: line,
                               message: "text follows a closing quote inside one field; quote the whole field and write a quote inside it as \"\"")
            } else if byte == quote && !fieldStarted {
                quoted = true
                wasQuoted = true
                quoteLine = line
                fieldStarted = true
            } else {
                fieldStarted = true
            }
            index += 1
        }
        if quoted {
            throw CSVError(file: fileName, line: quoteLine,
                           message: "a quoted field opened on this line is never closed; add the closing quote (a quote inside a field is written \"\")")
        }
        if fieldStarted || afterClosingQuote || !fields.isEmpty || fieldStart < bytes.count {
            endRecord(at: bytes.count)
        }
    }

    /// Throws with the line of the first byte sequence that is not UTF-8.
    private static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(CSVError) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return
            case .error:
                throw CSVError(file: fileName, line: line,
                               message: "this line is not valid UTF-8 text; save the file as \"CSV UTF-8\" from the spreadsheet")
            }
        }
    }
}
