import Experiments

/// The library's errors as the command line says them. `Experiments` knows no flags: an error
/// that a setting would cure carries the setting, and the option that gives it is named here,
/// from its declaration.
enum ErrorMessages {
  /// `error`'s one message; a scenario error's problems are one a line.
  static func message(_ error: any Error) -> String {
    switch error {
    case let output as OutputError: message(output)
    case let posterior as PosteriorError: "\(posteriorOption) \(posterior.folder): \(posterior.problem)"
    case let baseline as BaselineError:
      baseline.description(option: posteriorOption, bless: "--" + CheckCommand.bless.spec.name)
    case let merge as MergeError:
      merge.description(
        shardOption: "--" + ExperimentOptions.shard.spec.name, outOption: "--" + MergeCommand.out.spec.name)
    default: "\(error)"
    }
  }

  /// `--posterior`, as declared.
  static var posteriorOption: String { "--" + PosteriorOptions.directory.spec.name }

  /// A write refused or failed, with the option that lets it go ahead.
  static func message(_ error: OutputError) -> String {
    error.description(remedy: { remedy in
      switch remedy {
      case .overwrite: "add --\(CommonOptions.overwrite.spec.name) to replace it"
      }
    })
  }
}
