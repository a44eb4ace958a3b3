import Foundation

exit(dispatch(Array(CommandLine.arguments.dropFirst())))
