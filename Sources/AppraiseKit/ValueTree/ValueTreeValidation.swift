/// Checks of the value tree and swing weights, reported with the place in
/// the file and the fix, like every other check of an appraisal.
extension AppraisalValidator {
    func checkValueTree(criterionIDs: Set<String>) {
        let nodeIDs = checkIDs(appraisal.nodes.map(\.id), path: "nodes", noun: "branch")
        for (index, node) in appraisal.nodes.enumerated() where criterionIDs.contains(node.id) {
            sink.report(code: "duplicate-id", message: "branch id \"\(node.id)\" is also a criterion's id; give the branch its own id",
                        location: "nodes[\(index)].id")
        }
        let tree = appraisal.valueTree
        var broken = false
        for item in tree.items {
            guard let parent = item.parent else { continue }
            if !nodeIDs.contains(parent) {
                broken = true
                let what = criterionIDs.contains(parent) ? "a criterion, and only branches in \"nodes\" can hold others" : "not a branch in \"nodes\"\(known(nodeIDs))"
                sink.report(code: "unknown-parent", message: "\"\(item.id)\" sits under \"\(parent)\", which is \(what)", location: "\(item.path).parent")
            }
        }
        var reportedCycle: Set<String> = []
        for item in tree.branches where !reportedCycle.contains(item.id) {
            guard let loop = cycle(from: item.id, in: tree) else { continue }
            broken = true
            reportedCycle.formUnion(loop)
            sink.report(code: "tree-cycle", message: "branches \((loop + [loop[0]]).joined(separator: " → ")) sit under each other in a loop; give one of them a parent outside the loop, or none",
                        location: "\(item.path).parent")
        }
        for item in tree.branches where tree.children(of: item.id).isEmpty {
            sink.report(code: "empty-branch", message: "branch \"\(item.id)\" has nothing under it; put criteria under it with \"parent\": \"\(item.id)\", or remove it",
                        location: item.path)
        }
        guard !broken else { return }
        for parent in [nil] + tree.branches.map(\.id) as [String?] {
            let siblings = tree.children(of: parent)
            let place = parent.map { "branch \"\($0)\"" } ?? "the top of the tree"
            let given = siblings.filter { $0.entered != nil }
            if !given.isEmpty, given.count < siblings.count {
                for item in siblings where item.entered == nil {
                    sink.report(code: "missing-weight", message: "\"\(item.id)\" has no weight while others under \(place) do; give every item under \(place) a weight, or none for equal weights",
                                location: item.path)
                }
            } else if !given.isEmpty {
                checkWeights(given.map { ($0.entered!, "\($0.path).weight") }, what: "the weights under \(place)")
            }
        }
    }

    /// The branches of a loop reached by following parents from `start`, or nil.
    private func cycle(from start: String, in tree: ValueTree) -> [String]? {
        var order: [String] = []
        var current: String? = start
        while let id = current, let item = tree.item(id), item.isBranch {
            if let first = order.firstIndex(of: id) { return Array(order[first...]) }
            order.append(id)
            current = item.parent
        }
        return nil
    }

    func checkSwings() {
        let tree = appraisal.valueTree
        for item in tree.items {
            guard let swing = item.swing else { continue }
            if swing.points.isNegative || swing.points > Swing.biggest {
                sink.report(code: "invalid-swing", message: "swing points \(swing.points.decimalText()) are outside 0–100; the biggest swing gets 100 and the others less",
                            location: "\(item.path).swing.points")
            }
            let weight = item.isBranch ? appraisal.node(item.id)?.weight : item.criterionIndex.flatMap { appraisal.criteria[$0].weight }
            if let weight, weight != swing.points {
                sink.report(code: "swing-weight-mismatch", message: "\"\(item.id)\" has weight \(weight.decimalText()) but swing points \(swing.points.decimalText()); the swing points are the weight, so remove \"weight\" or make them equal",
                            location: "\(item.path).weight")
            }
        }
        for parent in Set(tree.items.map(\.parent)).sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            let siblings = tree.children(of: parent)
            let swung = siblings.filter { $0.swing != nil }
            guard !swung.isEmpty else { continue }
            let place = parent.map { "branch \"\($0)\"" } ?? "the top of the tree"
            if swung.count < siblings.count {
                for item in siblings where item.swing == nil {
                    sink.report(code: "missing-swing", message: "\"\(item.id)\" has no swing while others under \(place) do; swing weighting compares every item under \(place)",
                                location: item.path)
                }
            }
        }
        let swung = tree.items.filter { $0.swing != nil }
        if let first = swung.first, !swung.contains(where: { $0.swing!.points == Swing.biggest }) {
            sink.report(code: "invalid-swing", message: "no swing has 100 points; give the biggest swing 100 and the others points against it",
                        location: "\(first.path).swing.points")
        }
    }
}
