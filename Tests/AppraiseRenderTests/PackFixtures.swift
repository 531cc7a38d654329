import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// Appraisals for the pack tests: the reference appraisal from disk, and small ones built in
/// code whose names and reasons can be made as hostile as a test needs.
enum PackFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let toolVersion = "9.9.9-test"

    /// The pack of a reference appraisal under its own weights: the 2017 review of children's
    /// services by default, or `rotherham-send-2017` (a programme).
    static func reference(_ name: String = "rotherham-ama-2017") throws -> ReportPack {
        let file = AppraisalFile(contentsOf: packageRoot.appendingPathComponent("appraisals/\(name).json"))
        let appraisal = try XCTUnwrap(file.appraisal)
        XCTAssertTrue(file.isValid, "\(file.diagnostics)")
        return try pack(appraisal, fingerprint: XCTUnwrap(file.fingerprint), datasets: file.datasets)
    }

    /// The pack of the SEND programme appraisal (Rotherham, 2017).
    static func send() throws -> ReportPack { try reference("rotherham-send-2017") }

    static func pack(_ appraisal: Appraisal, fingerprint: String = "sha256:" + String(repeating: "ab", count: 32),
                     weights: String? = nil, datasets: [KPIDataset] = []) throws -> ReportPack {
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let selection = try XCTUnwrap(appraisal.weightSelection(weights))
        return try ReportPack(appraisal: appraisal, fingerprint: fingerprint, matrix: matrix, selection: selection, toolVersion: toolVersion,
                              datasets: datasets)
    }

    /// Three options, three criteria on 0–5: Alpha and Beta tie on 9/15, Gamma 6/15.
    static func small(
        names: [String] = ["Alpha", "Beta", "Gamma"], criterionNames: [String] = ["Cost", "Quality", "Risk"],
        weights: [Rational]? = nil, importance: [String]? = nil, rationale: [RationaleBullet] = [],
        description: String = "", declared: [Declaration] = [], scores: [[Rational]]? = nil, scale: ScoreScale? = nil
    ) -> Appraisal {
        let criterionIDs = ["cost", "quality", "risk"], optionIDs = ["alpha", "beta", "gamma"]
        let values = scores ?? [[4, 3, 2], [3, 3, 3], [2, 2, 2]].map { $0.map { Rational($0) } }
        let criteria = criterionIDs.indices.map { index in
            Criterion(id: criterionIDs[index], name: criterionNames[index], offers: ["Offers \(index + 1)a", "Offers \(index + 1)b"],
                      weight: weights?[index])
        }
        let options = optionIDs.indices.map { index in
            Option(id: optionIDs[index], name: names[index], description: description, strengths: ["Strong \(index)"],
                   weaknesses: ["Weak \(index)"])
        }
        var cells: [Score] = []
        for (row, option) in optionIDs.enumerated() {
            for (column, criterion) in criterionIDs.enumerated() {
                cells.append(Score(option: option, criterion: criterion, value: values[row][column],
                                   rationale: row == 0 && column == 0 ? rationale : [.init(kind: .for, text: "Reason \(row).\(column)")],
                                   source: "Annex \(row + 1), criterion \(column + 1)"))
            }
        }
        return Appraisal(id: "small", title: "Small appraisal", body: "Test Council", date: "2024-01",
                         scale: scale ?? ScoreScale(minimum: .zero, maximum: Rational(5), step: .one), criteria: criteria, options: options,
                         scores: cells, importance: importance, declared: declared)
    }

    /// Names and reasons an attacker might put in an appraisal file.
    static let script = "<script>alert('x')</script>"
    static let attribute = "\" onmouseover=\"alert(1)\" x=\""
    static let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"

    static func hostile() -> Appraisal {
        small(names: [script, attribute, formula], criterionNames: ["</script><script>alert(2)</script>", "Quality & 'care'", "@SUM(A1)"],
              rationale: [.init(kind: .for, text: "<img src=x onerror=alert(3)> & \"quoted\" 'single'"),
                          .init(kind: .against, text: "-2+3 | pipe\r\nnext line")],
              description: "# not a heading <b>bold</b>")
    }

    static func string(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    static func file(_ pack: ReportPack, _ name: String, formats: [PackFormat] = PackFormat.allCases) throws -> String {
        try string(XCTUnwrap(pack.files(formats).first { $0.path == name }?.contents, "no \(name) in the pack"))
    }
}

/// A strict RFC 4180 reader, to prove the CSV files parse back into exactly the cells written.
enum RFC4180 {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, atFieldStart = true, afterQuote = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard atFieldStart else { throw Malformed() }
                quoted = true
                atFieldStart = false
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
                afterQuote = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
                afterQuote = false
            case "\n":
                throw Malformed()
            default:
                guard !afterQuote else { throw Malformed() }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed() }
        return records
    }
}
