import Foundation
import XCTest
@testable import AppraiseKit

/// Generality: five scorecard editions of my own stating the same facts in different band
/// notations, arrow meanings, period labels, headings and file forms must give the same RAG and
/// direction of travel for every row; and a fuzz of the dataset reader must never crash or
/// leave a row silently unrated.
final class EvidenceEditionsTests: XCTestCase {
    /// The facts, by row: (ref, RAG label, direction of travel).
    private let expected: [(String, String, DirectionOfTravel?)] = [
        ("1", "Green", .improving),       // High, 90.5 → 91.2 against green 90, amber from 85
        ("2", "Amber", .declining),       // Low, 22.5 → 23.1 against green ≤ 23, red ≥ 26
        ("3", "Red", .up),                // Within Limits 16–22, 21 → 22.5, amber to 1% above
        ("4", "Amber", .up),              // Info, ±5 / ±15 of 158.8, 160 → 170
        ("5", "Green", .improving),       // High two-band, red < 95, green ≥ 95, 94 → 95
        ("6", "not on target", .improving), // High green-only 70, 68 → 69
        ("7", "not rated", .improving),   // text target
        ("8", "not rated", nil),          // June printed "tbc"
    ]

    /// 2015 style: decorative glyphs, performance arrows, `Apr-17` labels.
    static let editionA = """
        dataset,edition-a
        as at,Jun-17
        arrows,performance
        comparison,month on month
        rag basis,in month

        ref,title,polarity,unit,Apr-17,May-17,Jun-17,dot,red,amber,green
        1,Assessments in time,High,Percentage,88.0%,90.5%,91.2%,↑,<85%,85%>,90%
        2,Re-referrals,Low,Percentage,24.0%,22.5%,23.1%,↓,26%+,26%<,23%
        3,Caseload,Within Limits,Average count,18,21,22.5,↑,over 1% above range,1% above range,16-22
        4,S47 rate,Info,Rate per 10k,150,160,170,↑,more than +/-15,+/-15,+/-5 of 158.8
        5,Visits in time,High,Percentage,96%,94%,95%,↑,<95%,,95%
        6,Stable placements,High,Percentage,65%,68%,69%,↑,,,70%
        7,Family engagement,High,Number,40,50,60,↑,,,range to be set
        8,Reviews,High,Percentage,80%,81%,tbc,↑,<85%,85%>,90%
        """

    /// Literal glyphs and words, numeric-direction arrows, long month labels, the sheet's own headings.
    static let editionB = """
        dataset,edition-b
        arrows,numeric direction

        NO.,INDICATOR,GOOD PERF IS,DATA NOTE (Monthly),April 2017,May 2017,June 2017,DOT (Month on Month),red,amber,Target Green
        1,Assessments in time,High,%,88.0%,90.5%,91.2%,↑,<85%,>=85% <90%,≥90%
        2,Re-referrals,Low,%,24.0%,22.5%,23.1%,↑,>=26%,>23% <26%,<=23%
        3,Caseload,Within Limits,Average count,18,21,22.5,⬆,over 1% above range,1% above range,16-22
        4,S47 rate,Info,Rate per 10k,150,160,170,⬆,more than ±15 of 158.8,±15 of 158.8,±5 of 158.8
        5,Visits in time,High,%,96%,94%,95%,↑,under 95%,,95% or more
        6,Stable placements,High,%,65%,68%,69%,↑,,,at least 70%
        7,Family engagement,High,Number,40,50,60,↑,,,to be agreed
        8,Reviews,High,%,80%,81%,tbc,↑,under 85%,85% to 89.9%,90% or more
        """

    /// JSON, range ambers, the Early Help multi-state arrows, rows in another order.
    static let editionC = """
        { "dataset": "edition-c", "asAt": "Jun-17", "arrows": "multi-state", "ragBasis": "in month",
          "indicators": [
            { "ref": "8", "title": "Reviews", "polarity": "High", "unit": "%", "values": { "May-17": "81%", "Jun-17": "tbc" },
              "red": "<85%", "amber": "85-89.9%", "green": "90%+" },
            { "ref": "1", "title": "Assessments in time", "polarity": "High", "unit": "%",
              "values": { "Apr-17": "88.0%", "May-17": "90.5%", "Jun-17": "91.2%" }, "dot": "↑",
              "red": "<85%", "amber": "85-89.9%", "green": "90%+" },
            { "ref": "2", "title": "Re-referrals", "polarity": "Low", "unit": "%",
              "values": { "May-17": "22.5%", "Jun-17": "23.1%" }, "dot": "J",
              "red": "26%+", "amber": "23.1%-25.9%", "green": "23%" },
            { "ref": "3", "title": "Caseload", "polarity": "Within Limits", "unit": "Average count",
              "values": { "May-17": 21, "Jun-17": 22.5 }, "dot": "↑", "red": "over 1% above range", "amber": "1% above range", "green": "16-22" },
            { "ref": "4", "title": "S47 rate", "polarity": "Info", "unit": "Rate", "values": { "May-17": 160, "Jun-17": 170 }, "dot": "↑",
              "red": "more than +/-15 of 158.8", "amber": "+/-15 of 158.8", "green": "+/-5 of 158.8" },
            { "ref": "5", "title": "Visits in time", "polarity": "High", "unit": "%", "values": { "May-17": "94%", "Jun-17": "95%" },
              "dot": "↑", "red": "94.9% or less", "green": "95%+" },
            { "ref": "6", "title": "Stable placements", "polarity": "High", "unit": "%", "values": { "May-17": "68%", "Jun-17": "69%" },
              "dot": "↑", "green": "70%+" },
            { "ref": "7", "title": "Family engagement", "polarity": "High", "unit": "Number", "values": { "May-17": 50, "Jun-17": 60 },
              "dot": "↑", "green": "awaiting national benchmarking" }
          ] }
        """

