import SegLensCore
import Testing
@testable import SegLensFormats

@Suite struct NumpyArrayConversionTests {
    private let six: NumpyArray.Storage = .integers([0, 1, 2, 1, 0, 255])

    @Test(arguments: [[2, 3], [1, 2, 3], [1, 1, 2, 3]])
    func labelShapes(shape: [Int]) throws {
        let labels = try NumpyArray(shape: shape, storage: six).labelMap(path: "t.npy")
        #expect(labels == LabelMap(height: 2, width: 3, labels: [0, 1, 2, 1, 0, 255]))
    }

    @Test(arguments: [[6], [2, 1, 3], [1, 2, 1, 3], [1, 1, 1, 2, 3], []])
    func wrongLabelShapes(shape: [Int]) {
        let storage: NumpyArray.Storage = shape.isEmpty ? .integers([0]) : six
        #expect {
            try NumpyArray(shape: shape, storage: storage).labelMap(path: "t.npy")
        } throws: { error in
            (error as? FormatError)?.description.contains("a label map must have shape (H, W), (1, H, W) or (1, 1, H, W), not") == true
        }
    }

    @Test func wholeFloatsAreLabels() throws {
        let labels = try NumpyArray(shape: [1, 3], storage: .doubles([0, 2, -1])).labelMap(path: "t.npy")
        #expect(labels.labels == [0, 2, -1])
    }

    @Test(arguments: [NumpyArray.Storage.doubles([0, 0.5]), .doubles([0, .nan]), .integers([0, 1 << 40])])
    func labelsThatAreNotInt32(storage: NumpyArray.Storage) {
        #expect {
            try NumpyArray(shape: [1, 2], storage: storage).labelMap(path: "t.npy")
        } throws: { error in
            (error as? FormatError)?.description.contains("at row 0, column 1 is not an integer that fits in 32 bits") == true
        }
    }

    @Test func predictionShapes() throws {
        let values = (0..<12).map(Double.init)
        let cases: [([Int], Int, Int, Int)] = [([3, 4], 1, 3, 4), ([3, 2, 2], 3, 2, 2), ([1, 3, 4], 1, 3, 4), ([1, 2, 3, 2], 2, 3, 2)]
        for (shape, classes, height, width) in cases {
            let prediction = try NumpyArray(shape: shape, storage: .doubles(values)).prediction(path: "p.npy")
            #expect(prediction.classes == classes && prediction.height == height && prediction.width == width)
            #expect(prediction.values == values)
        }
        let integers = try NumpyArray(shape: [1, 2], storage: .integers([0, 1])).prediction(path: "p.npy")
        #expect(integers.values == [0, 1])
    }

    @Test(arguments: [[12], [2, 1, 2, 3], [0, 2, 6], [1, 0, 2, 6], [1, 1, 1, 2, 6]])
    func wrongPredictionShapes(shape: [Int]) {
        let count = shape.reduce(1, *)
        #expect {
            try NumpyArray(shape: shape, storage: .doubles([Double](repeating: 0, count: count))).prediction(path: "p.npy")
        } throws: { error in
            (error as? FormatError)?.description.hasPrefix("p.npy: a prediction must have shape (H, W), (C, H, W) or (1, C, H, W)") == true
        }
    }
}
