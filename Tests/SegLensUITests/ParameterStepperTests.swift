import Testing
import SegLensCore
@testable import SegLensUI

@Suite struct ParameterStepperTests {
    func steps(_ start: Double?, _ parameter: LossParameter, _ loss: Loss, _ directions: [Int], coarse: Bool = false) -> [Double?] {
        var value = start, seen: [Double?] = []
        for direction in directions {
            value = ParameterStepper.step(value, parameter: parameter, loss: loss, direction: direction, coarse: coarse)
            seen.append(value)
        }
        return seen
    }

    @Test func gammaMovesInQuartersAndWholeStepsAndStopsAtZero() {
        #expect(steps(2, .gamma, .binaryFocal, [1, 1]) == [2.25, 2.5])
        #expect(steps(2.5, .gamma, .binaryFocal, [1], coarse: true) == [3.5])
        #expect(steps(0.25, .gamma, .binaryFocal, [-1, -1]) == [0, 0])
        #expect(steps(9.5, .gamma, .binaryFocal, [1], coarse: true) == [10])
    }

    @Test func alphaStepsBelowZeroIntoNoneAndBack() {
        #expect(steps(0.05, .alpha, .binaryFocal, [-1, -1, -1, 1, 1]) == [0, nil, nil, 0, 0.05])
        #expect(steps(0.25, .alpha, .binaryFocal, [1, 1, 1]) == [0.3, 0.35, 0.4])
        #expect(steps(0.9, .alpha, .binaryFocal, [1, 1, 1]) == [0.95, 1, 1])
    }

    @Test func tverskyBetaStaysWithinZeroAndOne() {
        #expect(steps(0.3, .beta, .tversky, [1, 1]) == [0.35, 0.4])
        #expect(steps(0.1, .beta, .tversky, [-1, -1, -1]) == [0.05, 0, 0])
        #expect(steps(0.9, .beta, .tversky, [1], coarse: true) == [1])
    }

    @Test func weightedBCEPositiveWeightMovesByRatios() {
        #expect(steps(1, .beta, .weightedBCE, [1, 1, -1]) == [1.25, 1.5625, 1.25])
        #expect(steps(1, .beta, .weightedBCE, [1, -1, -1], coarse: true) == [2, 1, 0.5])
    }

    @Test func smoothingMovesByDecadesDownToZero() {
        #expect(steps(1e-5, .smooth, .dice, [1, 1, 1, 1, 1]) == [1e-4, 1e-3, 1e-2, 0.1, 1])
        #expect(steps(1e-7, .smooth, .dice, [-1, -1, -1, 1]) == [1e-8, 0, 0, 1e-8])
        #expect(steps(1e-5, .smooth, .dice, [1], coarse: true) == [1e-2])
    }
}

@Suite struct PixelViewportTests {
    @Test func aSmallImageIsMagnifiedByTheLargestWholeFactor() {
        let viewport = PixelViewport(imageHeight: 6, imageWidth: 10, dotRows: 20, dotColumns: 24, zoom: 0, center: (3, 5))
        #expect(viewport.rows.count == 12 && viewport.columns.count == 20)  // ×2: 20/6 = 3 but 24/10 = 2
        #expect(viewport.rows[0] == 0..<1 && viewport.rows[1] == 0..<1 && viewport.rows[2] == 1..<2)
        #expect(!viewport.isDownsampled)
    }

    @Test func aLargeImageIsDownsampledInSquareBlocksCoveringEveryPixel() {
        let viewport = PixelViewport(imageHeight: 1000, imageWidth: 700, dotRows: 40, dotColumns: 50, zoom: 0, center: (500, 350))
        // 1000/40 = 25 rows per dot, 700/50 = 14 columns: the larger block, 25, serves both axes.
        #expect(viewport.rows.count == 40 && viewport.columns.count == 28)
        #expect(viewport.rows.allSatisfy { $0.count == 25 } && viewport.columns.last == 675..<700)
        #expect(viewport.isDownsampled)
    }

    @Test func zoomShowsAQuarterAroundTheCentreClampedToTheImage() {
        let centred = PixelViewport(imageHeight: 100, imageWidth: 100, dotRows: 50, dotColumns: 50, zoom: 1, center: (50, 50))
        #expect(centred.rows.first!.lowerBound == 25 && centred.rows.last!.upperBound == 75)
        let corner = PixelViewport(imageHeight: 100, imageWidth: 100, dotRows: 50, dotColumns: 50, zoom: 1, center: (0, 99))
        #expect(corner.rows.first!.lowerBound == 0 && corner.columns.last!.upperBound == 100)
    }
}
