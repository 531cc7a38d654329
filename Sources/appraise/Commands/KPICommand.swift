import AppraiseKit
import AppraiseRender
import Foundation

enum KPICommand {
    static let spec = CommandSpec(
        name: "kpi",
        abstract: "Assess a KPI scorecard: RAG, direction of travel, targets and benchmarks.",
        discussion: """
        Reads a KPI dataset (CSV as pasted from a scorecard, or the same as JSON; see
        appraisals/kpi/README.md) and computes, for each indicator, the RAG rating its tolerance
        bands give, the direction of travel against the previous period and the same period last
        year, the distance to target and its position against each benchmark. Printed RAG and
        arrows are kept as declared and every disagreement is reported; arrows are judged only
        under the dataset's declared `arrows` meaning. Every row that is not rated says why: a
        cell that cannot be read (a band no notation reads, a number with a decimal comma)
        leaves its row unrated and every other row assessed. Headings are read by meaning
        (DOT, RAG, Target (Green), Nat. average, Jun-19 (Q1)); one that means nothing known is
        named in a note and its cells left out. Exit 1 when the file cannot be read.
        """,
        arguments: [.init(name: "FILE", help: "The KPI dataset (.csv or .json).")],
        options: [
            .init(name: "period", value: "P", help: "Period to assess, e.g. Jun-17, Q1 2017/18, 2016/17, YTD 2017/18.",
                  defaultValue: "the dataset's as-at period"),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let file = KPIDatasetFile(contentsOf: URL(fileURLWithPath: path), name: path)
        guard let dataset = file.dataset else {
            for message in file.messages { console.error(message) }
            throw InputError(message: "\(path) is not a usable KPI dataset; fix the problems above")
        }
        // Warnings (a row left unrated, a heading left out) are located on stderr; the tables say the same.
        for warning in file.diagnostics.warnings { console.error(warning.formatted(file: path)) }
        var period = dataset.asAt
        if let text = arguments.all("period").last {
            guard let parsed = dataset.period(text) else {
                throw UsageError(message: "--period '\(text)' is not a period; write e.g. Jun-17, Q1 2017/18, 2016/17 or YTD 2017/18")
            }
            guard dataset.periods.contains(parsed) else {
                throw UsageError(message: "\(path) has no column for \(parsed.label); it has \(dataset.periods.map(\.label).joined(separator: ", "))")
            }
            period = parsed
        }
        // Every format is written as it is drawn, in blocks, from assessments made one at a
        // time, so a scorecard of any size holds only its dataset (the same bytes as rendering
        // the whole table or JSON tree, which alone is many times the size of the file).
        var block = ""
        let write = { (text: String) in
            block += text
            if block.utf8.count >= 1 << 16 {
                console.out(block)
                block = ""
            }
        }
        switch OutputFormat.from(arguments, spec: spec) {
        case .text: KPIRenderer.streamText(dataset: dataset, period: period, write: write)
        case .csv: KPIRenderer.streamCSV(dataset: dataset, period: period, write: write)
        case .md: KPIRenderer.streamMarkdown(dataset: dataset, period: period, write: write)
        case .json: KPIRenderer.streamJSON(dataset: dataset, period: period, write: write)
        }
        console.out(block)
        return .success
    }
}
