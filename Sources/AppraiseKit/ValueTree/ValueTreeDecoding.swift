/// Reading the value tree and swing weights from an appraisal file.
/// Every key here is optional, so a file without them reads exactly as before.
extension AppraisalDecoder {
    func decodeNode(_ node: JSONNode, _ path: String) -> ValueNode? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let parent = reader.string("parent", required: false)
        let weight = reader.rational("weight", required: false)
        let weightRationale = reader.string("weightRationale", required: false)
        let swing = reader.node("swing", required: false).flatMap { decodeSwing($0, path: reader.child("swing")) }
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return ValueNode(id: id, name: name, parent: parent, weight: weight, weightRationale: weightRationale, swing: swing)
    }

    func decodeSwing(_ node: JSONNode, path: String) -> Swing? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let worst = reader.string("worst")
        let best = reader.string("best")
        let points = reader.rational("points")
        reader.rejectUnknownKeys()
        guard let worst, let best, let points else { return nil }
        return Swing(worst: worst, best: best, points: points)
    }
}
