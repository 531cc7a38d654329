import AppraiseKit

/// The words an appraisal gives beside its numbers that are not tied to one option or score:
/// what its groups of options have in common, what each value of the scale means, and why
/// each weight set exists. Members read them in every format, so each is a table too.
public enum DescriptionTables {
    /// Every such table the appraisal has text for, in the order of the file.
    public static func tables(_ appraisal: Appraisal) -> [Table] {
        [groups(appraisal), scale(appraisal), weightSets(appraisal)].compactMap { $0 }
    }

    /// What the appraisal is, for a spreadsheet reader who sees no page heading.
    public static func about(_ appraisal: Appraisal) -> Table {
        let scale = appraisal.scale
        var rows = [["Title", appraisal.title], ["Body", appraisal.body], ["Date", appraisal.date]]
        if let source = appraisal.source { rows.append(["Source", source]) }
        rows.append(["Scale", "\(Formatting.number(scale.minimum)) to \(Formatting.number(scale.maximum)) in steps of \(Formatting.number(scale.step))"])
        if !appraisal.scorers.isEmpty { rows.append(["Panel", "\(appraisal.scorers.joined(separator: "; ")); consensus: \(appraisal.panelSetting.sentence)"]) }
        return Table(id: "appraisal", title: "The appraisal", columns: [.init("Field"), .init("Value")], rows: rows)
    }

    public static func groups(_ appraisal: Appraisal) -> Table? {
        guard !appraisal.groups.isEmpty else { return nil }
        let rows = appraisal.groups.map { group -> [String] in
            [group.id, group.name, group.description,
             appraisal.options.filter { $0.group == group.id }.map(\.label).joined(separator: "; ")]
        }
        return Table(id: "groups", title: "Groups of options",
                     columns: [.init("ID"), .init("Group"), .init("Description"), .init("Options")], rows: rows)
    }

    public static func scale(_ appraisal: Appraisal) -> Table? {
        let scale = appraisal.scale
        guard !scale.anchors.isEmpty else { return nil }
        return Table(id: "scale", title: "What the scores mean",
                     columns: [.init("Score", .right), .init("Meaning")],
                     rows: scale.anchors.map { [Formatting.number($0.value), $0.meaning] },
                     notes: ["Scores from \(Formatting.number(scale.minimum)) to \(Formatting.number(scale.maximum)) in steps of \(Formatting.number(scale.step))."])
    }

    public static func weightSets(_ appraisal: Appraisal) -> Table? {
        guard !appraisal.weightSets.isEmpty else { return nil }
        let rows = appraisal.weightSets.map { set -> [String] in
            [set.id, set.name, set.description ?? ""] + appraisal.criteria.map { set.weight(of: $0.id).map(Formatting.number) ?? "" }
        }
        return Table(id: "weight-sets", title: "Weight sets",
                     columns: [.init("ID"), .init("Weight set"), .init("Why")] + appraisal.criteria.map { .init($0.label, .right) },
                     rows: rows)
    }
}
