import AppraiseKit
@testable import AppraiseRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The Word and Excel files and the archive writer under them. LibreOffice opening them for
/// real is Tests/Office/check-office.py, run by .ci/run; these tests read the parts directly.
final class OfficeTests: XCTestCase {
    /// Check values from the CRC catalogue (Greg Cook, "Catalogue of parametrised CRC
    /// algorithms", CRC-32/ISO-HDLC: check = 0xCBF43926 for "123456789") and from zlib's crc32.
    func testCRC32KnownVectors() {
        XCTAssertEqual(CRC32.checksum(Data("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum(Data()), 0)
        XCTAssertEqual(CRC32.checksum(Data("a".utf8)), 0xE8B7_BE43)
        XCTAssertEqual(CRC32.checksum(Data("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        XCTAssertEqual(CRC32.checksum(Data(repeating: 0, count: 32)), 0x190A_55AD)
    }

    func testArchiveReadsBackEntryByEntryWithFixedTimestamps() throws {
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", "<Types/>")
        archive.add("dir/é.txt", Data([0, 1, 2, 255]))
        archive.add("empty", Data())
        let entries = try StoredZip.read(archive.data)
        XCTAssertEqual(entries.map(\.path), ["[Content_Types].xml", "dir/é.txt", "empty"])
        XCTAssertEqual(entries[1].contents, Data([0, 1, 2, 255]))
        XCTAssertEqual(entries.map(\.date), [33, 33, 33], "1980-01-01 in MS-DOS form")
        XCTAssertEqual(archive.data, archive.data)
    }

    /// Deflated parts read back whole through a decoder written apart from the encoder: short
    /// and empty inputs, bytes with no repeats, and markup repeating beyond the 32 KiB window.
    func testDeflateRoundTripsAndShrinksRepeatedMarkup() throws {
        var rng = Xoshiro256StarStar(seed: 1951)
        var inputs: [[UInt8]] = [[], [97], [97, 97], Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8)]
        inputs.append((0..<5_000).map { _ in UInt8(rng.nextInteger(below: 256)) })
        var markup = ""
        for row in 0..<3_000 { markup += "<row r=\"\(row)\"><c t=\"n\"><v>\(rng.nextInteger(below: 1000))</v></c><c><v>0</v></c></row>" }
        inputs.append(Array(markup.utf8))
        inputs.append((0..<80_000).map { UInt8(($0 * $0 / 7 + Int(rng.nextInteger(below: 3))) % 251) })
        for input in inputs {
            let deflated = Deflate.compress(input)
            XCTAssertEqual(try Inflate.decompress(deflated), input, "\(input.count) bytes")
            XCTAssertEqual(Deflate.compress(input), deflated, "reproducible")
        }
        XCTAssertLessThan(Deflate.compress(Array(markup.utf8)).count * 4, markup.utf8.count, "markup shrinks to under a quarter")
    }

    func testWordDocumentHasStylesA4EveryTableAndDescribedCharts() throws {
        let pack = try PackFixtures.reference()
        let parts = try StoredZip.parts(pack.docx)
        XCTAssertEqual(try StoredZip.read(pack.docx).first?.path, "[Content_Types].xml")
        for (name, data) in parts where name.hasSuffix(".xml") || name.hasSuffix(".rels") || name.hasSuffix(".svg") {
            XCTAssertTrue(XMLParser(data: data).parse(), "\(name) is well-formed XML")
        }
        let document = PackFixtures.string(try XCTUnwrap(parts["word/document.xml"]))
        let styles = PackFixtures.string(try XCTUnwrap(parts["word/styles.xml"]))
        for style in ["Heading1", "Heading2", "Heading3", "ReportTable", "ListBullet", "Title"] {
            XCTAssertTrue(styles.contains("w:styleId=\"\(style)\""), style)
            XCTAssertTrue(document.contains("w:val=\"\(style)\""), "the document uses \(style)")
        }
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4")
        let tables = pack.document.tables
        XCTAssertEqual(document.components(separatedBy: "<w:tblHeader/>").count - 1, tables.count, "every table repeats its header row")
        for table in tables { XCTAssertTrue(document.contains(">\(OfficeXML.escape(table.caption))<"), table.caption) }
        XCTAssertTrue(document.contains("The published totals contain an error"))
        XCTAssertTrue(document.contains(">26/40 (published 24/40, 4th)<"), "the correction beside the total in the ranking")
        XCTAssertTrue(document.contains(">Appendix J: Rationale for each score<"))
        // Committee-report conventions: numbered paragraphs, a contents field, page numbers in the footer.
        XCTAssertTrue(document.contains("<w:pStyle w:val=\"NumberedPara\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2.1\t</w:t></w:r>"))
        XCTAssertTrue(document.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText>"))
        XCTAssertTrue(document.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"))
        XCTAssertTrue(PackFixtures.string(try XCTUnwrap(parts["word/footer1.xml"])).contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        for chart in pack.chartFiles {
            XCTAssertNotNil(parts["word/media/\(chart.fileName)"], chart.fileName)
            let emf = try XCTUnwrap(parts["word/media/\(chart.fileName.dropLast(4)).emf"], "\(chart.fileName) as a metafile")
            XCTAssertEqual(try Metafile.records(emf).last, 14, "ends with EMR_EOF")
            XCTAssertTrue(document.contains("descr=\"\(OfficeXML.escape(chart.description))\""), "alt text for \(chart.fileName)")
        }
    }

    func testChartMetafileDrawsEveryShapeAndTextOfTheChart() throws {
        let pack = try PackFixtures.reference()
        let chart = try XCTUnwrap(pack.chartFiles.first)
        let emf = ChartMetafile.emf(fromSVG: chart.svg, width: chart.width, height: chart.height)
        XCTAssertEqual(emf, ChartMetafile.emf(fromSVG: chart.svg, width: chart.width, height: chart.height), "reproducible")
        let types = try Metafile.records(emf)
        let count = { (needle: String) in chart.svg.components(separatedBy: needle).count - 1 }
        XCTAssertEqual(types.filter { $0 == 43 }.count, count("<rect "), "a rectangle per bar segment")
        XCTAssertEqual(types.filter { $0 == 54 }.count, count("<line "), "a line per line")
        XCTAssertEqual(types.filter { $0 == 84 }.count, count("<text "), "a text record per text")
        let utf16 = { (text: String) in Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        XCTAssertNotNil(emf.range(of: utf16("Total, points out of 40")))
        XCTAssertNotNil(emf.range(of: utf16("26/40 (published 24/40, 4th)")))
        XCTAssertNotNil(emf.range(of: utf16("Wholly Owned Company – Trust")), "entities and dashes as written")
    }

    func testWorkbookIsAModelWithInputsAndTypedTables() throws {
        let pack = try PackFixtures.reference()
        let parts = try StoredZip.parts(pack.xlsx)
        for (name, data) in parts { XCTAssertTrue(XMLParser(data: data).parse(), "\(name) is well-formed XML") }
        let workbook = PackFixtures.string(try XCTUnwrap(parts["xl/workbook.xml"]))
        XCTAssertTrue(workbook.contains("<sheet name=\"Options\" sheetId=\"1\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"Weights\" sheetId=\"2\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"Contents\" sheetId=\"3\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"Ranking of options\""), "sheets named in words, not by file name")
        XCTAssertFalse(workbook.contains("<sheet name=\"score-matrix\""))
        let options = PackFixtures.string(try XCTUnwrap(parts["xl/worksheets/sheet1.xml"]))
        XCTAssertEqual(try cell(options, "J5"), "<c><f>IF(SUM($B$4:$I$4)=0,&quot;&quot;,ROUND(COLUMNS($B$4:$I$4)*SUMPRODUCT(B5:I5,$B$4:$I$4)/SUM($B$4:$I$4),9))</f><v>33</v></c>")
        XCTAssertTrue(options.contains("RANK(J5,$J$5:$J$12,0))</f><v>1</v>"))
        XCTAssertTrue(try cell(options, "B4").hasPrefix("<c><f>Weights!B2</f>"), "the weights come from the input sheet")
        XCTAssertTrue(options.contains("<pane xSplit=\"1\" ySplit=\"4\" topLeftCell=\"B5\""))
        XCTAssertEqual(try cell(options, "B5"), "<c><v>4</v></c>", "scores are numbers")
        XCTAssertFalse(options.contains("width=\"60\""), "no column frozen at 60 characters")
        let weights = PackFixtures.string(try XCTUnwrap(parts["xl/worksheets/sheet2.xml"]))
        XCTAssertTrue(try cell(weights, "B2").hasPrefix("<c s=\"4\"><v>"), "weights are marked as inputs")
        XCTAssertTrue(try cell(weights, "C2").hasPrefix("<c s=\"2\"><f>IF(SUM($B$2:$B$9)=0,&quot;&quot;,B2/SUM($B$2:$B$9))</f>"), "shown as shares")
        XCTAssertTrue(weights.contains("<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\""))
        XCTAssertTrue(weights.contains("sqref=\"B2:B9\""))
        let ranking = try XCTUnwrap(pack.spreadsheetTables.firstIndex { $0.id == "ranking" })
        let sheet = PackFixtures.string(try XCTUnwrap(parts["xl/worksheets/sheet\(ranking + 4).xml"]))
        XCTAssertTrue(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        XCTAssertEqual(try cell(sheet, "D2"), "<c><v>33</v></c>", "totals typed as numbers")
        XCTAssertEqual(try cell(sheet, "F2"), "<c s=\"2\"><v>0.825</v></c>", "percentages typed as numbers")
        XCTAssertTrue(try cell(sheet, "A3").hasPrefix("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">2=</t>"), "a shared rank stays text")
    }

    /// The markup of the cell at `reference` ("K3") without its `r`, placed as a reader places
    /// cells: by their reference where they give one, else just after the cell before.
    private func cell(_ sheet: String, _ reference: String) throws -> String {
        let letters = reference.prefix { $0.isLetter }, row = String(reference.dropFirst(letters.count))
        let open = try XCTUnwrap(sheet.range(of: "<row r=\"\(row)\""), "row \(row)")
        let start = try XCTUnwrap(sheet[open.upperBound...].range(of: ">"))
        let end = try XCTUnwrap(sheet[start.upperBound...].range(of: "</row>"))
        func column(_ letters: Substring) -> Int { letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1 }
        var next = 0
        for var markup in sheet[start.upperBound..<end.lowerBound].components(separatedBy: "<c").dropFirst().map({ "<c" + $0 }) {
            if let given = markup.range(of: #" r="[A-Z]+[0-9]+""#, options: .regularExpression) {
                next = column(markup[given].dropFirst(4).prefix { $0.isLetter })
                markup.removeSubrange(given)
            }
            if next == column(letters) { return markup }
            next += 1
        }
        XCTFail("no cell \(reference)")
        return ""
    }

    /// Sheet names in words, within Excel's rules: 31 characters, no : \ / ? * [ ], unique ignoring case.
    func testSheetNamesAreWordsWithinExcelsRules() {
        var used: Set<String> = ["options"]
        XCTAssertEqual(ReportPack.sheetName("Budget frontier: the best benefit at every budget (Capital cost)", used: &used), "Budget frontier the best")
        XCTAssertEqual(ReportPack.sheetName("Options", used: &used), "Options (2)")
        XCTAssertEqual(ReportPack.sheetName("a/b?c*d[e]f\\g", used: &used), "a b c d e f g")
        XCTAssertEqual(ReportPack.sheetName(String(repeating: "x", count: 40), used: &used).count, 31)
    }

    /// The SEND programme as a model: the tool's set funded (1s), spend and places as SUMPRODUCTs
    /// of the flags, cached at the tool's figures (£637,000, 85 places), budget and target checks.
    func testProgrammeSheetDrivesSpendAndPlacesFromFlags() throws {
        let pack = try PackFixtures.send()
        let parts = try StoredZip.parts(pack.xlsx)
        let workbook = PackFixtures.string(try XCTUnwrap(parts["xl/workbook.xml"]))
        XCTAssertTrue(workbook.contains("<sheet name=\"Programme\" sheetId=\"3\""))
        let sheet = PackFixtures.string(try XCTUnwrap(parts["xl/worksheets/sheet3.xml"]))
        XCTAssertTrue(sheet.contains("<dataValidation type=\"whole\" operator=\"between\""))
        XCTAssertTrue(sheet.contains("<f>SUMPRODUCT($B$2:$B$13,D2:D13)</f><v>637000</v>"), sheet)
        XCTAssertTrue(sheet.contains("<f>SUMPRODUCT($B$2:$B$13,E2:E13)</f><v>85</v>"), sheet)
        XCTAssertTrue(sheet.contains("t=\"str\"><f>IF(C16&lt;=C17,&quot;yes&quot;,&quot;no&quot;)</f><v>yes</v>"), sheet)
        XCTAssertTrue(sheet.contains("<f>Options!D"), "benefits are the live totals of the options sheet")
    }

    func testUserTextNeverBecomesAFormulaOrMarkup() throws {
        let pack = try PackFixtures.pack(PackFixtures.hostile())
        let sheets = try StoredZip.parts(pack.xlsx).filter { $0.key.hasPrefix("xl/worksheets/") }
        for (name, data) in sheets {
            let text = PackFixtures.string(data)
            XCTAssertTrue(XMLParser(data: data).parse(), name)
            for formula in text.components(separatedBy: "<f>").dropFirst() {
                let body = formula.prefix { $0 != "<" }
                XCTAssertFalse(body.contains("HYPERLINK") || body.contains("@SUM") || body.contains("script"), "\(name): \(body)")
            }
        }
        let model = PackFixtures.string(try XCTUnwrap(sheets["xl/worksheets/sheet1.xml"]))
        XCTAssertTrue(model.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficeXML.escape(PackFixtures.formula))</t>"))
        let document = try XCTUnwrap(StoredZip.parts(pack.docx)["word/document.xml"])
        XCTAssertTrue(XMLParser(data: document).parse())
        XCTAssertTrue(PackFixtures.string(document).contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"))
    }

    func testOfficeFilesAndChartsAreInTheManifestAndReproducible() throws {
        let pack = try PackFixtures.reference()
        let first = pack.files(), second = try PackFixtures.reference().files()
        XCTAssertEqual(first.map(\.path), second.map(\.path))
        XCTAssertEqual(first.map(\.contents), second.map(\.contents), "byte-identical on a second run")
        let manifest = try PackManifest(parsing: XCTUnwrap(first.first { $0.path == PackManifest.fileName }?.contents))
        let listed = Set(manifest.files.map(\.path))
        XCTAssertTrue(listed.isSuperset(of: ["report.docx", "workbook.xlsx", "chart-totals.svg"]))
        XCTAssertEqual(pack.chartFiles.count, 2 + pack.appraisal.criteria.count, "totals, a sweep per criterion, rank acceptability")
        for chart in pack.chartFiles {
            XCTAssertTrue(listed.contains(chart.fileName))
            XCTAssertTrue(XMLParser(data: Data(chart.svg.utf8)).parse(), chart.fileName)
            XCTAssertTrue(chart.svg.contains("<title id=") && chart.svg.contains("<desc id="), chart.fileName)
            XCTAssertTrue(chart.svg.contains("<style>"), "a standalone chart carries its style")
        }
        XCTAssertEqual(try PackFixtures.pack(PackFixtures.small()).files([.docx]).map(\.path), ["report.docx", "manifest.json", "SHA256SUMS"])
    }
}

/// Walks an EMF's records, checking the header's signature, size and record count.
enum Metafile {
    static func records(_ data: Data) throws -> [UInt32] {
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        guard bytes.count >= 108, u32(0) == 1, u32(40) == 0x464D_4520, Int(u32(48)) == bytes.count else { throw StoredZip.Malformed(description: "bad EMF header") }
        var types: [UInt32] = [], offset = 0
        while offset + 8 <= bytes.count {
            let size = Int(u32(offset + 4))
            guard size >= 8, size % 4 == 0, offset + size <= bytes.count else { throw StoredZip.Malformed(description: "bad EMF record at \(offset)") }
            types.append(u32(offset))
            offset += size
        }
        guard offset == bytes.count, types.count == Int(u32(52)) else { throw StoredZip.Malformed(description: "EMF record count") }
        return types
    }
}

/// A reader for the stored (uncompressed) ZIP archives the pack writes, checking each entry's
/// CRC-32 and sizes against its local header and the central directory.
enum StoredZip {
    struct Entry { let path: String; let contents: Data; let date: UInt16 }
    struct Malformed: Error, CustomStringConvertible { let description: String }

    static func read(_ data: Data) throws -> [Entry] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        var entries: [Entry] = [], offset = 0
        while offset + 4 <= bytes.count, u32(offset) == 0x0403_4B50 {
            let method = u16(offset + 8)
            guard method == 0 || method == 8 else { throw Malformed(description: "entry neither stored nor deflated") }
            let crc = u32(offset + 14), size = Int(u32(offset + 18)), nameLength = u16(offset + 26), extra = u16(offset + 28)
            guard method == 8 || Int(u32(offset + 22)) == size else { throw Malformed(description: "sizes differ") }
            let nameStart = offset + 30, dataStart = nameStart + nameLength + extra
            let path = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            let raw = Array(bytes[dataStart..<dataStart + size])
            let contents = Data(method == 8 ? try Inflate.decompress(raw) : raw)
            guard contents.count == Int(u32(offset + 22)) else { throw Malformed(description: "\(path): size differs from the header") }
            guard CRC32.checksum(contents) == crc else { throw Malformed(description: "\(path): CRC mismatch") }
            entries.append(Entry(path: path, contents: contents, date: UInt16(u16(offset + 12))))
            offset = dataStart + size
        }
        var directory = offset, count = 0
        while directory + 4 <= bytes.count, u32(directory) == 0x0201_4B50 {
            count += 1
            directory += 46 + u16(directory + 28) + u16(directory + 30) + u16(directory + 32)
        }
        guard u32(directory) == 0x0605_4B50, u16(directory + 10) == entries.count, count == entries.count,
              Int(u32(directory + 16)) == offset else { throw Malformed(description: "bad central directory") }
        return entries
    }

    static func parts(_ data: Data) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try read(data).map { ($0.path, $0.contents) })
    }
}
