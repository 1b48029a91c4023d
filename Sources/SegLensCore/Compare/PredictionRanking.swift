/// How each loss orders several predictions of one truth, best (lowest loss) first, and where losses disagree.
public struct PredictionRanking: Sendable {
    /// One loss's verdict.
    public struct Verdict: Sendable {
        public var loss: Loss
        public var parameters: LossParameters
        /// The loss value of each prediction, in the predictions' order.
        public var values: [Double]
        /// Prediction indices from best to worst; ties keep the predictions' order.
        public var order: [Int]
        /// True when this loss orders the predictions as the most common order does.
        public var agreesWithMajority: Bool
    }

    public var verdicts: [Verdict]
    /// The distinct orders, most common first (ties: the one the earlier loss gives), with how many losses give
    /// each.
    public var orders: [(order: [Int], count: Int)]

    /// Ranks `predictions` (inputs of one truth and mode) under each loss with its parameters.
    public init(predictions: [LossInput], losses: [(loss: Loss, parameters: LossParameters)]) {
        precondition(predictions.count >= 2, "a ranking needs two or more predictions")
        let prepared = predictions.map(PreparedInput.init)
        var verdicts = losses.map { loss, parameters in
            let values = prepared.map { loss.evaluate($0, parameters: parameters, keepsGradient: false).value }
            let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
            return Verdict(loss: loss, parameters: parameters, values: values, order: order, agreesWithMajority: true)
        }
        var orders: [(order: [Int], count: Int)] = []
        for verdict in verdicts {
            if let index = orders.firstIndex(where: { $0.order == verdict.order }) {
                orders[index].count += 1
            } else {
                orders.append((verdict.order, 1))
            }
        }
        // A stable sort by count keeps the first-seen order ahead on a tie.
        orders = orders.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        let majority = orders[0].order
        for index in verdicts.indices { verdicts[index].agreesWithMajority = verdicts[index].order == majority }
        self.verdicts = verdicts
        self.orders = orders
    }

    /// True when some loss orders the predictions differently from another.
    public var lossesDisagree: Bool { orders.count > 1 }
}
