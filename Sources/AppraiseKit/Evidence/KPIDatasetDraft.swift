/// A cell as read from either form, with where it was written.
struct DraftCell {
    let text: String
    let location: String
    let position: SourcePosition?
}

/// An indicator row as read from either form, before any checking.
struct DraftRow {
    let line: Int
    let location: String
    let position: SourcePosition?
    var cells: [KPIField: DraftCell] = [:]
    var values: [(period: Period, cell: DraftCell)] = []
}

/// A dataset as read from either form, before any checking.
struct DraftDataset {
    var metadata: [KPIMetadataKey: DraftCell] = [:]
    var periods: [Period] = []
    var rows: [DraftRow] = []
    /// The academic year bare term labels were read in (the setting, or implied by `as at`
    /// or the latest dated column).
    var impliedAcademicYear: Int?
    /// Where to point a problem with the whole dataset.
    var position: SourcePosition?
}
