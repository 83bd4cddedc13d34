namespace Dvc.Core.Errors;

/// <summary>
/// Every error Dvc.Build reports has its own code, one per kind of problem, never reused
/// (README lists them). 10xx: pipeline definition and repro; 11xx: experiments; 12xx: cache.
/// </summary>
internal static class DvcErrorCode
{
    public const string YamlSyntax = "DVC1001";
    public const string UnknownKey = "DVC1002";
    public const string WrongType = "DVC1003";
    public const string MissingRequiredKey = "DVC1004";
    public const string Interpolation = "DVC1005";
    public const string MissingParamsFile = "DVC1006";
    public const string MissingParamKey = "DVC1007";
    public const string MissingDependency = "DVC1008";
    public const string Cycle = "DVC1009";
    public const string DuplicateOutput = "DVC1010";
    public const string OverlappingOutputs = "DVC1011";
    public const string PathOutsideRepository = "DVC1012";
    public const string UnknownTarget = "DVC1013";
    public const string NotADvcRepository = "DVC1014";
    public const string StageCommandFailed = "DVC1015";
    public const string OutputNotCreated = "DVC1016";
    public const string InvalidLockFile = "DVC1017";
    public const string InvalidStageName = "DVC1018";
    public const string StageInsideOutput = "DVC1019";
    public const string InvalidParamsFile = "DVC1020";
    public const string InvalidVars = "DVC1021";
    public const string RepositoryLocked = "DVC1022";
    public const string StageCancelled = "DVC1023";
    public const string InvalidOption = "DVC1024";
    public const string FrozenStageMissingOutput = "DVC1025";
    public const string NotAGitRepository = "DVC1026";
    public const string AlreadyInitialized = "DVC1027";
    public const string GitFailed = "DVC1028";
    public const string InternalPath = "DVC1029";
    public const string Internal = "DVC1099";
    public const string PathDoesNotExist = "DVC1201";
    public const string IgnoreFileInCollectedDirectory = "DVC1202";
    public const string InvalidDirObject = "DVC1203";
    public const string CacheObjectMissing = "DVC1204";
    public const string InvalidConfig = "DVC1205";
    public const string LinkFailed = "DVC1206";
    public const string InvalidHash = "DVC1207";
    public const string CorruptedCacheObject = "DVC1208";
    public const string NoSpaceLeft = "DVC1209";
    public const string IoFailed = "DVC1210";
    public const string EmptyGitRepository = "DVC1100";
    public const string InvalidExperimentName = "DVC1101";
    public const string ExperimentExists = "DVC1102";
    public const string UnknownExperiment = "DVC1103";
    public const string AmbiguousExperimentName = "DVC1104";
    public const string GitIdentityMissing = "DVC1105";
    public const string GitRefChangedConcurrently = "DVC1106";
    public const string GitBranchExists = "DVC1107";

    // 115x: experiment `Set` overrides (`dvc exp run -S`); a block of its own so parallel 11xx work cannot collide.
    public const string OverrideSyntax = "DVC1150";
    public const string SweepWithoutQueue = "DVC1151";
    public const string OverrideKeyMissing = "DVC1152";
    public const string OverrideKeyExists = "DVC1153";
    public const string OverrideDeleteMissing = "DVC1154";
    public const string OverrideDeleteMismatch = "DVC1155";
    public const string OverrideMergeFailed = "DVC1156";
    public const string OverrideUnsupportedFile = "DVC1157";

    // 14xx: the experiment queue (Queue, RunAll, Temp and the Queue* targets).
    public const string EmptySweep = "DVC1401";
    public const string InvalidSweep = "DVC1402";
    public const string QueueEntryUnknown = "DVC1403";
    public const string QueuedExperimentFailed = "DVC1404";
    public const string QueueOptionConflict = "DVC1405";
    public const string QueueLocked = "DVC1406";
    public const string QueueWorkspaceFailed = "DVC1407";
    public const string QueueArgsUnreadable = "DVC1408";

