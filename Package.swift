// swift-tools-version:6.0
// cohortsim: a discrete-event simulator of how sonography students' clinical
// rotations turn into job offers. No package dependencies: the build machines
// cannot fetch any. GSL comes from Debian's libgsl-dev through a system library.
import PackageDescription

let package = Package(
  name: "cohortsim",
  products: [
    .executable(name: "cohortsim", targets: ["cohortsim"]),
    .library(name: "SimKernel", targets: ["SimKernel"]),
    .library(name: "InputFormats", targets: ["InputFormats"]),
    .library(name: "Experiments", targets: ["Experiments"]),
  ],
  targets: [
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    .target(name: "SimKernel", dependencies: ["CGSL"]),
    // What a user's input files may hold and how each problem is named: strict JSON, field
    // validation, distributions as JSON, the one CSV reader, reading a file a user names.
    .target(name: "InputFormats", dependencies: ["SimKernel"]),
    .target(name: "CohortModel", dependencies: ["InputFormats", "SimKernel"]),
    .target(name: "Experiments", dependencies: ["CohortModel", "InputFormats", "SimKernel", "CGSL"]),
    // The HTML report is presentation: it reads results folders through Experiments and draws them.
    .target(name: "Report", dependencies: ["Experiments", "CohortModel", "SimKernel"]),
    .executableTarget(
      name: "cohortsim", dependencies: ["Experiments", "Report", "CohortModel", "InputFormats", "SimKernel"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "CGSL"]),
    .testTarget(name: "InputFormatsTests", dependencies: ["InputFormats", "SimKernel"]),
    .testTarget(name: "CohortModelTests", dependencies: ["CohortModel", "InputFormats", "SimKernel"]),
    // Fixtures and helpers both the Experiments and the Report tests use (a tiny scenario, a
    // compare folder, running the built cohortsim), written once.
    .target(
      name: "TestSupport", dependencies: ["Experiments", "CohortModel", "SimKernel"],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "ExperimentsTests",
      dependencies: ["Experiments", "CohortModel", "InputFormats", "SimKernel", "TestSupport"]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "Experiments", "CohortModel", "TestSupport"]),
    // The command-line layer's own tests: options parsed and read without running a command.
    .testTarget(name: "cohortsimTests", dependencies: ["cohortsim", "Experiments", "CohortModel"]),
  ],
  swiftLanguageModes: [.v6]
)