    /// Cascading "at least" bands, bracketed periods on band cells and column labels, the
    /// sheet's own headings (one the reader does not know), numeric-direction arrows.
    static let editionD = """
        dataset,edition-d
        as at,Jun-17
        arrows,numeric direction

        Ref,Measure,Good performance is,Unit,Apr-17 (M1),May-17 (M2),Jun-17 (Q1),Trend,Tolerance (Red),Tolerance (Amber),Target (Green),Sparkline
        1,Assessments in time,High,%,88.0%,90.5%,91.2%,↑,<85%,85%+ (2017/18),90%+ (2017/18),
        2,Re-referrals,Low,%,24.0%,22.5%,23.1%,↑,26%+,>23%,<=23% (2017/18),
        3,Caseload,Within Limits,Average count,18,21,22.5,↑,over 1% above range,1% above range,16-22 (2017/18),
        4,S47 rate,Info,Rate per 10k,150,160,170,↑,more than +/-15,+/-15,+/-5 of 158.8 (2016/17),
        5,Visits in time,High,%,96%,94%,95%,↑,<95% (Q1),,95%+ (Q1),
        6,Stable placements,High,%,65%,68%,69%,↑,,,70%+ (2017/18),~
        7,Family engagement,High,Number,40,50,60,↑,,,to be agreed,
        8,Reviews,High,%,80%,81%,tbc,,<85%,85%+,90%+,
        """

    /// Cascading "below" bands in words, RAG and DOT headings with their basis in brackets,
    /// long month labels with a quarter, benchmarks by their printed names, an academic-style
    /// `2017/18 YTD` label in a table of months (a financial year to date there).
    static let editionE = """
        dataset,edition-e
        arrows,performance

        NO.,Indicator,Polarity,Unit,May 2017 (Q1),June 2017 (Q1),2017/18 YTD,DOT (Month on Month),RAG (In Month),Red,Amber,Target (Green),Nat. average,Statistical neighbour
        1,Assessments in time,High,%,90.5%,91.2%,90.8%,↑,G,below 85%,below 90%,90% or more,87%,88%
        2,Re-referrals,Low,%,22.5%,23.1%,22.8%,↓,A,26% or more,below 26%,23% or less,22%,23%
        3,Caseload,Within Limits,Average count,21,22.5,22,↑,R,over 1% above range,1% above range,16-22,,
        4,S47 rate,Info,Rate per 10k,160,170,165,↑,A,more than ±15 of 158.8,±15 of 158.8,±5 of 158.8 (2016/17),,
        5,Visits in time,High,%,94%,95%,94.5%,↑,G,<95%,,≥95%,,
        6,Stable placements,High,%,68%,69%,68.5%,↑,,,,at least 70%,,
        7,Family engagement,High,Number,50,60,110,↑,,,,range to be set,,
        8,Reviews,High,%,81%,tbc,81%,,,below 85%,below 90%,90% or more,,
        """

    func testTwoMoreEditionsInOtherNotationsGiveTheSameRAGAndDirection() throws {
        let d = EvidenceFixtures.csv(Self.editionD, name: "d.csv")
        // The one heading the reader does not know is named, and its cells left out.
        XCTAssertEqual(d.diagnostics.map(\.code), ["unknown-kpi-column"], "\(d.messages)")
        let editionD = try XCTUnwrap(d.dataset)
        XCTAssertTrue(editionD.notes.contains("The heading \"Sparkline\" (column L) is not one this tool knows; its cells are left out."), "\(editionD.notes)")
        let editionE = try load(Self.editionE, "e.csv")
        XCTAssertEqual(editionE.periods.last, .yearToDate(startYear: 2017))
        for dataset in [editionD, editionE] {
            XCTAssertEqual(dataset.asAt, .month(6, 2017), dataset.id)
            let byRef = Dictionary(uniqueKeysWithValues: dataset.assessment().map { ($0.ref, $0) })
            for (ref, rag, direction) in expected {
                let item = try XCTUnwrap(byRef[ref], "\(dataset.id) \(ref)")
                XCTAssertEqual(item.rag.label, rag, "\(dataset.id) \(ref): \(item.rag) \(item.findings)")
                XCTAssertEqual(item.directionOfTravel, direction, "\(dataset.id) \(ref)")
                XCTAssertFalse(item.findings.contains(where: \.isDisagreement), "\(dataset.id) \(ref): \(item.findings)")
                XCTAssertFalse(item.findings.contains { $0.kind == .bandsRefused || $0.kind == .unreadableCell }, "\(dataset.id) \(ref): \(item.findings)")
            }
        }
    }

