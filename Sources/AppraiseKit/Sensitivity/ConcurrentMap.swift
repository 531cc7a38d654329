import Dispatch

/// `(0..<count).map(transform)` spread over the cores. Each index is computed independently
/// and stored in its own slot, so the result is the same as the plain map, in the same order.
func concurrentMap<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { slots.store(transform($0), at: $0) }
    return (0..<count).map { slots.value(at: $0) }
}

/// One result slot per concurrent task; each task writes only its own slot and the slots are
/// read after every task has finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func value(at index: Int) -> Value { slots[index]! }
}
