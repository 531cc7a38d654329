import AppraiseKit

enum CostCommand {
    static let spec = CommandSpec(
        name: "cost",
        abstract: "Set or remove an option's amount of a measure in a year (journalled).",
        discussion: """
        YEAR is an offset from the costing's first year (0, 1, 2, …) or a financial year such as
        2018/19. AMOUNT is read exactly as councils print it: 1200000, £1,200,000, £87k, £1.2m,
        or a range such as '£50k–£87k'; anything ambiguous (1.200.000, £5k-ish) is refused.
        When the source gives no figure, record what it says with --unknown TEXT (e.g. TBC)
        instead of an AMOUNT. Changing an amount already entered, or removing one, needs
        --reason.
        """,
        arguments: [
            .init(name: "ACTION", help: "set or remove."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "OPTION", help: "The option's id."),
            .init(name: "MEASURE", help: "The measure's id (see 'appraise measure')."),
            .init(name: "YEAR", help: "0, 1, 2, … or a financial year such as 2018/19."),
            .init(name: "AMOUNT", help: "The amount (set only).", optional: true),
        ],
        options: [
            .init(name: "unknown", value: "TEXT", help: "What the source printed instead of a figure, e.g. TBC."),
            .init(name: "source", value: "TEXT", help: "Where in the source document the amount comes from."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func year(_ text: String) throws(UsageError) -> AmountYear {
        if let offset = Int(text), offset >= 0 { return .offset(offset) }
        guard FinancialYear.start(of: text) != nil else {
            throw UsageError(message: "YEAR must be an offset such as 0 or 1, or a financial year such as 2018/19, not '\(text)'")
        }
        return .label(text)
    }

    /// The currency a measure's amounts are in: its unit when it is money, nil for a quantity.
    /// An unknown measure takes the appraisal's currency, and the edit then names the measure.
    private static func currency(of measure: String, in appraisal: Appraisal) -> String? {
        guard let found = appraisal.measures.first(where: { $0.id == measure }) else {
            return appraisal.costing?.effectiveCurrency ?? Costing.defaultCurrency
        }
        return found.kind.isMoney ? found.unit : nil
    }

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let option = arguments.argument("OPTION")!, measure = arguments.argument("MEASURE")!
        let year = try year(arguments.argument("YEAR")!)
        let edit: MoneyEdit
        let session: EditSession
        switch arguments.argument("ACTION")! {
        case "set":
            let value: AmountValue
            switch (arguments.argument("AMOUNT"), arguments.value("unknown", spec: spec)) {
            case (let text?, nil):
                // The amount is read in the currency of its measure, so the file is opened first.
                session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
                do {
                    value = try MoneyParser.read(text, currency: currency(of: measure, in: session.appraisal)).amountValue
                } catch {
                    throw UsageError(message: "AMOUNT: \(error.message)")
                }
                if case .unknown = value {
                    throw UsageError(message: "AMOUNT '\(text)' has no figure; record what the source says with --unknown '\(text)'")
                }
            case (nil, let text?):
                value = .unknown(text)
                session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
            case (nil, nil): throw UsageError(message: "give the AMOUNT, or --unknown TEXT when the source has no figure")
            case (_?, _?): throw UsageError(message: "give either an AMOUNT or --unknown, not both")
            }
            edit = .setAmount(Amount(option: option, measure: measure, year: year, value: value, source: arguments.value("source", spec: spec)))
        case "remove":
            try EditArguments.reject(["unknown", "source"], in: arguments, action: "remove", hint: "remove takes only --by and --reason")
            if arguments.argument("AMOUNT") != nil { throw UsageError(message: "remove takes no AMOUNT") }
            edit = .removeAmount(option: option, measure: measure, year: year)
            session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        case let action:
            throw UsageError(message: "unknown action '\(action)'; use set or remove")
        }
        return try session.apply(.money(edit), action: "cost \(arguments.argument("ACTION")!)", arguments: arguments, spec: spec, console: console)
    }
}

enum CostingCommand {
    static let spec = CommandSpec(
        name: "costing",
        abstract: "Set the basis money is counted on: currency, years, discount rate, reference, budget (journalled).",
        discussion: """
        --discount-rate is a percentage (default 3.5, the Green Book's; its lower long-term
        rates apply past year 30). --reference names the option others are compared with
        (business as usual or do-minimum). --budget sets an affordability limit on the net
        present cost, or with --budget-line on one cost line's cash total. An empty text
        removes a setting. Changing the basis once amounts exist needs --reason.
        """,
        arguments: [
            .init(name: "ACTION", help: "set."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
        ],
        options: [
            .init(name: "currency", value: "CODE", help: "ISO currency code, e.g. GBP."),
            .init(name: "price-base", value: "YEAR", help: "The year whose prices amounts are in, e.g. 2017/18."),
            .init(name: "first-year", value: "YEAR", help: "The year that is year 0, e.g. 2017/18."),
            .init(name: "discount-rate", value: "PERCENT", help: "Discount rate in percent a year."),
            .init(name: "reference", value: "OPTION", help: "The option others are compared with."),
            .init(name: "budget", value: "AMOUNT", help: "Affordability limit, e.g. £740k."),
            .init(name: "budget-line", value: "MEASURE", help: "The cost line the budget caps (empty: the net present cost)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        guard arguments.argument("ACTION") == "set" else {
            throw UsageError(message: "unknown action '\(arguments.argument("ACTION")!)'; use set")
        }
        var rate: Rational?
        if let text = arguments.value("discount-rate", spec: spec) {
            guard let value = Rational(decimal: text.hasSuffix("%") ? String(text.dropLast()) : text), value >= .zero, value <= Rational(100) else {
                throw UsageError(message: "--discount-rate must be a percentage from 0 to 100 such as 3.5, not '\(text)'")
            }
            rate = value
        }
        var changes = CostingChanges(currency: arguments.value("currency", spec: spec), priceBase: arguments.value("price-base", spec: spec),
                                     firstYear: arguments.value("first-year", spec: spec), discountRate: rate,
                                     reference: arguments.value("reference", spec: spec),
                                     budgetLine: arguments.value("budget-line", spec: spec))
        let budget = arguments.value("budget", spec: spec)
        guard changes != CostingChanges() || budget != nil else {
            throw UsageError(message: "say what to set with --currency, --price-base, --first-year, --discount-rate, --reference, --budget or --budget-line")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        if let budget {
            // The budget is in the currency the appraisal will count money in after this change.
            let currency = changes.currency.map { $0.isEmpty ? Costing.defaultCurrency : $0 }
                ?? session.appraisal.costing?.effectiveCurrency ?? Costing.defaultCurrency
            do { changes.budget = try MoneyParser.figure(budget, currency: currency) } catch { throw UsageError(message: "--budget: \(error.message)") }
        }
        return try session.apply(.money(.setCosting(changes)), action: "costing set", arguments: arguments, spec: spec, console: console)
    }
}
