// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Whether the CPU building this package has AVX2 and FMA (x86-64 Linux, read from /proc/cpuinfo): then release
/// builds of the loss engine use them (four Doubles per instruction in the fused kernels' SIMD4 lanes instead of
/// two). Elsewhere — other CPUs, other architectures — the compiler's default target is kept.
let buildHostHasAVX2: Bool = {
    #if arch(x86_64) && os(Linux)
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return false }
    let words = Set(flags.split(separator: " "))
    return words.contains("avx2") && words.contains("fma")
    #else
    return false
    #endif
}()

let package = Package(
    name: "seglens",
    products: [
        .executable(name: "seglens", targets: ["seglens"]),
        .library(name: "SegLensCore", targets: ["SegLensCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .target(
            name: "SegLensCore", dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: buildHostHasAVX2
                ? [.unsafeFlags(["-target-cpu", "haswell"], .when(platforms: [.linux], configuration: .release))] : []),
        .systemLibrary(name: "CLibPNG", path: "Sources/CLibPNG", providers: [.apt(["libpng-dev"])]),
        // zlib's inflate and crc32, for the deflated members of .npz archives.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's mallopt, to keep the explorer's large per-key-press buffers in the heap.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "SegLensFormats", dependencies: ["SegLensCore", "CLibPNG", "CZlib"]),
        // Pure UI state and drawing: Canvas, Key, glyphs, ANSI text. No curses.
        .target(name: "SegLensUI", dependencies: ["SegLensCore"]),
        // C shim over ncursesw: macros, globals and signal handling Swift can't express.
        // Only SegLensTerminal may import it.
        .target(name: "CNcurses", cSettings: [.define("NCURSES_WIDECHAR", to: "1")]),
        // The live terminal: opens the screen, draws Canvases, reads Keys.
        .target(name: "SegLensTerminal", dependencies: ["SegLensUI", "CNcurses"]),
        .executableTarget(
            name: "seglens",
            dependencies: [
                "SegLensCore", "SegLensFormats", "SegLensUI", "SegLensTerminal", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SegLensCoreTests", dependencies: ["SegLensCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SegLensUITests", dependencies: ["SegLensUI", "SegLensCore"], exclude: ["Snapshots"]),
        .testTarget(name: "SegLensFormatsTests", dependencies: ["SegLensFormats", "SegLensCore"], resources: [.copy("Fixtures")]),
        // Runs the built seglens binary as a subprocess; reads the PyTorch reference set of SegLensCoreTests in place.
        .testTarget(name: "SegLensCLITests", dependencies: ["seglens", "SegLensFormats", "SegLensCore", "SegLensUI"], exclude: ["Fixtures"]),
        // Checks every Samples/*.mask file and the claim of its note; reads ../../Samples relative to its sources.
        .testTarget(name: "SamplesTests", dependencies: ["SegLensFormats", "SegLensCore", "SegLensUI"]),
    ]
)
