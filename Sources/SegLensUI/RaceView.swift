import Foundation
import SegLensCore

/// The race screen: the truth and one prediction panel per lane, the IoU-against-step plot, and a line per lane
/// with its loss value, IoU, Dice and the first step at which its IoU reached 0.9.
enum RaceView {
    /// The IoU a lane's summary says when it first reached.
    static let milestone = 0.9

    static func draw(_ model: ExplorerModel, race: ExplorerRace, into canvas: inout Canvas, theme: Theme) {
        let lanes = race.lanes
        let names = lanes.map(\.loss.name).joined(separator: " · ")
        let input = race.start
        let right = "\(input.mode.rawValue) \(input.height)×\(input.width)"
        canvas.put(right, row: 0, column: max(0, canvas.width - right.count - 1), pen: theme.dim)
        let column = canvas.put(" seglens ", row: 0, column: 0, pen: theme.accent)
        canvas.put("race: \(names)", row: 0, column: column, maxWidth: max(0, canvas.width - right.count - column - 2),
                   ellipsis: theme.glyphs.ellipsis, pen: theme.title)

        let statusRow = canvas.height - 1
        let summaryRows = (statusRow - lanes.count)..<statusRow
        let available = summaryRows.lowerBound - 1
        let plotHeight = max(5, available * 2 / 5)
        let panelHeight = available - plotHeight
        let panels = PixelPanels(model: model, theme: theme)
        let count = lanes.count + 1, share = canvas.width / count
        for index in 0..<count {
            let left = index * share
            let rect = Rect(row: 1, column: left, width: index == count - 1 ? canvas.width - left : share, height: panelHeight)
            if index == 0 {
                panels.drawTruth(into: &canvas, rect: rect)
            } else {
                let lane = lanes[index - 1]
                panels.drawPrediction(
                    into: &canvas, rect: rect, titles: ["\(index) \(lane.loss.name)", "\(index)"], probabilities: lane.run.prepared.probabilities,
                    cached: false)
            }
        }

        let iouName = input.mode == .binary ? "IoU" : "mIoU", diceName = input.mode == .binary ? "Dice" : "mDice"
        let plot = StepPlot(
            title: "\(iouName) against step",
            series: lanes.enumerated().map { index, lane in
                StepPlot.Series(
                    points: lane.history.map { ($0.step, $0.iou) }, color: StepPlot.colors[index % StepPlot.colors.count],
                    marker: Character("\(index + 1)"))
            })
        plot.draw(into: &canvas, rect: Rect(row: 1 + panelHeight, column: 0, width: canvas.width, height: plotHeight), theme: theme)

        let nameWidth = lanes.map(\.loss.name.count).max() ?? 0
        let atLeast = theme.glyphs.isUnicode ? "≥" : ">="
        for (index, lane) in lanes.enumerated() {
            let point = lane.latest
            let reached = lane.firstStep(reachingIoU: milestone).map { "at step \($0)" } ?? "not yet"
            let name = lane.loss.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            func f(_ value: Double) -> String { String(format: "%.3f", value) }
            let text = " \(index + 1) \(name)  \(ExplorerView.formatValue(point.value))  \(iouName) \(f(point.iou))"
                + "  \(diceName) \(f(point.dice))  \(iouName) \(atLeast) \(milestone) \(reached)"
            let row = summaryRows.lowerBound + index
            if theme.usesColor {
                canvas[row, 1] = Cell(theme.glyphs.fullBlock, foreground: StepPlot.colors[index % StepPlot.colors.count])
            }
            canvas.put(text, row: row, column: 2, maxWidth: canvas.width - 2, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
