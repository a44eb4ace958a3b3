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
    .library(name: "Experiments", targets: ["Experiments"]),
  ],
  targets: [
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    .target(name: "SimKernel", dependencies: ["CGSL"]),
    .target(name: "CohortModel", dependencies: ["SimKernel"]),
    .target(name: "Experiments", dependencies: ["CohortModel", "SimKernel", "CGSL"]),
    // The HTML report is presentation: it reads results folders through Experiments and draws them.
    .target(name: "Report", dependencies: ["Experiments", "CohortModel", "SimKernel"]),
    .executableTarget(
      name: "cohortsim", dependencies: ["Experiments", "Report", "CohortModel", "SimKernel"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "CGSL"]),
    .testTarget(name: "CohortModelTests", dependencies: ["CohortModel", "SimKernel"]),
    // Fixtures and helpers both the Experiments and the Report tests use (a tiny scenario, a
    // compare folder, running the built cohortsim), written once.
    .target(
      name: "TestSupport", dependencies: ["Experiments", "CohortModel", "SimKernel"],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "ExperimentsTests", dependencies: ["Experiments", "CohortModel", "SimKernel", "TestSupport"]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "Experiments", "CohortModel", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
