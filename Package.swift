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
    .executableTarget(name: "cohortsim", dependencies: ["Experiments", "CohortModel", "SimKernel"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "CGSL"]),
    .testTarget(name: "CohortModelTests", dependencies: ["CohortModel", "SimKernel"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "CohortModel", "SimKernel"]),
    // The command-line layer's own tests: options parsed and read without running a command.
    .testTarget(name: "cohortsimTests", dependencies: ["cohortsim", "Experiments", "CohortModel"]),
  ],
  swiftLanguageModes: [.v6]
)
