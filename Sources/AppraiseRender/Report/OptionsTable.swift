import AppraiseKit

/// The options as the appraisal describes them: group, description, detail, strengths, weaknesses.
public enum OptionsTable {
    /// For spreadsheets: one row per option, lists as lines inside the cell.
    public static func table(_ appraisal: Appraisal) -> Table {
        let rows = appraisal.options.map { option -> [String] in
            [option.id, option.name, option.shortName ?? "", groupName(option, in: appraisal), option.description,
             option.detail.joined(separator: "\n\n"), option.strengths.joined(separator: "\n"), option.weaknesses.joined(separator: "\n")]
        }
        return Table(
            id: "options",
            title: "Options",
            columns: [.init("ID"), .init("Option"), .init("Short name"), .init("Group"), .init("Description"),
                      .init("Detail"), .init("Strengths"), .init("Weaknesses")],
            rows: rows)
    }

    public static func json(_ appraisal: Appraisal) -> JSONValue {
        .array(appraisal.options.map { option in
            .object([
                "id": .string(option.id),
                "name": .string(option.name),
                "shortName": .optional(option.shortName),
                "group": .optional(option.group),
                "groupName": .optional(option.group.map { _ in groupName(option, in: appraisal) }),
                "description": .string(option.description),
                "detail": .array(option.detail.map(JSONValue.string)),
                "strengths": .array(option.strengths.map(JSONValue.string)),
                "weaknesses": .array(option.weaknesses.map(JSONValue.string)),
            ])
        })
    }

    /// The group's name, or its id when the file does not describe it, or "" for no group.
    public static func groupName(_ option: Option, in appraisal: Appraisal) -> String {
        guard let id = option.group else { return "" }
        return appraisal.group(id)?.name ?? id
    }
}
