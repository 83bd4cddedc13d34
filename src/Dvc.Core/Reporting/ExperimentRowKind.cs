namespace Dvc.Core.Reporting;

public enum ExperimentRowKind
{
    Workspace,
    Baseline,
    Experiment,
}
