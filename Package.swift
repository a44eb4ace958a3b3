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
  ],
  targets: [
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    .target(name: "SimKernel", dependencies: ["CGSL"]),
    .executableTarget(name: "cohortsim", dependencies: ["SimKernel"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "CGSL"]),
  ],
  swiftLanguageModes: [.v6]
)
