import Foundation
import XCTest

import AppraiseKit

/// The money keys of the appraisal file: read, written back unchanged, and every bad input
/// reported at its place with its fix.
final class CostsModelTests: XCTestCase {
    /// Two options, a capital line with optimism bias, a saving line, and a quantity.
    static let costed = """
    {
      "format": 1,
      "id": "costed",
      "title": "Costed appraisal",
      "body": "Test council",
      "date": "2024-05",
      "scale": {"min": 0, "max": 5, "step": 1},
      "criteria": [
        {"id": "quality", "name": "Quality"}
      ],
      "options": [
        {"id": "bau", "name": "Business as usual"},
        {"id": "build", "name": "Build"}
      ],
      "scores": [
        {"option": "bau", "criterion": "quality", "value": 1, "rationale": [{"kind": "note", "text": "As now."}]},
        {"option": "build", "criterion": "quality", "value": 4, "rationale": [{"kind": "for", "text": "New."}]}
      ],
      "costing": {"currency": "GBP", "priceBase": "2017/18", "firstYear": "2017/18", "discountRate": 3.5, "reference": "bau",
                  "affordability": {"measure": "capital", "limit": 740000}},
      "measures": [
        {"id": "capital", "name": "Capital cost", "unit": "GBP", "kind": "cost", "optimismBias": {"percent": 24, "source": "Green Book supplementary guidance, standard buildings"}},
        {"id": "saving", "name": "Placement savings", "unit": "GBP", "kind": "saving", "description": "out-of-area placements avoided"},
        {"id": "places", "name": "Places created", "unit": "places", "kind": "quantity"}
      ],
      "amounts": [
        {"option": "bau", "measure": "capital", "value": 0},
        {"option": "bau", "measure": "saving", "value": 0},
        {"option": "build", "measure": "capital", "year": 0, "value": 1200000, "source": "Appendix 2"},
        {"option": "build", "measure": "capital", "year": "2018/19", "low": 50000, "high": 87000},
        {"option": "build", "measure": "saving", "year": 2, "unknown": "TBC"},
        {"option": "build", "measure": "places", "value": 12}
      ]
    }
    """

    private func load(_ text: String) -> AppraisalFile {
        AppraisalFile(data: Data(text.utf8), name: "costed.json")
    }

    func testEveryKeyIsReadAsWritten() throws {
        let file = load(Self.costed)
        XCTAssertEqual(file.diagnostics, [])
        let appraisal = try XCTUnwrap(file.appraisal)
        let costing = try XCTUnwrap(appraisal.costing)
        XCTAssertEqual(costing.effectiveCurrency, "GBP")
        XCTAssertEqual(costing.effectiveDiscountRate, Rational(7, 2))
        XCTAssertEqual(costing.reference, "bau")
        XCTAssertEqual(costing.affordability, Affordability(measure: "capital", limit: Rational(740_000)))
        XCTAssertEqual(appraisal.measures.map(\.kind), [.cost, .saving, .quantity])
        XCTAssertEqual(appraisal.measures[0].optimismBias?.factor, Rational(124, 100))
        XCTAssertEqual(appraisal.amounts[2].value, .exact(Rational(1_200_000)))
        XCTAssertEqual(appraisal.amounts[3].year, .label("2018/19"))
        XCTAssertEqual(costing.offset(of: appraisal.amounts[3].year), 1)
        XCTAssertEqual(appraisal.amounts[3].value, .range(low: Rational(50_000), high: Rational(87_000)))
        XCTAssertEqual(appraisal.amounts[4].value, .unknown("TBC"))
        XCTAssertNil(appraisal.amounts[5].year)
    }