    private func load(_ text: String, _ name: String) throws -> KPIDataset {
        let file = KPIDatasetFile(data: Data(text.utf8), name: name)
        XCTAssertEqual(file.messages, [], name)
        return try XCTUnwrap(file.dataset, name)
    }

    func testThreeEditionsGiveTheSameRAGAndDirectionForEveryRow() throws {
        let editions = [try load(Self.editionA, "a.csv"), try load(Self.editionB, "b.csv"), try load(Self.editionC, "c.json")]
        for dataset in editions {
            XCTAssertEqual(dataset.asAt, .month(6, 2017), dataset.id)
            let byRef = Dictionary(uniqueKeysWithValues: dataset.assessment().map { ($0.ref, $0) })
            for (ref, rag, direction) in expected {
                let item = try XCTUnwrap(byRef[ref], "\(dataset.id) \(ref)")
                XCTAssertEqual(item.rag.label, rag, "\(dataset.id) \(ref): \(item.rag) \(item.findings)")
                XCTAssertEqual(item.directionOfTravel, direction, "\(dataset.id) \(ref)")
                // Every printed arrow is right under the edition's own declared meaning.
                XCTAssertFalse(item.findings.contains(where: \.isDisagreement), "\(dataset.id) \(ref): \(item.findings)")
                if rag == "not rated" {
                    XCTAssertTrue(item.findings.contains { [.notRated, .dataQuality].contains($0.kind) }, "\(dataset.id) \(ref) says why")
                }
            }
        }
    }

    func testEditionAArrowsReadAsNumbersWouldBeFlagged() throws {
        // Edition A's ↓ on re-referrals means "worse"; declared as numeric direction it is wrong.
        let swapped = Self.editionA.replacingOccurrences(of: "arrows,performance", with: "arrows,numeric direction")
        let dataset = try load(swapped, "a2.csv")
        XCTAssertEqual(dataset.assessment().filter { $0.findings.contains(where: \.isDisagreement) }.map(\.ref), ["2"])
    }

    // MARK: Fuzz

    /// Seeded mutations of edition A (deleted, inserted and swapped characters, duplicated and
    /// dropped lines): the reader never crashes; a file either loads with every unrated row
    /// saying why, or is refused with at least one located message.
    func testMutatedDatasetsNeverCrashAndNeverLeaveASilentRow() {
        fuzz(Self.editionA, name: "fuzz.csv", seed: 16, alphabet: ",\"%<>+-/.\n0123456789 aRtbc±≥")
    }

    /// The same for the JSON form (edition C), with JSON's own punctuation among the mutations.
    func testMutatedJSONDatasetsNeverCrashAndNeverLeaveASilentRow() {
        fuzz(Self.editionC, name: "fuzz.json", seed: 61, alphabet: "{}[]:,\"%<>+-.\n0123456789 aRtbc")
    }

    private func fuzz(_ source: String, name: String, seed: UInt64, alphabet: String, count: Int = 300, file: StaticString = #filePath, line: UInt = #line) {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array(alphabet)
        let base = Array(source)
        var loaded = 0
        for _ in 0..<count {
            var text = base
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                guard !text.isEmpty else { break }
                let at = Int.random(in: 0..<text.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: text.remove(at: at)
                case 1: text.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)], at: at)
                case 2: text.swapAt(at, Int.random(in: 0..<text.count, using: &generator))
                default:
                    var lines = String(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let index = Int.random(in: 0..<lines.count, using: &generator)
                    if Bool.random(using: &generator) { lines.insert(lines[index], at: index) } else { lines.remove(at: index) }
                    text = Array(lines.joined(separator: "\n"))
                }
            }
            let mutated = String(text)
            let loadedFile = KPIDatasetFile(data: Data(mutated.utf8), name: name)
            guard let dataset = loadedFile.dataset else {
                XCTAssertFalse(loadedFile.diagnostics.isEmpty, mutated, file: file, line: line)
                XCTAssertTrue(loadedFile.messages.allSatisfy { $0.hasPrefix("\(name):") && ($0.contains("error: ") || $0.contains("warning: ")) }, "\(loadedFile.messages)", file: file, line: line)
                XCTAssertFalse(loadedFile.diagnostics.errors.isEmpty, "\(loadedFile.messages)", file: file, line: line)
                continue
            }
            loaded += 1
            for item in dataset.assessment() {
                if case .notComputable = item.rag {
                    XCTAssertTrue(item.findings.contains { [.notRated, .bandsRefused, .ragUnverifiable, .dataQuality, .unreadableCell].contains($0.kind) },
                                  "row \(item.ref) is unrated in silence:\n\(mutated)", file: file, line: line)
                }
            }
        }
        // Both branches are exercised: some mutants load, some are refused.
        XCTAssertGreaterThan(loaded, count / 20, file: file, line: line)
        XCTAssertLessThan(loaded, count, file: file, line: line)
    }
}
