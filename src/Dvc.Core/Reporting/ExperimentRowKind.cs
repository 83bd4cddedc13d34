namespace Dvc.Core.Reporting;

internal enum ExperimentRowKind
{
    Workspace,
    Baseline,
    Experiment,
}