    func testWritingThenReadingGivesTheSameAppraisal() throws {
        let appraisal = try XCTUnwrap(load(Self.costed).appraisal)
        let text = AppraisalEncoding.text(appraisal)
        XCTAssertEqual(load(text).appraisal, appraisal)
        XCTAssertTrue(text.contains(#""year": "2018/19""#))
        XCTAssertTrue(text.contains(#""unknown": "TBC""#))
    }

    func testAFileWithoutMoneyIsWrittenWithoutMoneyKeys() throws {
        let plain = Self.costed.components(separatedBy: ",\n  \"costing\"")[0] + "\n}"
        let appraisal = try XCTUnwrap(load(plain).appraisal)
        XCTAssertNil(appraisal.costing)
        let text = AppraisalEncoding.text(appraisal)
        for key in ["costing", "measures", "amounts"] { XCTAssertFalse(text.contains("\"\(key)\"")) }
    }

    func testFinancialYearLabels() {
        XCTAssertEqual(FinancialYear.start(of: "2017/18"), 2017)
        XCTAssertEqual(FinancialYear.start(of: "1999/00"), 1999)
        XCTAssertEqual(FinancialYear.start(of: "2017"), 2017)
        XCTAssertNil(FinancialYear.start(of: "2017/19"))
        XCTAssertNil(FinancialYear.start(of: "17/18"))
        XCTAssertEqual(FinancialYear.label("2017/18", plus: 3), "2020/21")
        XCTAssertEqual(FinancialYear.label("2008/09", plus: 1), "2009/10")
        XCTAssertEqual(FinancialYear.label("2017", plus: 2), "2019")
    }

    /// Each bad input: its code, where it points, and that nothing else is reported.
    func testEveryBadInputIsLocated() throws {
        let cases: [(code: String, location: String, old: String, new: String)] = [
            ("mixed-currency", "measures[1].unit", #""name": "Placement savings", "unit": "GBP""#, #""name": "Placement savings", "unit": "EUR""#),
            ("invalid-currency", "costing.currency", #""currency": "GBP""#, #""currency": "£""#),
            ("out-of-range", "costing.discountRate", #""discountRate": 3.5"#, #""discountRate": 135"#),
            ("out-of-range", "costing.discountRate", #""discountRate": 3.5"#, #""discountRate": -1"#),
            ("unknown-id", "costing.reference", #""reference": "bau""#, #""reference": "nothing""#),
            ("unknown-id", "costing.affordability.measure", #""measure": "capital", "limit""#, #""measure": "capex", "limit""#),
            ("wrong-kind", "costing.affordability.measure", #""measure": "capital", "limit""#, #""measure": "saving", "limit""#),
            ("negative-amount", "amounts[2].value", #""value": 1200000"#, #""value": -1200000"#),
            ("negative-amount", "amounts[3].low", #""low": 50000"#, #""low": -5"#),
            ("unknown-id", "amounts[0].option", #"{"option": "bau", "measure": "capital""#, #"{"option": "bay", "measure": "capital""#),
            ("unknown-id", "amounts[5].measure", #""measure": "places""#, #""measure": "place""#),
            ("year-out-of-range", "amounts[4].year", #""year": 2,"#, #""year": 301,"#),
            ("year-out-of-range", "amounts[3].year", #""year": "2018/19""#, #""year": "2016/17""#),
            ("invalid-year", "amounts[3].year", #""year": "2018/19""#, #""year": "2018/20""#),
            ("invalid-year", "costing.firstYear", #""firstYear": "2017/18""#, #""firstYear": "next year""#),
            ("invalid-range", "amounts[3].low", #""low": 50000, "high": 87000"#, #""low": 87000, "high": 50000"#),
            ("missing-field", "amounts[3].high", #""low": 50000, "high": 87000"#, #""low": 50000"#),
            ("missing-amount", "amounts[5]", #", "value": 12}"#, "}"),
            ("conflicting-amount", "amounts[5]", #", "value": 12}"#, #", "value": 12, "unknown": "TBC"}"#),
            ("duplicate-amount", "amounts[1]", #"{"option": "bau", "measure": "saving", "value": 0}"#, #"{"option": "bau", "measure": "capital", "year": 0, "value": 0}"#),
            ("duplicate-id", "measures[2].id", #""id": "places", "name""#, #""id": "saving", "name""#),
            ("unknown-choice", "measures[2].kind", #""kind": "quantity""#, #""kind": "count""#),
            ("wrong-kind", "measures[1].optimismBias", #""kind": "saving", "description""#, #""kind": "saving", "optimismBias": {"percent": 5, "source": "x"}, "description""#),
            ("out-of-range", "amounts[2].value", #""value": 1200000"#, #""value": 2000000000000"#),
            ("not-a-number", "amounts[2].value", #""value": 1200000"#, #""value": "£1.2m""#),
            ("missing-amount", "measures[0]", #"{"option": "bau", "measure": "capital", "value": 0},"#, ""),
        ]
        for testCase in cases {
            XCTAssertEqual(Self.costed.components(separatedBy: testCase.old).count, 2, "fixture must contain \(testCase.old) once")
            let file = load(Self.costed.replacingOccurrences(of: testCase.old, with: testCase.new))
            let found = file.diagnostics.map { "\($0.code) \($0.location)" }
            XCTAssertEqual(found.first, "\(testCase.code) \(testCase.location)", "for \(testCase.new)")
            // An amount of a measure that could not be read is the only knock-on reported.
            XCTAssertEqual(found.dropFirst().filter { !$0.hasPrefix("unknown-id amounts[5].measure") }, [], "for \(testCase.new)")
            XCTAssertNotNil(file.diagnostics.first?.position, "\(testCase.code) has a line and column")
        }
    }

    func testALabelledYearNeedsAFirstYear() {
        let text = Self.costed.replacingOccurrences(of: #", "firstYear": "2017/18""#, with: "")
        let file = load(text)
        XCTAssertEqual(file.diagnostics.map { "\($0.code) \($0.location)" }, ["missing-field amounts[3].year"])
    }

    /// An option set aside is never costed, so an uncosted discounted option is not a missing
    /// amount; the same option on the short list is.
    func testAnOptionSetAsideIsNotAskedForAmounts() {
        let build = #"{"id": "build", "name": "Build"}"#
        let close = #"{"id": "close", "name": "Close", "stage": "discounted", "stageReason": "Fails on access."}"#
        let setAside = load(Self.costed.replacingOccurrences(of: build, with: build + ", " + close))
        XCTAssertFalse(setAside.diagnostics.map(\.code).contains("missing-amount"), "\(setAside.diagnostics)")
        let scored = #"{"option": "close", "criterion": "quality", "value": 0, "rationale": [{"kind": "note", "text": "Shut."}]},"#
        let shortListed = load(Self.costed
            .replacingOccurrences(of: build, with: build + ", " + close.replacingOccurrences(of: #""stage": "discounted", "#, with: ""))
            .replacingOccurrences(of: #""scores": ["#, with: #""scores": ["# + scored))
        XCTAssertEqual(shortListed.diagnostics.map(\.code), ["missing-amount", "missing-amount"], "\(shortListed.diagnostics)")
    }
}
