/// `run.json` files of the kinds `Results/` holds none of, as cohortsim wrote them before one
/// `RunRecord` type read every kind (commit 72b0f01; paths and platform neutralised): a shard of a
/// run, a shard of a sweep, and a run merged from shards. Each must still read back and write back
/// byte for byte, so `merge` and reruns keep accepting folders written then.
enum OldRunRecords {
  static let runShard = #"""
    {
      "cohortsim_version" : "0.1.0",
      "command_line" : [
        "cohortsim",
        "run",
        "Scenarios/baseline.json",
        "--replications",
        "6",
        "--shard",
        "1/2",
        "--out",
        "/work/shards/shard-1",
        "--quiet",
        "--jobs",
        "1"
      ],
      "files" : {
        "outcomes.csv" : {
          "bytes" : 148407,
          "sha256" : "9e88ccb41b579a03c4c5d0e68e7f3ab8121da0fd12b6833d0f96f8f3f1af1d7c"
        },
        "replications.csv" : {
          "bytes" : 2278,
          "sha256" : "9d02f66676df0a0a6ea99a19a51ff9f40e6fbbfc24c19b9a84099c877d232a83"
        }
      },
      "finished_at" : "2026-12-06T07:48:02Z",
      "inherited_changed_defaults" : [

      ],
      "jobs" : 1,
      "master_seed" : 20261129,
      "model_defaults" : "joint ABC-SMC calibration of 2026-12-06 over baseline, one-program-oregon and national-sample (Results/calibration-joint, particle 3 of its last generation; targets Scenarios/targets/joint.json)",
      "platform" : "Linux 6.1.0-18-amd64 x86_64",
      "replications" : 6,
      "scenario_file" : "/work/cohortsim/Scenarios/baseline.json",
      "scenario_sha256" : "51657757be3927f3ba1fb99ecd9201148c01f1e09228e0467d06f05088e52191",
      "shard" : {
        "count" : 2,
        "end_replication" : 6,
        "first_replication" : 3,
        "index" : 1
      },
      "started_at" : "2026-12-06T07:48:02Z",
      "strategies" : [
        "program-default"
      ]
    }
    """#

  static let sweepShard = #"""
    {
      "cohortsim_version" : "0.1.0",
      "command_line" : [
        "cohortsim",
        "sweep",
        "Scenarios/baseline.json",
        "--design",
        ".ci/r-check.d/sweep-grid.json",
        "--replications",
        "2",
        "--shard",
        "1/2",
        "--out",
        "/work/shards/sweep-1",
        "--quiet",
        "--jobs",
        "1"
      ],
      "design" : {
        "factors" : [
          {
            "path" : "hiring.applyProbability",
            "values" : [
              0.4,
              0.8
            ]
          },
          {
            "path" : "programs[2].cohortSize",
            "values" : [
              12,
              20
            ]
          }
        ],
        "method" : "grid",
        "seed" : 1
      },
      "design_sha256" : "b32e268d08ed1d43b1130dd889ce5c904487a5c4dcd4638fc2bdab046456799d",
      "files" : {
        "design.csv" : {
          "bytes" : 102,
          "sha256" : "fe2ef9277c5b9491395138748459678946191de500b71f28b04071326315bac3"
        },
        "points.csv" : {
          "bytes" : 6747,
          "sha256" : "4a9c7f6debd47301d6a3bcdbaea3083393e01375172ae09c74e1b93e9dad57da"
        },
        "replications.csv" : {
          "bytes" : 2738,
          "sha256" : "c72ef8b289beee14b68c3f13885fd4997c8d80d317a891fd9f4ae97ac89b85db"
        }
      },
      "finished_at" : "2026-12-06T07:48:04Z",
      "jobs" : 1,
      "master_seed" : 20261129,
      "platform" : "Linux 6.1.0-18-amd64 x86_64",
      "points" : 4,
      "replications" : 2,
      "scenario_file" : "/work/cohortsim/Scenarios/baseline.json",
      "scenario_sha256" : "51657757be3927f3ba1fb99ecd9201148c01f1e09228e0467d06f05088e52191",
      "shard" : {
        "count" : 2,
        "end_point" : 4,
        "first_point" : 2,
        "index" : 1
      },
      "started_at" : "2026-12-06T07:48:04Z",
      "strategies" : [
        "program-default"
      ]
    }
    """#

  static let mergedRun = #"""
    {
      "cohortsim_version" : "0.1.0",
      "command_line" : [
        "cohortsim",
        "merge",
        "/work/shards/shard-0",
        "/work/shards/shard-1",
        "--out",
        "/work/shards/merged",
        "--quiet"
      ],
      "files" : {
        "cohorts.csv" : {
          "bytes" : 16032,
          "sha256" : "73fff10103ae2ee3a96263e41cc16dd1c7c6f1bf077ea02d924b5bcdc7eaf190"
        },
        "replications.csv" : {
          "bytes" : 3953,
          "sha256" : "171033ca896e9383e8a64549ae6e011127b5a221a7b7481f4d19c95108574177"
        },
        "summary.csv" : {
          "bytes" : 4893,
          "sha256" : "6400df866e0d569aedfc0721e6e676db6974755dc7c741bed0cd609e1a34bd4e"
        },
        "time_to_offer.csv" : {
          "bytes" : 56141,
          "sha256" : "50104e46c9c5e1061c8cabd7e57c076d4b0b37a7a1b3b1409d2f75f7ae68656b"
        },
        "timeline.csv" : {
          "bytes" : 7781,
          "sha256" : "ada544357ce558c5399db1f7c8693c1019d9570d585e43e0258482023cbda807"
        }
      },
      "finished_at" : "2026-12-06T07:48:02Z",
      "inherited_changed_defaults" : [

      ],
      "jobs" : 1,
      "master_seed" : 20261129,
      "merged_from" : [
        "/work/shards/shard-0",
        "/work/shards/shard-1"
      ],
      "model_defaults" : "joint ABC-SMC calibration of 2026-12-06 over baseline, one-program-oregon and national-sample (Results/calibration-joint, particle 3 of its last generation; targets Scenarios/targets/joint.json)",
      "platform" : "Linux 6.1.0-18-amd64 x86_64",
      "replications" : 6,
      "scenario_file" : "/work/cohortsim/Scenarios/baseline.json",
      "scenario_sha256" : "51657757be3927f3ba1fb99ecd9201148c01f1e09228e0467d06f05088e52191",
      "started_at" : "2026-12-06T07:48:02Z",
      "strategies" : [
        "program-default"
      ]
    }
    """#
}
