import Foundation
import XCTest

/// Through the real executable: a money cell in another currency is refused at its cell (never
/// read as pounds), an appraisal can count money in another currency, and capital costs in
/// the millions import.
final class ReaderBoundsCommandTests: XCTestCase {
    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0,
                     file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(5).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private func write(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private let initArguments = ["init", "a.json", "--title", "T", "--body", "B", "--date", "2026", "--from-csv", "m.csv", "--cost-column", "Capital cost"]

    func testAMoneyCellInAnotherCurrencyIsRefusedAtItsCell() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try write("Option,Quality,Capital cost\nNew build,3,$5000\nExtension,4,€7000\nRefurbish,2,£6000\n", "m.csv", in: folder)
        let refused = try run(initArguments, in: folder, expect: 1)
        XCTAssertTrue(refused.stderr.contains("""
            m.csv:2: column 3 ("Capital cost"): "$5000" is in dollars ("$" alone does not say whose) but its measure counts money in GBP; \
            convert it to GBP at the rate your source states; or, if the sheet's money is all in USD, start the appraisal with --currency USD
            """), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("m.csv:3: column 3 (\"Capital cost\"): \"€7000\" is in EUR but its measure counts money in GBP"), refused.stderr)
        XCTAssertFalse(refused.stderr.contains("m.csv:4"), "the pound cell is fine")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.json").path), "nothing is written")
    }

    func testAnAppraisalCountedInDollarsReadsDollarsAndRefusesPounds() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try write("Option,Quality,Capital cost\nNew build,3,$5000\nExtension,4,US$7000\nRefurbish,2,USD 6000\n", "m.csv", in: folder)
        try run(initArguments + ["--currency", "USD"], in: folder)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("a.json"))) as? [String: Any])
        XCTAssertEqual((document["costing"] as? [String: Any])?["currency"] as? String, "USD")
        XCTAssertEqual((document["measures"] as? [[String: Any]])?.first?["unit"] as? String, "USD")
        XCTAssertEqual((document["amounts"] as? [[String: Any]])?.compactMap { $0["value"] as? Int }, [5000, 7000, 6000])

        let pounds = try run(["cost", "set", "a.json", "new-build", "capital-cost", "0", "£5000", "--reason", "r"], in: folder, expect: 2)
        XCTAssertTrue(pounds.stderr.contains("AMOUNT: \"£5000\" is in GBP but its measure counts money in USD; convert it to USD"), pounds.stderr)
        try run(["cost", "set", "a.json", "new-build", "capital-cost", "0", "$5,500", "--reason", "revised"], in: folder)
        let budget = try run(["costing", "set", "a.json", "--budget", "€1m"], in: folder, expect: 2)
        XCTAssertTrue(budget.stderr.contains("--budget: \"€1m\" is in EUR but its measure counts money in USD"), budget.stderr)
        let code = try run(["init", "b.json", "--title", "T", "--body", "B", "--date", "2026", "--currency", "dollars"], in: folder, expect: 2)
        XCTAssertTrue(code.stderr.contains("--currency must be an ISO currency code of three capital letters"), code.stderr)
    }

    func testCostSetRefusesADollarAmountInAPoundAppraisal() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try write("Option,Quality,Capital cost\nNew build,3,£5000\n", "m.csv", in: folder)
        try run(initArguments, in: folder)
        for amount in ["$5000", "€7000", "US$5"] {
            let refused = try run(["cost", "set", "a.json", "new-build", "capital-cost", "1", amount], in: folder, expect: 2)
            XCTAssertTrue(refused.stderr.contains("AMOUNT: \"\(amount)\" is in "), refused.stderr)
            XCTAssertTrue(refused.stderr.contains("but its measure counts money in GBP"), refused.stderr)
        }
        try run(["cost", "set", "a.json", "new-build", "capital-cost", "1", "£5000"], in: folder)
    }

    /// Issue 23: a raw decision matrix of capital costs in the millions.
    func testARawMatrixOfCapitalCostsImports() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try write("Option,Places,Capital cost\nDirection,benefit,cost\nNew build,40,1450000\nExtension,25,1380000\n", "m.csv", in: folder)
        let result = try run(["init", "m.json", "--by", "x", "--title", "T", "--body", "B", "--date", "2026", "--from-csv", "m.csv"], in: folder)
        XCTAssertTrue(result.stdout.contains("from m.csv: 2 criteria, 2 options, 4 scores"), result.stdout)
        try run(["validate", "m.json"], in: folder)
        let ranking = try run(["rank", "m.json"], in: folder).stdout
        XCTAssertTrue(ranking.contains("Extension"), ranking)

        try write("Option,Population\nDirection,benefit\nA,2000000000000\nB,5\n", "big.csv", in: folder)
        let big = try run(["init", "big.json", "--title", "T", "--body", "B", "--date", "2026", "--from-csv", "big.csv"], in: folder, expect: 1)
        XCTAssertTrue(big.stderr.contains("big.csv:3: \"Population\": 2000000000000 is beyond ±1,000,000,000,000"), big.stderr)
    }
}