    // 18xx: the queue on a Slurm cluster (Executor=slurm).
    public const string SlurmMissing = "DVC1801";
    public const string SlurmUnreachable = "DVC1802";
    public const string SlurmSubmissionRejected = "DVC1803";
    public const string InvalidExecutor = "DVC1805";
    public const string SlurmCommandFailed = "DVC1806";
    public const string SlurmRepositoryGone = "DVC1807";
    public const string SlurmWorkerMissing = "DVC1808";

    // 116x: experiment and metrics reports.
    public const string InvalidValueFile = "DVC1161";
    public const string UnknownSortColumn = "DVC1162";
    public const string AmbiguousSortColumn = "DVC1163";
    public const string GitObjectReadFailed = "DVC1164";

    // 117x: data sources (.dvc files, the Add target) and whole-build serialization.
    public const string InvalidDataSourceFile = "DVC1170";
    public const string InvalidAddTarget = "DVC1171";
    public const string MissingDataSource = "DVC1172";
    public const string BuildLockTimeout = "DVC1173";

    // 17xx: stage add, repro error policies and interactive runs, more experiment commands, checkpoints.
    public const string StageAddIncomplete = "DVC1700";
    public const string DuplicateStageName = "DVC1701";
    public const string StageAddUnsupportedFile = "DVC1702";
    public const string ArgumentDuplication = "DVC1703";
    public const string InvalidStageOption = "DVC1704";
    public const string NoConsoleForInteractive = "DVC1710";
    public const string ReproductionAborted = "DVC1711";
    public const string InvalidPattern = "DVC1720";
    public const string NoExperimentsSelected = "DVC1721";
    public const string CheckpointFailed = "DVC1740";
    public const string UnknownCheckpoint = "DVC1741";
    public const string InvalidCheckpointOut = "DVC1742";
    public const string CheckpointResumeConflict = "DVC1743";

    // 13xx: hosting and IDE integration. DVC1301 (MSBuild too old for the .NET task host) is
    // reported by build/Dvc.Build.Integration.targets.
    public const string StageWouldRun = "DVC1302";

    // 160x-164x: DVC remotes (config, push/pull/fetch, run-cache and experiment sharing) and the
    // local-path remote; 165x-169x belong to the SSH, S3 and Azure remote types.
    public const string NoRemote = "DVC1600";
    public const string UnknownRemote = "DVC1601";
    public const string UnsupportedRemoteScheme = "DVC1602";
    public const string RemoteObjectMissing = "DVC1603";
    public const string CorruptedRemoteObject = "DVC1604";
    public const string RemoteNoSpaceLeft = "DVC1605";
    public const string RemoteIoFailed = "DVC1606";
    public const string RemoteExists = "DVC1607";
    public const string InvalidRemoteName = "DVC1608";
    public const string GitRemoteFailed = "DVC1609";
    public const string UnsavedWorkspaceChanges = "DVC1610";
    public const string CredentialsInRemoteUrl = "DVC1611";

    // 1650-1699: SSH, S3 and Azure remote storages. Each message names the remote and the path;
    // a missing object is RemoteObjectMissing (DVC1603), as on the local remote.
    public const string RemoteUnreachable = "DVC1650";
    public const string RemoteAuthenticationFailed = "DVC1651";
    public const string RemoteContainerMissing = "DVC1652";
    public const string RemoteInvalidUrl = "DVC1653";
    public const string RemoteRequestFailed = "DVC1654";

    // 150x: plots (dvc plots show/diff) and the experiment report page.
    public const string PlotDataMissing = "DVC1501";
    public const string PlotFieldMissing = "DVC1502";
    public const string PlotTemplateUnknown = "DVC1503";
    public const string PlotDataInvalid = "DVC1504";
    public const string PlotAssetsMissing = "DVC1505";

    /// <summary>x and y sources that cannot be paired (counts or lengths differ), as DVC's converter says.</summary>
    public const string PlotSourcesMismatch = "DVC1506";

    /// <summary>A template without the <c>&lt;DVC_METRIC_DATA&gt;</c> anchor.</summary>
    public const string PlotTemplateInvalid = "DVC1507";
}
