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
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scalars = try decodeUTF8(bytes, fileName: fileName)
        let separator = detectSeparator(scalars)
        let rows = try parse(scalars, separator: separator, fileName: fileName)
        guard rows.contains(where: { !$0.isBlank }) else {
            throw CSVError(file: fileName, line: 1, message: "the file is empty; it needs a header row and at least one row of data")
        }
        return CSVTable(separator: separator, rows: rows)
    }

    /// The separator used by the first record: the header line decides for the whole file.
    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> CSVSeparator {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if !quoted {
                if scalar == "\n" || scalar == "\r" { break }
                if scalar == "," { commas += 1 }
                if scalar == ";" { semicolons += 1 }
            }
        }
        return semicolons > commas ? .semicolon : .comma
    }

    private static func parse(_ scalars: [Unicode.Scalar], separator: CSVSeparator, fileName: String) throws(CSVError) -> [CSVRow] {
        let delimiter = separator == .comma ? Unicode.Scalar(",") : Unicode.Scalar(";")
        var rows: [CSVRow] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 1
        var afterClosingQuote = false
        var fieldStarted = false
        var index = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            rows.append(CSVRow(line: recordLine, fields: fields))
            fields = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if quoted {
                if scalar == "\"" {
                    if next == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else if scalar == "\r" || scalar == "\n" {
                    field.append("\n")
                    line += 1
                    if scalar == "\r" && next == "\n" { index += 1 }
                } else {
                    field.append(scalar)
                }
            } else if scalar == delimiter {
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                endRecord()
                line += 1
                recordLine = line
                if scalar == "\r" && next == "\n" { index += 1 }
            } else if afterClosingQuote {
                throw CSVError(file: fileName, line: line,
                               message: "text follows a closing quote inside one field; quote the whole field and write a quote inside it as \"\"")
            } else if scalar == "\"" && !fieldStarted {
                quoted = true
                quoteLine = line
                fieldStarted = true
            } else {
                field.append(scalar)
                fieldStarted = true
            }
            index += 1
        }
        if quoted {
            throw CSVError(file: fileName, line: quoteLine,
                           message: "a quoted field opened on this line is never closed; add the closing quote (a quote inside a field is written \"\")")
        }
        if fieldStarted || afterClosingQuote || !fields.isEmpty || !field.isEmpty {
            endRecord()
        }
        return rows
    }

    /// The text's Unicode scalars, or the line of the first byte sequence that is not UTF-8.
    private static func decodeUTF8(_ bytes: [UInt8], fileName: String) throws(CSVError) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                return scalars
            case .error:
                throw CSVError(file: fileName, line: line,
                               message: "this line is not valid UTF-8 text; save the file as \"CSV UTF-8\" from the spreadsheet")
            }
        }
    }
}
