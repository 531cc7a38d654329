import AppraiseKit
import Foundation

/// An appraisal file read and checked, ready for a command that needs a valid appraisal.
struct LoadedAppraisal {
    let file: AppraisalFile
    /// The appraisal as the analyses see it: its scored short list only.
    let appraisal: Appraisal
    /// The whole file, long-listed and discounted options included, for the screening.
    let longList: Appraisal
    let matrix: DecisionMatrix
    let fingerprint: String
    let url: URL

    /// Reads FILE; an invalid file prints its problems and ends the command with exit 1.
    static func load(_ path: String, console: Console) throws(InputError) -> LoadedAppraisal {
        let url = URL(fileURLWithPath: path)
        let file = AppraisalFile(contentsOf: url, name: path)
        guard file.isValid, let longList = file.appraisal, let matrix = DecisionMatrix(longList), let fingerprint = file.fingerprint else {
            for diagnostic in file.diagnostics.errors { console.error(diagnostic.formatted(file: path)) }
            let count = file.diagnostics.errors.count
            throw InputError(message: "\(path) is not a usable appraisal (\(count) error\(count == 1 ? "" : "s")); fix the problems above, or run 'appraise validate \(path)' to list them")
        }
        guard !matrix.optionIDs.isEmpty else {
            throw InputError(message: "\(path) has no option on the scored short list yet (\(longList.options.count) long-listed or discounted); move one there with 'appraise stage \(path) OPTION short-listed', or see the long list with 'appraise shortlist \(path)'")
        }
        return LoadedAppraisal(file: file, appraisal: longList.shortList, longList: longList, matrix: matrix, fingerprint: fingerprint, url: url)
    }

    /// The weighting named by `--weights`, or a usage error listing the ones that exist.
    func selection(_ id: String?) throws(UsageError) -> WeightSelection {
        guard let selection = appraisal.weightSelection(id) else {
            throw UsageError(message: "unknown weight set '\(id ?? "")'; this appraisal has: \(appraisal.availableWeightSelections.joined(separator: ", "))")
        }
        return selection
    }
}
